/**
 * Checks a story against the query terms on its folded printed text and
 * finds every place a term occurs, in printed positions.
 */
import { foldString, foldText, type FoldTable, type FoldedText } from '../../archive/fold-text.ts';
import { clausesOf, parseQuery, type QueryTerm, type TermField } from './query.ts';
import { HEADING_FIELDS } from './record-fields.ts';
import type { BlockField, RecordBlock } from './search-record.ts';

/** A query term with its folded text, the form it is matched in. */
export type FoldedTerm = QueryTerm & { folded: string };

/**
 * Parses and folds a query; terms that fold to nothing are dropped.
 * @example foldTerms('長江口  -７０５', table).map((t) => [t.folded, t.exclude]) // [['长江口', false], ['705', true]]
 */
export function foldTerms(query: string, table: FoldTable): FoldedTerm[] {
  return parseQuery(query)
    .map((term) => ({ ...term, folded: foldString(term.text, table) }))
    .filter((term) => term.folded.trim() !== '');
}

/** The printed parts each field of a term covers (every part for 'any'). */
const FIELD_BLOCKS: Readonly<Record<Exclude<TermField, 'any'>, ReadonlySet<BlockField>>> = {
  heading: new Set(['kicker', 'headline', 'subtitle', 'subhead']),
  author: new Set(['byline', 'credit', 'dateline']),
};

/** Whether a term is looked for in a block of this field. */
function covers(term: FoldedTerm, field: BlockField): boolean {
  return term.field === 'any' || FIELD_BLOCKS[term.field].has(field);
}

/**
 * Terms as the matcher reads them: a plain string is a term looked for
 * anywhere, in a clause of its own (as the tests and the highlighter on a
 * story page give them).
 */
export function asTerms(terms: readonly (string | FoldedTerm)[]): FoldedTerm[] {
  return terms.map((term, index) =>
    typeof term === 'string' ? { text: term, folded: term, field: 'any', exclude: false, clause: index } : term,
  );
}

/** One occurrence of a term: block index and printed span [start, end). */
export interface Hit {
  block: number;
  start: number;
  end: number;
  term: number;
}

/** A story's verdict: its hits and how it ranks. */
export interface StoryMatch {
  hits: Hit[];
  /** Terms found in the kicker, headline or subtitle. */
  headingTerms: number;
  /** Occurrences of all terms. */
  occurrences: number;
}

/** Every start of `needle` in `haystack`, overlapping ones included. */
function indexesOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Folded blocks by fold table and block list: a story read from a page that
 * stays loaded is checked again for every query typed, and folding its text
 * costs more than searching it.
 */
const foldedCache = new WeakMap<FoldTable, WeakMap<RecordBlock[], FoldedText[]>>();

/** The folded text of each block, folded once per list of blocks and table. */
function foldBlocks(blocks: RecordBlock[], table: FoldTable): FoldedText[] {
  let byBlocks = foldedCache.get(table);
  if (!byBlocks) {
    byBlocks = new WeakMap();
    foldedCache.set(table, byBlocks);
  }
  let folded = byBlocks.get(blocks);
  if (!folded) {
    folded = blocks.map(([, text]) => foldText(text, table));
    byBlocks.set(blocks, folded);
  }
  return folded;
}

/** Printed span of folded span [start, start + length). */
function printedSpan(folded: FoldedText, start: number, length: number): [number, number] {
  return [folded.starts[start] ?? 0, folded.ends[start + length - 1] ?? 0];
}

/**
 * Matches a story: null unless some term of every clause it must hold (each
 * term of a clause of one) occurs in some block of the parts the term
 * covers, and no term it must not hold does. Hits are the places of the
 * terms it holds, alternatives included; `term` is the index in `terms`.
 * @example matchStory([['headline', '潮起长江口', '']], ['长江口'], table)?.hits // [{ block: 0, start: 2, end: 5, term: 0 }]
 */
export function matchStory(blocks: RecordBlock[], terms: readonly (string | FoldedTerm)[], table: FoldTable): StoryMatch | null {
  const asked = asTerms(terms);
  if (!asked.some((term) => !term.exclude)) return null;
  const folded = foldBlocks(blocks, table);
  const hits: Hit[] = [];
  const held = new Set<number>();
  const alternatives = clausesOf(asked).filter((clause) => clause.length > 1);
  let headingTerms = 0;
  for (const [index, term] of asked.entries()) {
    let found = false;
    let inHeading = false;
    for (const [block, text] of folded.entries()) {
      const field = blocks[block]?.[0] ?? 'paragraph';
      if (!covers(term, field)) continue;
      if (term.exclude) {
        if (text.text.includes(term.folded)) return null;
        continue;
      }
      for (const at of indexesOf(text.text, term.folded)) {
        const [start, end] = printedSpan(text, at, term.folded.length);
        hits.push({ block, start, end, term: index });
        found = true;
        if (HEADING_FIELDS.has(field)) inHeading = true;
      }
    }
    if (term.exclude) continue;
    // A term alone in its clause decides at once; alternatives once all are looked for.
    if (!found && !alternatives.some((clause) => clause.includes(term))) return null;
    if (found) held.add(term.clause);
    if (inHeading) headingTerms += 1;
  }
  if (alternatives.some((clause) => !held.has(clause[0]?.clause ?? -1))) return null;
  hits.sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
  return { hits, headingTerms, occurrences: hits.length };
}

/**
 * Hits of one block that do not overlap, leftmost first, so each mark holds
 * exactly one term.
 * @example markableHits(matchStory([['headline', '长江口', '']], ['长江', '江口'], table).hits, 0) // only 长江
 */
export function markableHits(hits: Hit[], block: number): Hit[] {
  const kept: Hit[] = [];
  let reached = -1;
  for (const hit of hits) {
    if (hit.block !== block || hit.start < reached) continue;
    kept.push(hit);
    reached = hit.end;
  }
  return kept;
}
