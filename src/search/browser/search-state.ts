/**
 * The search page's state as it lives in the address bar:
 * ?q=…&paper=…&from=…&to=…&kind=…&sort=…, each filter of ../shared/filters.ts
 * by its id (those of where a story was printed before the days, those of
 * what it is after them), with `from` and `to` as days (YYYY-MM-DD). A year
 * (2024) or a month (2024-01) is read as its first day in `from` and its last
 * in `to`, so links made before days were asked for still work.
 */
import { aroundDays, SEARCH_FILTERS, type FilterValues } from '../shared/filters.ts';

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** What the researcher asked for: the query, a value of each filter, the days and the order. */
export type SearchState = {
  q: string;
  from: string;
  to: string;
  sort: SortOrder;
} & FilterValues;

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/** The address's fields but the order, in the order the form sends them. */
const ADDRESS_KEYS: (keyof SearchState)[] = ['q', ...aroundDays<(keyof SearchState)[]>(({ id }) => [id], ['from', 'to']).flat()];

const DAY_OR_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

/**
 * A `from` or `to` value as a day: the first (`from`) or last (`to`) day of
 * a year or month given, '' for anything that is not a date.
 * @example asDay('2024', 'to') // '2024-12-31'
 */
export function asDay(value: string, end: 'from' | 'to'): string {
  const [, year, month, day] = DAY_OR_PART.exec(value.trim()) ?? [];
  if (!year) return '';
  const m = Number(month ?? (end === 'from' ? 1 : 12));
  if (m < 1 || m > 12) return '';
  const monthText = String(m).padStart(2, '0');
  // Day 0 of the next month is the last of this one.
  const last = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  const d = day === undefined ? (end === 'from' ? 1 : last) : Number(day);
  if (d < 1 || d > last) return '';
  return `${year}-${monthText}-${String(d).padStart(2, '0')}`;
}

/**
 * Whether a story's date lies within the state's days (open ends when empty).
 * @example dayFilter({ from: '2024-01-20', to: '' })('2024-01-24') // true
 */
export function dayFilter(state: Pick<SearchState, 'from' | 'to'>): (date: string) => boolean {
  return (date) => (!state.from || date >= state.from) && (!state.to || date <= state.to);
}

/**
 * Reads the state from a query string.
 * @example readState('?q=长江口&sort=newest').sort // 'newest'
 */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') ?? '';
  const filters = Object.fromEntries(SEARCH_FILTERS.map(({ id }) => [id, params.get(id) ?? ''])) as FilterValues;
  return {
    q: params.get('q') ?? '',
    ...filters,
    from: asDay(params.get('from') ?? '', 'from'),
    to: asDay(params.get('to') ?? '', 'to'),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
  };
}

/**
 * Writes the state as a query string, leaving out defaults.
 * @example writeState({ q: '南通', paper: '', from: '', to: '', kind: '', sort: 'relevance' }) // '?q=南通'
 */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ADDRESS_KEYS) if (state[key]) params.set(key, state[key]);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}
