import { findSeal, formatSeal, holdsSeal, parseSeal, sealIndex, sealLines, type LineSeal } from './line-seal.ts';
import type { RegistryEntry } from './permalink-registry.ts';
import type { ArchiveProblem } from './problems.ts';
import { sourceLines } from './source-lines.ts';

/**
 * A registered raw page is never edited unseen. Every link the registry
 * publishes names a line of a page; its seal (./line-seal.ts: the registry
 * line's own, or, for older lines without one, the one the last build's
 * manifest recorded) says what the item's lines held then. A page whose
 * sealed lines no longer hold that text (lines deleted, added or changed) is
 * refused: the page at its first changed line (found against the copy the
 * last build published, when there is one) and every link whose story moved
 * or changed, each with the registry line that follows it or the other ways out.
 */

/** A raw page as the check reads it. */
export interface RegisteredPage {
  /** Path relative to the project root, as messages name it. */
  path: string;
  paper: string;
  date: string;
  text: string;
  /** The page text's digest (see pageDigest), for the lines offered. */
  digest: string;
}

/** What the check is given. */
export interface RegisteredText {
  /** The entries that publish a link (live, and those a moved or retired link was published by). */
  entries: readonly RegistryEntry[];
  /** The seal each entry is held to, or null when nothing recorded one. */
  expected: (entry: RegistryEntry) => LineSeal | null;
  /** The raw pages by file name. */
  pages: ReadonlyMap<string, RegisteredPage>;
  /** The item that holds a line of a page now, with its seal (as the page summary keeps it), or null. */
  itemAt: (file: string, line: number) => { first: number; last: number; seal?: LineSeal | undefined } | null;
  /** A page as the last build published it, or null. */
  published: (page: RegisteredPage, file: string) => string | null;
  registryPath: string;
  /** Today, YYYY-MM-DD, for the retirement line offered. */
  today: string;
}

/** A range of lines as messages write it. */
const span = (first: number, last: number): string => (first === last ? `line ${first}` : `lines ${first}–${last}`);

/**
 * Where two versions of a page's lines differ, by their common beginning
 * and end (spaces ignored, as seals do): the published lines that went and
 * the lines that came in their place.
 * @example changedLines(['a', 'b', 'c'], ['a', 'c']) // { was: [2, 2], now: null, at: 2 }
 */
export function changedLines(
  before: readonly string[],
  after: readonly string[],
): { was: [number, number] | null; now: [number, number] | null; at: number } | null {
  const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').replace(/\s+/gu, '') === (b ?? '').replace(/\s+/gu, '');
  let head = 0;
  while (head < before.length && head < after.length && same(before[head], after[head])) head += 1;
  if (head === before.length && head === after.length) return null;
  let tail = 0;
  while (tail < Math.min(before.length, after.length) - head && same(before[before.length - 1 - tail], after[after.length - 1 - tail]))
    tail += 1;
  const was: [number, number] | null = before.length - tail > head ? [head + 1, before.length - tail] : null;
  const now: [number, number] | null = after.length - tail > head ? [head + 1, after.length - tail] : null;
  return { was, now, at: head + 1 };
}

/** The page's change as a sentence, from the copy the last build published. */
function describeChange(change: NonNullable<ReturnType<typeof changedLines>>): string {
  const { was, now } = change;
  const shift = (was ? was[1] - was[0] + 1 : 0) - (now ? now[1] - now[0] + 1 : 0);
  const moved =
    shift > 0 ? `, so every line after them moved up by ${shift}` : shift < 0 ? `, so every line after them moved down by ${-shift}` : '';
  if (was && !now) return `${span(was[0], was[1])} of the page as published were removed${moved}`;
  if (now && !was) return `${span(now[0], now[1])} were added to the page as published${moved}`;
  return `${span(was?.[0] ?? 0, was?.[1] ?? 0)} of the page as published now read differently (${span(now?.[0] ?? 0, now?.[1] ?? 0)} here)${moved}`;
}

/** Checks every sealed entry against its page's text; see the module's comment. */
export function checkRegisteredText(input: RegisteredText): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  const linesOf = new Map<string, string[]>();
  const indexes = new Map<string, Map<string, number[]>>();
  const broken = new Map<string, string[]>();
  for (const entry of input.entries) {
    const seal = input.expected(entry);
    const page = input.pages.get(entry.file);
    if (!seal || !page) continue;
    // Most entries are sealed as their item is now, whose seal the page summary keeps: no need to read the page.
    const now = input.itemAt(entry.file, seal.first);
    if (now?.seal && now.first === seal.first && now.last === seal.last && now.seal.digest === seal.digest) continue;
    let lines = linesOf.get(entry.file);
    if (!lines) linesOf.set(entry.file, (lines = sourceLines(page.text)));
    if (holdsSeal(lines, seal)) continue;
    broken.set(entry.file, [...(broken.get(entry.file) ?? []), entry.url]);
    const width = seal.last - seal.first;
    let index = indexes.get(`${entry.file}:${width}`);
    if (!index) indexes.set(`${entry.file}:${width}`, (index = sealIndex(lines, width)));
    const found = findSeal(lines, seal, index);
    const head = `${entry.url} was registered for ${span(seal.first, seal.last)} of ${entry.file}, which no longer hold the text they held then`;
    if (found !== null) {
      const line = entry.line + found - seal.first;
      const follow = `${entry.url}<TAB>${entry.file}<TAB>${line}<TAB>${page.digest}<TAB>${formatSeal(sealLines(lines, found, found + seal.last - seal.first))}`;
      problems.push({
        file: input.registryPath,
        line: entry.at,
        message: `${head}: its text stands at ${span(found, found + seal.last - seal.first)} now. A raw page is never edited: restore it; or, if the page is right now, append "${follow}" so the link follows its story`,
      });
      continue;
    }
    const item = input.itemAt(entry.file, entry.line);
    const again = item
      ? ` register it again for what ${span(item.first, item.last)} hold now ("${entry.url}<TAB>${entry.file}<TAB>${entry.line}<TAB>${page.digest}<TAB>${formatSeal(sealLines(lines, item.first, item.last))}"),`
      : '';
    problems.push({
      file: input.registryPath,
      line: entry.at,
      message: `${head}, and nowhere on the page. A raw page is never edited: restore it; or, if the page is right now,${again} lead the link on ("${entry.url}<TAB>moved<TAB>/other/link/") or retire it ("${entry.url}<TAB>retired<TAB>${input.today}<TAB>why"); a correction in the page's .yml reads its lines as the items they are`,
    });
  }
  for (const [file, urls] of broken) {
    const page = input.pages.get(file);
    const lines = linesOf.get(file);
    const copy = page ? input.published(page, file) : null;
    const change = copy !== null && lines ? changedLines(sourceLines(copy), lines) : null;
    if (!page) continue;
    const what = change ? describeChange(change) : 'the page no longer holds the lines its links were registered for';
    problems.push({
      file: page.path,
      line: change?.at ?? 1,
      message: `${what}; ${urls.length} published link(s) of this page no longer find their text where the registry says (see ${input.registryPath}): ${urls.join(', ')}`,
    });
  }
  return problems;
}

/** The seal an entry is held to: its own, or the one a manifest recorded for its line. */
export function expectedSeal(entry: RegistryEntry, recorded: ReadonlyMap<string, string>): LineSeal | null {
  if (entry.seal) return entry.seal;
  const field = recorded.get(entry.text);
  return field ? parseSeal(field) : null;
}
