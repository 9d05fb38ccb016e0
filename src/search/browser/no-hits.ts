/**
 * What the search page offers when a search finds nothing: the query as it
 * was compared (traditional characters as simplified, full-width letters and
 * digits as half-width, lower case), each word it must hold searched alone
 * (with its count, once known), and the search without each filter set.
 */
import type { FoldedTerm } from '../shared/match.ts';
import { aroundDays, type TableFilter } from '../shared/filters.ts';
import { writeQuery } from '../shared/query.ts';
import { filling, type Search } from './run-search.ts';
import type { SearchState } from './search-state.ts';
import { answerLabel } from './timeline.ts';

/** A search to offer: its state, and what a link to it says. */
export interface OfferedSearch {
  label: string;
  state: SearchState;
}

/** What a search that found nothing offers. */
export interface NoHitsHelp {
  /** The query as compared, when folding changed it; else null. */
  folded: string | null;
  /** Each term a story must hold, as a search of its own, when the query asks more than that term. */
  words: OfferedSearch[];
  /** The search without each filter set. */
  filters: OfferedSearch[];
}

/** What a search can drop: what the link says, and the fields of the state dropping it clears. */
interface Drop {
  label: string;
  clear: readonly (keyof SearchState)[];
}

/** Dropping a filter of ../shared/filters.ts. */
const dropFilter = ({ id, label }: TableFilter): Drop => ({ label: `不限${label}`, clear: [id] });

/** What a search can drop, in the order of the form. */
const DROPS: readonly Drop[] = aroundDays(dropFilter, { label: '不限日期', clear: ['from', 'to'] });

/**
 * What to offer for a search that found nothing.
 * @example noHitsHelp(readState('?q=長江三角洲 南通&paper=ntrb'), terms).folded // '长江三角洲 南通'
 */
export function noHitsHelp(state: SearchState, terms: readonly FoldedTerm[]): NoHitsHelp {
  const typed = writeQuery(terms);
  const folded = writeQuery(terms.map((term) => ({ ...term, text: term.folded })));
  const held = terms.filter((term) => !term.exclude);
  const words = terms.length > 1 ? held.map((term) => writeQuery([term])).map((q) => ({ label: q, state: { ...state, q } })) : [];
  const filters = DROPS.filter(({ clear }) => clear.some((key) => state[key] !== '')).map(({ label, clear }) => ({
    label,
    state: { ...state, ...Object.fromEntries(clear.map((key) => [key, ''])) },
  }));
  return { folded: folded === typed ? null : folded, words, filters };
}

/**
 * Counts each word offered, one search at a time, as far as a first page
 * of results and every span's candidates tell (exact when that reads the
 * whole answer, else 约 or 尚未查完), handing each label to `counted` as it
 * comes; stops as soon as `live` says a newer search started.
 * @example await countWords(help.words, (offer) => client.start(offer.state, …), () => run === latest, show)
 */
export async function countWords(
  words: readonly OfferedSearch[],
  start: (word: OfferedSearch) => Promise<Search>,
  live: () => boolean,
  counted: (word: OfferedSearch, label: string) => void,
): Promise<void> {
  for (const word of words) {
    if (!live()) return;
    const search = await start(word);
    let progress = search.progress;
    while (live() && (filling(progress) || progress.periodsLeft.length > 0))
      progress = await (filling(progress) ? search.more() : search.survey());
    if (live()) counted(word, answerLabel(progress));
  }
}
