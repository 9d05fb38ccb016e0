/**
 * Proposes a paper's house style (papers.yml `style`, see
 * src/archive/paper-style.ts) from the corrections kept on its pages: how
 * many two-line heads archivists corrected to each shape, the style that
 * would read them so, how many of those corrections and of the parser's
 * notes it would make unnecessary, and which gold items of the corpus of
 * real pages it would change.
 * Usage: npm run parse:style -- <paper> [--content <folder>] [--corpus <folder>]
 * (by default content/ and tests/fixtures/real-pages).
 */
import { existsSync } from 'node:fs';
import type { Correction } from '../src/archive/corrections.ts';
import { editionMetaSchema } from '../src/archive/edition-meta.ts';
import { TWO_LINE_HEADS, twoLineShape, type PaperStyle, type TwoLineHead } from '../src/archive/paper-style.ts';
import { parsePage } from '../src/archive/parse-page.ts';
import { readArchive } from '../src/archive/read-archive.ts';
import { readYaml } from '../src/archive/read-yaml.ts';
import type { ParsedPage } from '../src/archive/types.ts';
import { comparePage, CORPUS_DIR, readCorpus } from '../tests/support/gold-corpus.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const paper = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!paper) {
  console.error('usage: npm run parse:style -- <paper id> [--content <folder>] [--corpus <folder>]');
  process.exit(2);
}
const contentDir = option('--content', 'content');
const corpusDir = option('--corpus', CORPUS_DIR);

/** A raw page of the paper with its corrections. */
interface StylePage {
  path: string;
  text: string;
  corrections: Correction[];
}

/** The paper's pages in a content folder, read as the archive reads them (pages/ with a .yml beside each .txt). */
function pagesIn(folder: string): StylePage[] {
  if (!existsSync(folder)) return [];
  const decoder = new TextDecoder();
  const files = readArchive(folder).pageFiles.filter((f) => f.refused === undefined);
  const byPath = new Map(files.map((f) => [f.path, f]));
  return files
    .filter((f) => f.path.endsWith('.txt'))
    .flatMap((f) => {
      const yml = byPath.get(f.path.replace(/\.txt$/u, '.yml'));
      const meta = yml && readYaml(yml.path, decoder.decode(yml.bytes), editionMetaSchema).data;
      return meta && meta.paper === paper ? [{ path: f.path, text: decoder.decode(f.bytes), corrections: meta.corrections ?? [] }] : [];
    });
}

/** The two-line heads of a parse: the lines of each, and their shape. */
function twoLineHeads(text: string, parse: ParsedPage): { lines: number[]; shape: TwoLineHead | null }[] {
  const blank = new Set(text.split('\n').flatMap((l, i) => (l.trim() === '' ? [i + 1] : [])));
  return parse.items.flatMap((item) => {
    const roles = new Map<number, string>();
    for (const p of item.pieces) {
      if (p.role !== 'kicker' && p.role !== 'headline' && p.role !== 'subtitle') continue;
      for (let n = p.lines[0]; n <= p.lines[1]; n += 1) if (!blank.has(n)) roles.set(n, p.role);
    }
    const lines = [...roles.keys()].sort((a, b) => a - b);
    return lines.length === 2 ? [{ lines, shape: twoLineShape(lines.map((n) => roles.get(n) ?? '')) }] : [];
  });
}

const pages = [...pagesIn(contentDir), ...pagesIn(corpusDir)];
// Every two-line head as the archive reads it (corrections applied): the corrected ones show where the parser
// goes wrong, the others what the archivist let stand. A style must agree with both.
const corrected = new Map<TwoLineHead, number>();
const standing = new Map<TwoLineHead, number>();
for (const page of pages) {
  const fixedLines = new Set(page.corrections.filter((c) => c.role !== undefined).map((c) => c.line));
  for (const head of twoLineHeads(page.text, parsePage(page.text, page.corrections))) {
    if (!head.shape) continue;
    const tally = head.lines.some((n) => fixedLines.has(n)) ? corrected : standing;
    tally.set(head.shape, (tally.get(head.shape) ?? 0) + 1);
  }
}
const sum = (m: Map<TwoLineHead, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const total = sum(corrected);
console.log(
  `${paper}: ${pages.length} page(s); two-line heads corrected by archivists: ${total}, standing as the parser read them: ${sum(standing)}`,
);
for (const shape of TWO_LINE_HEADS)
  console.log(`  ${shape}: ${corrected.get(shape) ?? 0} corrected to it, ${standing.get(shape) ?? 0} standing`);
const [best] = [...corrected].sort((a, b) => b[1] - a[1]);
const all = (shape: TwoLineHead): number => (corrected.get(shape) ?? 0) + (standing.get(shape) ?? 0);
if (!best || best[1] * 3 < total * 2) {
  console.log(total === 0 ? 'No proposal: no two-line head of this paper was corrected.' : 'No proposal: the corrections disagree.');
  process.exit(0);
}
// A house style is how the paper sets most of its heads: twice as many as any other shape.
if (TWO_LINE_HEADS.some((shape) => shape !== best[0] && 2 * all(shape) > all(best[0]))) {
  console.log(
    `No proposal: ${best[1]} correction(s) make ${best[0]}, but the paper sets many two-line heads in another shape too; correct each page instead.`,
  );
  process.exit(0);
}
const style: PaperStyle = { twoLineHead: best[0] };
console.log(`\nProposal: ${best[1]} of ${total} corrected two-line heads are ${best[0]}: set in papers.yml under ${paper}:`);
console.log(`  style:\n    twoLineHead: ${best[0]}`);

// What the style would make unnecessary: role corrections the styled parser alone reads the same, and notes.
let unnecessary = 0;
let notesBefore = 0;
let notesAfter = 0;
for (const page of pages) {
  const plain = parsePage(page.text);
  const styled = parsePage(page.text, [], { style });
  const count = (p: ParsedPage): number => p.notes.length + p.items.reduce((n, i) => n + i.notes.length, 0);
  notesBefore += count(plain);
  notesAfter += count(styled);
  const roleAt = new Map(
    styled.items.flatMap((i) => i.pieces.flatMap((p) => [[p.lines[0], p.role] as const, [p.lines[1], p.role] as const])),
  );
  unnecessary += page.corrections.filter((c) => c.role !== undefined && roleAt.get(c.line) === c.role).length;
}
console.log(
  `It would make ${unnecessary} role correction(s) unnecessary, and leave ${notesAfter} note(s) where there are ${notesBefore} now.`,
);

// Gold items of the corpus it would change, by the parser alone.
const gold = readCorpus(corpusDir).filter((p) => p.paper === paper);
const changed = gold.flatMap((p) => {
  const before = comparePage(p, false, { style: undefined });
  const after = comparePage(p, false, { style });
  return after.flatMap((r, i) =>
    (r.verdict === 'exact') !== (before[i]?.verdict === 'exact')
      ? [`${r.page} item ${i + 1}: ${r.verdict === 'exact' ? 'now exact' : 'no longer exact'}`]
      : [],
  );
});
console.log(
  changed.length === 0 ? 'No gold item of the corpus changes.' : `Gold items of the corpus that change:\n  ${changed.join('\n  ')}`,
);
