/**
 * The search's filters, each written once: what it is called, how a story's
 * value is read, and what the form offers. Everything else reads this table:
 * the Pagefind adapter indexes each filter as a Pagefind filter of that id
 * (a printed page holds every value its stories read,
 * src/search/pagefind/index-pages.ts) and the in-memory index reads the same
 * values (src/search/memory/); the address carries each as ?id=…
 * (src/search/browser/search-state.ts); the form draws a <select> of its
 * choices (src/pages/search/index.astro), or of the values a complete answer
 * holds (src/search/browser/answer-choices.ts); the counts, the folded line
 * and the help when nothing is found name it by its label. A story may hold
 * several values of a filter (its writers), and fits a value it holds. Adding a filter is one
 * entry here, plus the field its `read` takes in the search record
 * (./record-schema.ts).
 */
import { ITEM_KIND_LABELS } from '../../archive/item-kinds.ts';
import { comparableLabel, comparePageLabels } from '../../archive/page-address.ts';
import type { SearchRecord } from './record-schema.ts';

/** The fields of a story that the filters read. */
export type FilteredStory = Pick<SearchRecord, 'paper' | 'paperName' | 'page' | 'pageName' | 'kind' | 'columnName' | 'authors'>;

/** One choice the form offers: the value the address and the index carry, and what readers see. */
export interface FilterChoice {
  value: string;
  label: string;
}

/**
 * What the build offers choices from: the papers, in the order of
 * papers.yml, the page labels (版) the archive's stories are printed on, as
 * printed and in any order, and the columns' names in the order of their index.
 */
export interface ChoiceSource {
  papers: readonly { id: string; name: string }[];
  pages: readonly string[];
  columns: readonly string[];
}

/**
 * Where a filter's choices come from: drawn into the form from the archive
 * (a function of the archive's papers, pages and columns), or 'answer' for a
 * filter whose values would grow without bound with the archive (a name of
 * every writer over decades): the form offers 全部 (and the value the address
 * chose), and a complete answer lists the values its results hold, each
 * named as it is (src/search/browser/answer-choices.ts).
 */
export type FilterChoices = ((source: ChoiceSource) => FilterChoice[]) | 'answer';

/** One search filter. */
export interface SearchFilter {
  /** Its name in the address (?paper=…), the form and the index. */
  id: string;
  /** What readers call it: the form's label, 不限… in the help when nothing is found. */
  label: string;
  /**
   * Whether it narrows where a story was printed or what it is: the form,
   * the address and the help name the first kind before the days, the
   * second after them.
   */
  narrows: 'where' | 'what';
  /** A story's values, one of which a chosen value must equal; none when it has none. */
  read: (story: FilteredStory) => readonly string[];
  /** A story's value as readers see it, for a filter a result's source line names by it. */
  shown?: (story: FilteredStory) => string;
  /** The choices the form offers after 全部 (no value), in order, or 'answer'. */
  choices: FilterChoices;
}

/** The paper a story was printed in; the search's shards are split by it too (src/data/partitions.ts). */
export const PAPER_FILTER = {
  id: 'paper',
  label: '报纸',
  narrows: 'where',
  read: (story) => [story.paper],
  shown: (story) => story.paperName,
  choices: ({ papers }) => papers.map(({ id, name }) => ({ value: id, label: name })),
} as const satisfies SearchFilter;

/**
 * The page (版) a story is printed on, by its label as a jump marker names
 * it (comparableLabel: the A02 of an e-paper is A2), so that one 版 of every
 * edition and paper is one choice; none when the page prints no label.
 */
export const PAGE_FILTER = {
  id: 'page',
  label: '版',
  narrows: 'where',
  read: (story) => (story.page ? [comparableLabel(story.page)] : []),
  choices: ({ pages }) => [...new Set(pages.map(comparableLabel))].sort(comparePageLabels).map((value) => ({ value, label: `${value}版` })),
} as const satisfies SearchFilter;

/** The name of the page (版名) a story is printed on, as its metadata gives it (看南通); choices from the answer. */
export const PAGE_NAME_FILTER = {
  id: 'pageName',
  label: '版名',
  narrows: 'where',
  read: (story) => (story.pageName ? [story.pageName] : []),
  choices: 'answer',
} as const satisfies SearchFilter;

/** The kind of item: story, jump or photo, labelled as everywhere (ITEM_KIND_LABELS). */
export const KIND_FILTER = {
  id: 'kind',
  label: '类别',
  narrows: 'what',
  read: (story) => [story.kind],
  shown: (story) => ITEM_KIND_LABELS[story.kind],
  choices: () => Object.entries(ITEM_KIND_LABELS).map(([value, label]) => ({ value, label })),
} as const satisfies SearchFilter;

/** The column (栏目) a story is printed under, by its name as the column pages give it. */
export const COLUMN_FILTER = {
  id: 'column',
  label: '栏目',
  narrows: 'what',
  read: (story) => (story.columnName ? [story.columnName] : []),
  choices: ({ columns }) => columns.map((name) => ({ value: name, label: name })),
} as const satisfies SearchFilter;

/**
 * The people who wrote or photographed a story, by the names their pages
 * have (src/data/people.ts storyNames); choices from the answer.
 */
export const AUTHOR_FILTER = {
  id: 'author',
  label: '作者',
  narrows: 'what',
  read: (story) => story.authors,
  choices: 'answer',
} as const satisfies SearchFilter;

/** Every search filter, in the order the form shows each group. */
export const SEARCH_FILTERS = [PAPER_FILTER, PAGE_FILTER, PAGE_NAME_FILTER, KIND_FILTER, COLUMN_FILTER, AUTHOR_FILTER] as const;

/** A search filter of the table. */
export type TableFilter = (typeof SEARCH_FILTERS)[number];

/** The id of a search filter. */
export type FilterId = TableFilter['id'];

/** A value of every filter ('' when not chosen), as the address holds them. */
export type FilterValues = Record<FilterId, string>;

/**
 * Something made of each filter, with `days` between the filters of where
 * a story was printed and those of what it is: the order of the form, the
 * address and the help.
 * @example aroundDays(({ id }) => id, 'days') // ['paper', 'days', 'kind']
 */
export function aroundDays<T>(each: (filter: TableFilter) => T, days: T): T[] {
  const of = (narrows: SearchFilter['narrows']): T[] => SEARCH_FILTERS.filter((filter) => filter.narrows === narrows).map(each);
  return [...of('where'), days, ...of('what')];
}

/**
 * The filters chosen, by id, leaving out those not chosen.
 * @example chosenFilters({ paper: '', kind: 'photo' }) // { kind: 'photo' }
 */
export function chosenFilters(values: FilterValues): Partial<FilterValues> {
  return Object.fromEntries(SEARCH_FILTERS.filter(({ id }) => values[id] !== '').map(({ id }) => [id, values[id]]));
}

/**
 * Whether a story has the value of every filter chosen.
 * @example storyFits(photo, { kind: 'photo' }) // true
 */
export function storyFits(story: FilteredStory, chosen: Partial<FilterValues>): boolean {
  return SEARCH_FILTERS.every((filter) => {
    const value = chosen[filter.id];
    return !value || filter.read(story).includes(value);
  });
}

/**
 * Every value of each filter that some of the stories read, sorted: what a
 * group of stories (a printed page) is indexed under, so that it is a
 * candidate for each value it holds. A story without a value (no column)
 * adds none.
 * @example filterValuesOf(page.stories) // { paper: ['ntrb'], page: ['A2'], …, author: ['王玮丽', '许丛军'] }
 */
export function filterValuesOf(stories: readonly FilteredStory[]): Record<FilterId, string[]> {
  const values = (filter: SearchFilter): string[] => [...new Set(stories.flatMap(filter.read))].filter(Boolean).sort();
  return Object.fromEntries(SEARCH_FILTERS.map((filter) => [filter.id, values(filter)])) as Record<FilterId, string[]>;
}
