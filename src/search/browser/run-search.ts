/**
 * One search from start to finish: parse and fold the query, get candidate
 * printed pages from the search index (../shared/search-index.ts), keep only
 * the stories on them that really hold every term, rank them.
 */
import type { FoldTable } from '../../archive/fold-text.ts';
import { periodDays, selectShards, type Shard } from '../../data/partitions.ts';
import { asTerms, matchStory, type FoldedTerm, type StoryMatch } from '../shared/match.ts';
import { clausesOf } from '../shared/query.ts';
import { chosenFilters, storyFits } from '../shared/filters.ts';
import type { CandidateFilters, CandidateOrder, Candidates, SearchIndex } from '../shared/search-index.ts';
import type { SearchRecord } from '../shared/search-record.ts';
import { dayFilter, type SearchState } from './search-state.ts';

// Each candidate printed page checked costs its stories' text (about 4 KB
// with gzip for five or six stories, in the site's index), so how many
// are read per step is what keeps a first query within its budget on a large
// archive, and each step is one more round of requests.
/** Results per page; an answer that fits in the first page is complete, counted and ranked exactly. */
export const PAGE_SIZE = 10;
/**
 * Fewest candidate printed pages read per step while filling a page of
 * results: before anything is known, three pages (some sixteen stories) fill
 * a page of results for a common word, and a rarer one reads more next step.
 */
const MIN_STEP = 3;
/**
 * Most candidate printed pages read in one step of filling a page of
 * results, found or not: the page that asks shows what the step found and
 * asks for the next step while the page of results is not full.
 */
export const MAX_READ = 8;
/**
 * Most shards asked in one step, whole periods (half-years,
 * src/data/partitions.ts) at a time and at least one period. Each shard
 * asked costs its metadata (about 20 KB with gzip for a full paper's
 * half-year) and an index chunk per query word (about 25 KB), found or not:
 * without a bound, a word that no story holds would cost every period of
 * the archive before saying so.
 */
export const MAX_SHARDS = 3;
/** A verified result. */
export interface SearchHit {
  record: SearchRecord;
  match: StoryMatch;
}

/**
 * The sets of folded terms to ask the index for, whose answers together are
 * the candidate pages: every term a story must hold alone in its clause (a
 * term it must not hold narrows nothing an index can find), and when the
 * query has alternatives (`长江口 | 长三角`), one set per alternative of its
 * shortest clause of them, each with those terms. The other clauses of
 * alternatives are left to the check against the printed text. More terms
 * narrow the candidates (fewer pages to read) but each can cost the index
 * more; the check makes the answer exact either way.
 * @example queryTermSets(parseQuery('南通 长江口 | 长三角')) // [['南通', '长江口'], ['南通', '长三角']]
 */
export function queryTermSets(terms: readonly (string | FoldedTerm)[]): string[][] {
  const clauses = clausesOf(asTerms(terms).filter((term) => !term.exclude));
  const base = [...new Set(clauses.filter((clause) => clause.length === 1).flatMap(([term]) => (term ? [term.folded] : [])))];
  const [alternatives] = clauses.filter((clause) => clause.length > 1).sort((a, b) => a.length - b.length);
  if (!alternatives) return [base];
  const sets = alternatives.map((term) => [...new Set([...base, term.folded])]);
  return sets.filter((set, index) => sets.findIndex((other) => other.join(' ') === set.join(' ')) === index);
}

/** Orders verified results. */
function rank(hits: SearchHit[], sort: SearchState['sort']): SearchHit[] {
  const byDate = (a: SearchHit, b: SearchHit): number => a.record.date.localeCompare(b.record.date);
  return hits.sort((a, b) => {
    if (sort === 'newest') return byDate(b, a);
    if (sort === 'oldest') return byDate(a, b);
    return b.match.headingTerms - a.match.headingTerms || b.match.occurrences - a.match.occurrences || byDate(b, a);
  });
}

/** What is known of one span of time (a period: a half-year of every paper chosen). */
export interface SpanProgress {
  /** The period, '2024-1' for January to June 2024. */
  period: string;
  /** Printed pages of the span the index offered (each may hold every term). */
  candidates: number;
  /** How many of them were read. */
  checkedPages: number;
  /** Results found on the pages read. */
  found: number;
}

/** Where a search stands. */
export interface SearchProgress {
  /** Verified results, in the order shown. */
  hits: SearchHit[];
  /** Printed pages the index offered so far (every one may hold all the terms). */
  candidates: number;
  /** How many of them were read. */
  checkedPages: number;
  /** Stories on those pages (of the chosen filters) checked against their printed text. */
  checked: number;
  /** Periods whose shards were not asked yet, in time order ('2024-1', '2024-2', …). */
  periodsLeft: string[];
  /** The periods asked so far, in the order asked, with what each holds. */
  spans: SpanProgress[];
  /**
   * How many of the hits are final: those of the pages of results already
   * full. The hits after them (the page being filled) are ranked again as
   * each step adds to them.
   */
  settled: number;
  /** True when every period was asked and every candidate checked: hits is then the complete answer. */
  done: boolean;
}

/**
 * Whether the page of results being filled still holds fewer than
 * PAGE_SIZE results while candidates remain: another step of `more` fills it.
 * @example filling(search.progress) // true after a first step that found 3
 */
export function filling(progress: Pick<SearchProgress, 'hits' | 'settled' | 'done'>): boolean {
  return !progress.done && progress.hits.length - progress.settled < PAGE_SIZE;
}

/** A search in progress: what is known, and ways to learn more. */
export interface Search {
  progress: SearchProgress;
  /**
   * One step of filling a page of results (a new page once the last one is
   * full): checks candidate pages until the page holds PAGE_SIZE results,
   * MAX_READ were read, MAX_SHARDS were asked, or none are left. While
   * {@link filling}, the next step goes on with the same page.
   */
  more: () => Promise<SearchProgress>;
  /**
   * Asks the next period not yet asked for its candidate pages, reading no
   * page: what the timeline needs (how many pages of each span may hold the
   * query), at the cost of the index alone. Progress is unchanged when every
   * period was asked.
   */
  survey: () => Promise<SearchProgress>;
}

/**
 * The selected shards grouped by period, in the order a search asks them:
 * newest first, or oldest first when sorting oldest first. Periods wholly
 * outside the chosen days are left out.
 */
function periodGroups(shards: readonly Shard[], state: SearchState): { period: string; shards: Shard[] }[] {
  const byPeriod = new Map<string, Shard[]>();
  for (const shard of selectShards(shards, state)) {
    if (!periodMeets(shard.period, state)) continue;
    const group = byPeriod.get(shard.period);
    if (group) group.push(shard);
    else byPeriod.set(shard.period, [shard]);
  }
  const periods = [...byPeriod.keys()].sort();
  if (state.sort !== 'oldest') periods.reverse();
  return periods.map((period) => ({ period, shards: byPeriod.get(period) ?? [] }));
}

/** Whether a period ('2024', '2024-1', '2024-1-02') has a day within the chosen days. */
function periodMeets(period: string, { from, to }: Pick<SearchState, 'from' | 'to'>): boolean {
  const [first, last] = periodDays(period);
  return (!from || last >= from) && (!to || first <= to);
}

/**
 * How many candidate pages to read next: enough, at the rate results have
 * come so far, to fill the page of results, and at least MIN_STEP.
 */
function stepSize(needed: number, found: number, read: number): number {
  if (read === 0) return MIN_STEP;
  if (found === 0) return MAX_READ;
  return Math.max(MIN_STEP, Math.ceil((needed * read) / found));
}

/** A period asked: its candidates and how far they were read. */
interface AskedSpan extends SpanProgress {
  pages: Candidates['pages'];
}

/** One search under way: what it asks, fixed at its start, and what it has learnt, which its steps move on. */
interface SearchRun {
  readonly state: SearchState;
  /** The terms, normalised once: every story checked is matched against them. */
  readonly terms: FoldedTerm[];
  /** What the index is asked for (queryTermSets). */
  readonly termSets: string[][];
  readonly table: FoldTable;
  readonly index: SearchIndex;
  /** The periods to ask, in the order asked, with their shards. */
  readonly groups: { period: string; shards: Shard[] }[];
  readonly inDays: (date: string) => boolean;
  readonly order: CandidateOrder;
  readonly filters: CandidateFilters;
  /** Verified results, in the order shown. */
  hits: SearchHit[];
  /** The periods asked so far, in order. */
  spans: AskedSpan[];
  /** Stories checked against their printed text. */
  checked: number;
  /** Shards asked in the step under way. */
  shardsThisStep: number;
  /** The shards of the periods after the first that may hold the query (SearchIndex.holders), once asked. */
  holding?: Promise<Set<string>>;
  /** Where the page of results being filled begins in `hits`. */
  pageStart: number;
  /** How many candidate pages were read into it. */
  pageRead: number;
}

/** A search that has asked and read nothing yet. */
function newRun(
  state: SearchState,
  typed: readonly (string | FoldedTerm)[],
  table: FoldTable,
  shards: readonly Shard[],
  index: SearchIndex,
): SearchRun {
  const terms = asTerms(typed);
  return {
    state,
    terms,
    termSets: queryTermSets(terms),
    table,
    index,
    groups: periodGroups(shards, state),
    inDays: dayFilter(state),
    order: state.sort === 'relevance' ? 'score' : state.sort,
    filters: chosenFilters(state),
    hits: [],
    spans: [],
    checked: 0,
    shardsThisStep: 0,
    pageStart: 0,
    pageRead: 0,
  };
}

/**
 * The shards of the next period to ask that may hold the query: every one of
 * the first period, and of the others those the index's word map names
 * (asked once for all of them, when the first period did not do), so that a
 * word held in a few old years, or nowhere, costs the map and not every
 * period's index. Undefined when every period was asked.
 */
async function nextShards(run: SearchRun): Promise<Shard[] | undefined> {
  const group = run.groups[run.spans.length];
  if (!group || run.spans.length === 0) return group?.shards;
  run.holding ??= run.index
    .holders(
      run.termSets,
      run.groups.slice(1).flatMap(({ shards }) => shards.map((shard) => shard.id)),
    )
    .then((ids) => new Set(ids));
  const held = await run.holding;
  return group.shards.filter((shard) => held.has(shard.id));
}

/** Asks the next period's shards that may hold the query for their candidate pages. */
async function askNextPeriod(run: SearchRun): Promise<void> {
  const group = run.groups[run.spans.length];
  const shards = await nextShards(run);
  if (!group || !shards) return;
  const span = { period: group.period, checkedPages: 0, found: 0 };
  if (shards.length === 0) {
    run.spans.push({ ...span, candidates: 0, pages: () => Promise.resolve([]) });
    return;
  }
  // The shards are split by paper, but a recent shard holds every paper's
  // month: only there does the index's paper filter keep the other
  // papers' pages out, and elsewhere it would cost its download for nothing.
  const { paper, ...filters } = run.filters;
  const mixed = shards.some((shard) => !shard.paper);
  const parts = shards.map((shard) => shard.id);
  // After the first period the word maps were read (nextShards): a term printed on few pages has its pages listed there.
  const listed = run.spans.length > 0 ? await run.index.listed(run.termSets, parts, run.order) : null;
  const found = listed ?? (await run.index.find(run.termSets, paper && mixed ? { ...filters, paper } : filters, parts, run.order));
  run.spans.push({ ...span, candidates: found.count, pages: found.pages });
}

/**
 * The first period asked with candidates still to check, asking the next
 * period when every one asked is used up; undefined when none are left or
 * the next period's shards would take this page of results past MAX_SHARDS.
 */
async function openSpan(run: SearchRun): Promise<AskedSpan | undefined> {
  for (;;) {
    const open = run.spans.find((span) => span.checkedPages < span.candidates);
    if (open) return open;
    const shards = await nextShards(run);
    if (!shards || (run.shardsThisStep > 0 && run.shardsThisStep + shards.length > MAX_SHARDS)) return undefined;
    run.shardsThisStep += shards.length;
    await askNextPeriod(run);
  }
}

/** Reads the span's next `count` candidate pages and checks each of their stories of the chosen filters and days. */
async function checkPages(run: SearchRun, span: AskedSpan, count: number): Promise<void> {
  const { filters, inDays, terms, table } = run;
  for (const stories of await span.pages(span.checkedPages, span.checkedPages + count)) {
    for (const record of stories) {
      if (!storyFits(record, filters) || !inDays(record.date)) continue;
      run.checked += 1;
      const match = matchStory(record.blocks, terms, table);
      if (match) {
        run.hits.push({ record, match });
        span.found += 1;
      }
    }
  }
  span.checkedPages += count;
}

/** Where the search stands, as its pages and workers are told. */
function progressOf(run: SearchRun): SearchProgress {
  const { groups, spans } = run;
  const left = groups.slice(spans.length).map(({ period }) => period);
  const sum = (key: 'candidates' | 'checkedPages'): number => spans.reduce((total, span) => total + span[key], 0);
  const done = left.length === 0 && spans.every((span) => span.checkedPages >= span.candidates);
  return {
    hits: [...run.hits],
    candidates: sum('candidates'),
    checkedPages: sum('checkedPages'),
    checked: run.checked,
    periodsLeft: left.sort(),
    spans: spans.map(({ period, candidates, checkedPages, found }) => ({ period, candidates, checkedPages, found })),
    settled: run.pageStart,
    done,
  };
}

/** One step of filling a page of results (see Search.more). */
async function fillPage(run: SearchRun): Promise<void> {
  const { hits } = run;
  if (hits.length - run.pageStart >= PAGE_SIZE) [run.pageStart, run.pageRead] = [hits.length, 0];
  const target = run.pageStart + PAGE_SIZE;
  let read = 0;
  run.shardsThisStep = 0;
  // Read only as many pages as the page of results still needs, at the
  // rate it has found results so far.
  // A full page asks no further period: each asked costs its index files.
  while (hits.length < target && read < MAX_READ) {
    const span = await openSpan(run);
    if (!span) break;
    const want = stepSize(target - hits.length, hits.length - run.pageStart, run.pageRead);
    const count = Math.min(want, MAX_READ - read, span.candidates - span.checkedPages);
    await checkPages(run, span, count);
    read += count;
    run.pageRead += count;
  }
  // Each page is ranked on its own; full pages never reorder.
  hits.splice(run.pageStart, hits.length - run.pageStart, ...rank(hits.slice(run.pageStart), run.state.sort));
}

/**
 * Starts a search and checks its first candidates. Every result holds every
 * term it must hold (after folding) as a substring of one printed block of
 * the parts the term names, and no term it must not; the index only narrows
 * the printed pages to read, and every story of a page read is checked on
 * its own (stories without a chosen filter's value, or outside the
 * chosen days, are skipped: the page is a candidate if any of its stories
 * may be).
 *
 * The shards are asked one period at a time (newest first, or oldest first
 * when sorting oldest first) and only while a page of results is not yet
 * full, so a common word costs the newest period's index chunks whatever the
 * archive's size, and a rare one goes on through the periods, at most
 * MAX_SHARDS shards per step. Candidate pages are checked in the order the
 * periods were asked, and within one in the index's order (by date when
 * sorting by date), at most MAX_READ per step, and each page of results is
 * ranked: headline hits first, then by the number of occurrences, or by
 * date. A page of results is filled step by step (ranked again after each)
 * until it holds PAGE_SIZE or the archive is exhausted, so an answer that
 * fits in one page of results is complete, exactly counted and exactly
 * ranked. Only the first step is taken here.
 */
export async function startSearch(
  state: SearchState,
  typed: readonly (string | FoldedTerm)[],
  table: FoldTable,
  shards: readonly Shard[],
  index: SearchIndex,
): Promise<Search> {
  const run = newRun(state, typed, table, shards, index);
  const search: Search = {
    progress: progressOf(run),
    more: async () => {
      await fillPage(run);
      return (search.progress = progressOf(run));
    },
    survey: async () => {
      await askNextPeriod(run);
      return (search.progress = progressOf(run));
    },
  };
  await search.more();
  return search;
}
