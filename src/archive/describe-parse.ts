import type { ItemKind, ParsedItem, ParsedPage, ParseNote } from './types.ts';

/**
 * The archivist's view of a parse: each item with its lines, kind, display
 * roles, dateline, names, subheads and the first characters of every
 * paragraph, then the notes with the correction that would change each
 * reading. Plain text, so a wrong reading shows at a glance.
 */

/** The name an archivist's view gives each kind of item: here and on the dev server's parse review. */
export const KIND_NAMES: Readonly<Record<ItemKind, string>> = { story: '稿件', jump: '转版续稿', photo: '图片' };
const head = (n: number): string => `${n}`.padStart(3, ' ');
const cut = (text: string, chars: number): string => {
  const cs = [...text];
  return cs.length > chars ? `${cs.slice(0, chars).join('')}…` : text;
};
const range = ([a, b]: [number, number]): string => (a === b ? `line ${a}` : `lines ${a}–${b}`);

/** A correction as one YAML flow mapping, ready to paste under `corrections:`. */
export function correctionYaml(fix: NonNullable<ParseNote['fix']>): string {
  const parts = Object.entries(fix).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  return `- { ${parts.join(', ')} }`;
}

/** One note as printed: the line, what was read, and the correction to paste. */
export function describeNote(note: ParseNote, file?: string): string[] {
  const where = file ? `${file}:${note.line}` : `line ${note.line}`;
  const out = [`  ? ${where}: ${note.message}`];
  if (note.fix) out.push(`      to read it the other way, add to the .yml's corrections:  ${correctionYaml(note.fix)}`);
  return out;
}

function describeItem(item: ParsedItem, n: number): string[] {
  const out = [`${head(n)}. ${item.kind} ${KIND_NAMES[item.kind]}, ${range(item.lines)}`];
  const field = (label: string, value: string | null, extra = ''): void => {
    if (value !== null) out.push(`     ${label.padEnd(15, ' ')}${value}${extra}`);
  };
  const piece = (role: string): string => {
    const p = item.pieces.find((x) => x.role === role);
    return p ? `  (${range(p.lines)})` : '';
  };
  field('column 栏目', item.column, piece('column'));
  field('kicker 引题', item.kicker, piece('kicker'));
  field('headline 主题', item.headline, piece('headline'));
  field('subtitle 副题', item.subtitle, piece('subtitle'));
  if (item.title.added) field('title 拟题', item.title.text, '  (added by the site)');
  if (item.continuedFrom) field('上接', `${item.continuedFrom}版`);
  field('dateline 电头', item.dateline);
  field('byline 署名', item.byline);
  field('credit 摄影', item.credit);
  if (item.bylines.length > 0) field('writers', item.bylines.join(', '));
  if (item.credits.length > 0) field('photos by', item.credits.join(', '));
  for (const block of item.body) {
    if (block.type === 'subhead') field('subhead 小标题', block.text, `  (line ${block.lines[0]})`);
    else field(`¶ ${range(block.lines)}`, cut(block.text, 24));
  }
  for (const note of item.endnotes) field('endnote 附注', note);
  if (item.continuesOn) field('下转', `${item.continuesOn}版`);
  for (const note of item.notes) out.push(...describeNote(note));
  return out;
}

/**
 * The whole parse of a page as text.
 * @example describeParse(parsePage(text), 'content/pages/…/004.txt').join('\n')
 */
export function describeParse(page: ParsedPage, file: string): string[] {
  const notes = page.notes.length + page.items.reduce((n, i) => n + i.notes.length, 0);
  const out = [`${file}: ${page.items.length} item(s), ${page.layout.length} layout line(s), ${notes} note(s)`, ''];
  page.items.forEach((item, k) => out.push(...describeItem(item, k + 1), ''));
  for (const l of page.layout) out.push(`  layout 版面 ${range(l.lines)}: ${cut(l.text, 30)}`);
  for (const note of page.notes) out.push(...describeNote(note));
  return out;
}
