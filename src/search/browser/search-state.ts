/**
 * The search page's state as it lives in the address bar:
 * ?q=…&paper=…&from=…&to=…&kind=…&sort=…
 */

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** What the researcher asked for. */
export interface SearchState {
  q: string;
  paper: string;
  from: string;
  to: string;
  kind: string;
  sort: SortOrder;
}

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/**
 * Reads the state from a query string.
 * @example readState('?q=长江口&sort=newest').sort // 'newest'
 */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    paper: params.get('paper') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    kind: params.get('kind') ?? '',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
  };
}

/**
 * Writes the state as a query string, leaving out defaults.
 * @example writeState({ q: '南通', paper: '', from: '', to: '', kind: '', sort: 'relevance' }) // '?q=南通'
 */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'paper', 'from', 'to', 'kind'] as const) if (state[key]) params.set(key, state[key]);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}
