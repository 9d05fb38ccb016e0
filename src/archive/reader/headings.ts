import { ROLE_NAMES_ZH } from '../conventions/lexicon.ts';
import { namesOf } from '../conventions/bylines.ts';
import { runOfNames, signedName } from '../conventions/names.ts';
import type { LineRole } from '../corrections.ts';
import { decideDisplayRoles, type DisplayDecision, type DisplayRole } from '../display-roles.ts';
import { findHeadingGroup, fixedRoles, isBriefLabel, type HeadingGroup } from '../heading-group.ts';
import { ItemDraft } from '../item-draft.ts';
import { charCount, endsSentence, hasClausePunctuation, hasInnerSpace, startsWithEnumerator } from '../conventions/punctuation.ts';
import { isDisplayLike, isRunningText, lineByline, lineEndnote, opensStory, type PageLine } from '../page-lines.ts';
import { endsWithEvent, isGroupTitle, quote } from '../reading-signals.ts';
import type { ReaderState } from './state.ts';

/**
 * Heading groups as the page reader meets them: whether one heads a new
 * item where it stands, and opening that item with its display roles, its
 * column label and the notes on what was unsure.
 */

/** How close the runner-up reading of a heading group may come before the parser notes it is unsure. */
const SURE_MARGIN = 1;
/** A brief's 主题 opening with a place or topic label: 江溪：老小区人防工程…. */
const LABELLED = /^[\u4e00-\u9fff]{2,4}[：:](?!$)/u;
/** Roles that a heading group may hold. */
export const HEADING_GROUP_ROLES: ReadonlySet<LineRole> = new Set(['kicker', 'headline', 'subtitle', 'column']);

/** Whether a heading group found at a line heads a new item. */
export function acceptsHeading(state: ReaderState, group: HeadingGroup, forced: boolean): boolean {
  if (forced || group.corrected) return true;
  if (group.display.length === 0 && group.opener === 'none') return false;
  // 贺电全文如下： leads into what follows (an address, a list): short lines there head nothing.
  if (state.leadIn && (group.opener === 'text' || group.opener === 'column')) return false;
  switch (group.opener) {
    case 'dateline':
    case 'jump':
    case 'byline':
    case 'column':
    case 'photo':
      return true;
    case 'text':
      if (state.expectHeading) return true;
      if (state.current?.photoGroup) return false;
      if (group.display.length >= 2 || state.briefs) return true;
      // Briefs set alike (江溪：… then 硕放：…), or a line saying what happened
      // (…正式开放), heads the next brief: a subhead names a theme.
      if (
        (LABELLED.test(group.display[0]?.norm ?? '') && LABELLED.test(state.current?.text('headline') ?? '')) ||
        endsWithEvent(group.display[0]?.norm ?? '')
      )
        return true;
      return isBriefHeadline(state, group) || isLoneSubhead(state, group);
    default:
      return false;
  }
}

/** Longest text of a brief (简讯): an item of this much text or less may be one of a run. */
const BRIEF_CHARS = 360;
/** Shortest headline of a brief that says what happened: a subhead names a theme in fewer characters. */
const BRIEF_HEADLINE_CHARS = 10;

/**
 * Whether a single display line after a short headed item's text heads the
 * next brief of a run (神州大地 / 中美合作生产首架飞机交付使用 / … /
 * 合肥至上海开行特快“豪华列车”): a subhead follows a story's lead of some
 * length and names a theme in a few words, where a brief's headline says
 * in a full line what happened, after a text of a paragraph or two.
 */
function isBriefHeadline(state: ReaderState, group: HeadingGroup): boolean {
  const line = group.display[0];
  const current = state.current;
  if (!line || !current || current.count('subhead') > 0 || current.count('headline') === 0) return false;
  // A brief is headed by one line: a 引题 or 副题 marks a story of some size, and a continuation (上接) is no brief.
  if (current.count('kicker') + current.count('subtitle') + current.count('jumpFrom') > 0) return false;
  if (current.count('dateline') > 0 || current.count('byline') > 0 || current.count('paragraph') > 2) return false;
  const text = current.pieces.filter((p) => p.role === 'paragraph').reduce((n, p) => n + charCount(p.text), 0);
  if (text > BRIEF_CHARS || !briefFollows(state, line)) return false;
  const norm = line.norm;
  return (
    charCount(norm) >= BRIEF_HEADLINE_CHARS &&
    !hasInnerSpace(norm) &&
    !startsWithEnumerator(norm) &&
    !/^【.*】$/u.test(norm) &&
    // A brief's headline may list with 、 (访问日本、南朝鲜、新加坡和澳大利亚), never break into clauses.
    !hasClausePunctuation(norm.replaceAll('、', '')) &&
    !endsSentence(norm) &&
    !/[！？!?：]$/u.test(norm)
  );
}

/**
 * Whether the text under a line, to the next display line or the page's
 * end, is a brief's: a paragraph or two, short, and not signed where the
 * text above was not.
 */
function briefFollows(state: ReaderState, line: PageLine): boolean {
  let chars = 0;
  let blocks = 0;
  for (let i = state.index(line) + 1; i < state.lines.length; i += 1) {
    const l = state.lines[i] as PageLine;
    // The next display line a subhead (紧密协同 深度融合, or a few words): the story goes on in sections;
    // the next brief's headline is a full line again.
    if (isDisplayLike(l) && !lineEndnote(l)) return !hasInnerSpace(l.norm) && charCount(l.norm) >= BRIEF_HEADLINE_CHARS && blocks > 0;
    if (lineEndnote(l)) continue;
    // A byline under it signs the story above too, which has none of its own: the line was a subhead.
    if (lineByline(l)) return false;
    chars += charCount(l.norm);
    blocks += 1;
    if (chars > BRIEF_CHARS || blocks > 3) return false;
  }
  return blocks > 0;
}

/** Longest line read as a heading after a story's text when no other signal says so. */
const MAX_LONE_HEADING_CHARS = 24;

/** How far ahead a second subhead is looked for: a story's sections are a few paragraphs each. */
const SUBHEAD_LOOKAHEAD = 40;

/**
 * Whether a single display line after a story's text would be the story's
 * only subhead: a story set with subheads has two or more (大势已至 乘势而上,
 * 紧密协同 深度融合 …), so a lone one, plain as a headline (no enumerator,
 * no spaces, no brackets), heads the next story instead (a brief after a
 * brief, as 人民日报's international page prints them).
 */
function isLoneSubhead(state: ReaderState, group: HeadingGroup): boolean {
  const line = group.display[0];
  const current = state.current;
  if (
    !line ||
    !current ||
    current.count('subhead') > 0 ||
    hasInnerSpace(line.norm) ||
    startsWithEnumerator(line.norm) ||
    /^【.*】$/u.test(line.norm)
  )
    return false;
  // Shaped as a heading: short, no clause inside, no stop at its end (大爷为啥要上前？ in a run of verse is a line of it).
  if (
    charCount(line.norm) > MAX_LONE_HEADING_CHARS ||
    hasClausePunctuation(line.norm) ||
    endsSentence(line.norm) ||
    /[！？!?]$/u.test(line.norm)
  )
    return false;
  const at = state.index(line);
  for (let i = at + 1; i < Math.min(state.lines.length, at + SUBHEAD_LOOKAHEAD); i += 1) {
    const l = state.lines[i] as PageLine;
    if (opensStory(l)) return true;
    if (!isDisplayLike(l)) continue;
    const next = state.lines[i + 1];
    if (next && isRunningText(next) && !opensStory(next)) return false;
    return true;
  }
  return true;
}

/** After a byline or a credit has closed an item, short lines that head nothing belong to it: 扫扫二维码. */
export function trailsPrevious(state: ReaderState, i: number): boolean {
  const l = state.lines[i] as PageLine;
  if (state.current || state.last === 'other' || !isDisplayLike(l)) return false;
  const group = findHeadingGroup(state.lines, i, state.fix);
  return !group || !acceptsHeading(state, group, false);
}

/** Lines split where another printed line of the group (not theirs) stands between them. */
function adjacentRuns(lines: PageLine[], others: { line: number }[]): PageLine[][] {
  const runs: PageLine[][] = [];
  for (const l of lines) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && !others.some((o) => o.line > previous.line && o.line < l.line && !lines.includes(o as PageLine))) run.push(l);
    else runs.push([l]);
  }
  return runs;
}

/** Notes a heading group whose runner-up reading came close. */
function noteRoles(draft: ItemDraft, group: HeadingGroup, decision: DisplayDecision): void {
  const { best, next } = decision;
  if (!next || best.score - next.score >= SURE_MARGIN || group.corrected) return;
  const k = best.roles.findIndex((r, n) => r !== next.roles[n]);
  const line = group.display[k];
  if (!line) return;
  const describe = (roles: readonly DisplayRole[]): string =>
    group.display.map((d, n) => `${ROLE_NAMES_ZH[roles[n] ?? 'headline']} line ${d.line}`).join(', ');
  const why = best.reasons.length > 0 ? best.reasons.join('; ') : 'the usual order of display lines';
  draft.note({
    line: line.line,
    message: `read as ${describe(best.roles)} (${why}); it could also be ${describe(next.roles)}`,
    fix: { line: line.line, text: quote(line.text, 16), role: next.roles[k] ?? 'headline' },
  });
}

/** Opens a new item with a heading group. */
export function startItem(state: ReaderState, group: HeadingGroup, photos: number | undefined): void {
  const inside = !state.expectHeading && state.current !== null && group.opener === 'text';
  state.close();
  const draft = new ItemDraft();
  draft.photosUntil = photos ?? null;
  draft.photoGroup = photos !== undefined;
  const columnLines = group.column.map((c) => c.line);
  const apart = new Set(
    group.display.flatMap((d, k) => (k > 0 && columnLines.some((c) => c > (group.display[k - 1]?.line ?? 0) && c < d.line) ? [k] : [])),
  );
  const decision = decideDisplayRoles(group.display, {
    jump: group.opener === 'jump',
    fixed: fixedRoles(group, state.fix),
    apart,
    skip: state.skipSignals,
    style: state.style,
  });
  const pieces = group.display.map((d, k) => ({ d, role: decision.best.roles[k] ?? 'headline' }));
  // A piece per run of adjacent lines of one role, so that pieces keep print order around a column label.
  const others = [...group.column, ...group.display, ...(group.byline ? [group.byline] : [])];
  // Column labels first: one run into a headline's line (【短訊】男籃…) keeps its place before it when pieces are sorted.
  for (const run of adjacentRuns(group.column, others))
    draft.add('column', run.map((c) => c.text).join(' '), [run[0]?.line ?? 0, run.at(-1)?.line ?? 0]);
  for (const role of ['kicker', 'headline', 'subtitle'] as const) {
    const mine = pieces.filter((p) => p.role === role).map((p) => p.d);
    for (const run of adjacentRuns(mine, others))
      draft.add(role, run.map((d) => d.text).join(''), [run[0]?.line ?? 0, run.at(-1)?.line ?? 0]);
  }
  if (group.byline)
    draft.add(
      'byline',
      group.byline.text,
      group.byline.line,
      namesOf(runOfNames(group.byline.norm) ?? signedName(group.byline.norm) ?? []),
    );
  draft.pieces.sort((a, b) => a.lines[0] - b.lines[0]);
  noteRoles(draft, group, decision);
  const first = group.display[0];
  if (inside && first) {
    const lines = group.display.length === 1 ? 'a display line' : `${group.display.length} display lines`;
    draft.note({
      line: first.line,
      message: `${lines} after running text, read as the heading of a new story`,
      fix: { line: first.line, text: quote(first.text, 16), role: 'subhead' },
    });
  }
  if (isGroupTitle(draft.pieces.map((p) => p.text).join(' '))) draft.photoGroup = true;
  // A column label over briefs (短讯) makes every item after it a brief, until another column label.
  if (group.column.length > 0) state.briefs = group.column.some((c) => isBriefLabel(c.norm));
  state.current = draft;
  state.expectHeading = false;
  state.open = false;
  state.last = 'other';
}
