import { describe, expect, test } from 'vitest';
import { ITEM_KIND_LABELS } from '../../src/archive/item-schema.ts';
import { readState, writeState } from '../../src/search/browser/search-state.ts';
import { answerValues } from '../../src/search/browser/answer-choices.ts';
import {
  AUTHOR_FILTER,
  chosenFilters,
  COLUMN_FILTER,
  filterValuesOf,
  KIND_FILTER,
  PAGE_FILTER,
  PAGE_NAME_FILTER,
  PAPER_FILTER,
  SEARCH_FILTERS,
  storyFits,
  type FilteredStory,
} from '../../src/search/shared/filters.ts';

const photo: FilteredStory = {
  paper: 'ntrb',
  paperName: '南通日报',
  page: 'A02',
  pageName: '看南通',
  kind: 'photo',
  columnName: null,
  authors: ['许丛军'],
};
const story: FilteredStory = {
  paper: 'jhwb',
  paperName: '江海晚报',
  page: null,
  pageName: null,
  kind: 'story',
  columnName: '直通省两会',
  authors: ['王玮丽', '许丛军'],
};
const source = {
  papers: [
    { id: 'jhwb', name: '江海晚报' },
    { id: 'ntrb', name: '南通日报' },
  ],
  pages: ['A10', 'B1', 'A2', '2', 'A02', 'a1', '12A', '12'],
  columns: ['生气', '直通省两会'],
};

describe('the search filters', () => {
  test('offer the papers by name and the kinds by the labels the archive gives them', () => {
    expect(PAPER_FILTER.choices(source)).toEqual([
      { value: 'jhwb', label: '江海晚报' },
      { value: 'ntrb', label: '南通日报' },
    ]);
    expect(KIND_FILTER.choices()).toEqual([
      { value: 'story', label: '报道' },
      { value: 'jump', label: '转版' },
      { value: 'photo', label: '图片' },
    ]);
    expect(KIND_FILTER.choices().map(({ label }) => label)).toEqual(Object.values(ITEM_KIND_LABELS));
    expect(COLUMN_FILTER.choices(source)).toEqual([
      { value: '生气', label: '生气' },
      { value: '直通省两会', label: '直通省两会' },
    ]);
    expect([PAPER_FILTER.shown(photo), KIND_FILTER.shown(photo)]).toEqual(['南通日报', '图片']);
  });

  test('offer every page label held once, as a jump marker names it, in the order of an edition’s pages', () => {
    expect(PAGE_FILTER.choices(source)).toEqual(
      ['2', '12', '12A', 'A1', 'A2', 'A10', 'B1'].map((value) => ({ value, label: `${value}版` })),
    );
  });

  test('take the choices of 版名 and 作者 from the answer, and draw none into the form', () => {
    expect(SEARCH_FILTERS.filter(({ choices }) => choices === 'answer').map(({ id }) => id)).toEqual(['pageName', 'author']);
  });

  test('the column filter reads the name of a story’s column, and none without a column', () => {
    expect([COLUMN_FILTER.read(story), COLUMN_FILTER.read(photo)]).toEqual([['直通省两会'], []]);
    expect(storyFits(story, { column: '直通省两会' })).toBe(true);
    expect(storyFits(photo, { column: '直通省两会' })).toBe(false);
  });

  test('the 版 and 版名 filters read the page a story is printed on, and none when it prints no label', () => {
    expect([PAGE_FILTER.read(photo), PAGE_FILTER.read(story)]).toEqual([['A2'], []]);
    expect([PAGE_NAME_FILTER.read(photo), PAGE_NAME_FILTER.read(story)]).toEqual([['看南通'], []]);
    expect([storyFits(photo, { page: 'A2' }), storyFits(photo, { page: 'A02' }), storyFits(story, { page: 'A2' })]).toEqual([
      true,
      false,
      false,
    ]);
    expect(storyFits(photo, { page: 'A2', pageName: '看南通' })).toBe(true);
  });

  test('the author filter reads every name of a story, and a story fits any one of them', () => {
    expect(AUTHOR_FILTER.read(story)).toEqual(['王玮丽', '许丛军']);
    expect([
      storyFits(story, { author: '王玮丽' }),
      storyFits(story, { author: '许丛军' }),
      storyFits(photo, { author: '王玮丽' }),
    ]).toEqual([true, true, false]);
    expect(storyFits(story, { author: '许丛' })).toBe(false);
  });

  test('each is read from the address by its id and written back, where-filters before the days, what-filters after', () => {
    const state = readState('?kind=photo&to=2024-01&q=南通&column=生气&paper=ntrb&from=2024');
    expect(state).toMatchObject({ paper: 'ntrb', kind: 'photo', column: '生气', from: '2024-01-01', to: '2024-01-31' });
    expect(decodeURIComponent(writeState(state))).toBe('?q=南通&paper=ntrb&from=2024-01-01&to=2024-01-31&kind=photo&column=生气');
    for (const { id } of SEARCH_FILTERS) expect(readState(`?${id}=x`)[id]).toBe('x');
  });

  test('版, 版名 and 作者 round-trip through the address, 版 and 版名 before the days, 作者 after', () => {
    const asked = '?q=南通&paper=ntrb&page=A2&pageName=看南通&from=2024-01-01&kind=story&column=生气&author=王玮丽';
    const state = readState(`?author=王玮丽&kind=story&pageName=看南通&from=2024-01-01&q=南通&page=A2&column=生气&paper=ntrb`);
    expect(state).toMatchObject({ page: 'A2', pageName: '看南通', author: '王玮丽' });
    expect(decodeURIComponent(writeState(state))).toBe(asked);
    expect(readState(writeState(state))).toEqual(state);
  });

  test('a story fits the filters chosen when it has each one’s value; filters left at 全部 are not asked', () => {
    const chosen = chosenFilters({ paper: '', page: '', pageName: '', kind: 'photo', column: '', author: '' });
    expect(chosen).toEqual({ kind: 'photo' });
    expect([storyFits(photo, chosen), storyFits(story, chosen), storyFits(story, {})]).toEqual([true, false, true]);
    expect(storyFits(photo, { paper: 'ntrb', kind: 'photo' })).toBe(true);
  });

  test('a group of stories is filed under every value its stories hold, sorted, and none for a story without one', () => {
    expect(filterValuesOf([photo, story, { ...photo, kind: 'jump', authors: ['张  三'] }])).toEqual({
      paper: ['jhwb', 'ntrb'],
      page: ['A2'],
      pageName: ['看南通'],
      kind: ['jump', 'photo', 'story'],
      column: ['直通省两会'],
      author: ['张  三', '王玮丽', '许丛军'],
    });
    expect(filterValuesOf([photo]).column).toEqual([]);
    expect(filterValuesOf([{ ...story, authors: [] }]).author).toEqual([]);
  });

  test('a complete answer lists the values its results hold, most results first, then by name, at most 30', () => {
    const records = [story, photo, { ...photo, authors: ['王玮丽', '王玮丽'] }];
    expect(answerValues(AUTHOR_FILTER, records)).toEqual([
      ['王玮丽', 2],
      ['许丛军', 2],
    ]);
    expect(answerValues(PAGE_NAME_FILTER, records)).toEqual([['看南通', 2]]);
    const many = Array.from({ length: 40 }, (_, i) => ({ ...story, authors: [`作者${String(i).padStart(2, '0')}`, '王玮丽'] }));
    const listed = answerValues(AUTHOR_FILTER, many);
    expect(listed).toHaveLength(30);
    expect(listed[0]).toEqual(['王玮丽', 40]);
    expect(listed.slice(1, 3)).toEqual([
      ['作者00', 1],
      ['作者01', 1],
    ]);
  });
});
