import { describe, expect, test } from 'vitest';
import { ITEM_KIND_LABELS } from '../../src/archive/item-schema.ts';
import { readState, writeState } from '../../src/search/browser/search-state.ts';
import {
  chosenFilters,
  COLUMN_FILTER,
  filterValuesOf,
  KIND_FILTER,
  PAPER_FILTER,
  SEARCH_FILTERS,
  storyFits,
  type FilteredStory,
} from '../../src/search/shared/filters.ts';

const photo: FilteredStory = { paper: 'ntrb', paperName: '南通日报', kind: 'photo', columnName: null };
const story: FilteredStory = { paper: 'jhwb', paperName: '江海晚报', kind: 'story', columnName: '直通省两会' };
const source = {
  papers: [
    { id: 'jhwb', name: '江海晚报' },
    { id: 'ntrb', name: '南通日报' },
  ],
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

  test('the column filter reads the name of a story’s column, and none without a column', () => {
    expect([COLUMN_FILTER.read(story), COLUMN_FILTER.read(photo)]).toEqual(['直通省两会', '']);
    expect(storyFits(story, { column: '直通省两会' })).toBe(true);
    expect(storyFits(photo, { column: '直通省两会' })).toBe(false);
  });

  test('each is read from the address by its id and written back, where-filters before the days, what-filters after', () => {
    const state = readState('?kind=photo&to=2024-01&q=南通&column=生气&paper=ntrb&from=2024');
    expect(state).toMatchObject({ paper: 'ntrb', kind: 'photo', column: '生气', from: '2024-01-01', to: '2024-01-31' });
    expect(decodeURIComponent(writeState(state))).toBe('?q=南通&paper=ntrb&from=2024-01-01&to=2024-01-31&kind=photo&column=生气');
    for (const { id } of SEARCH_FILTERS) expect(readState(`?${id}=x`)[id]).toBe('x');
  });

  test('a story fits the filters chosen when it has each one’s value; filters left at 全部 are not asked', () => {
    const chosen = chosenFilters({ paper: '', kind: 'photo', column: '' });
    expect(chosen).toEqual({ kind: 'photo' });
    expect([storyFits(photo, chosen), storyFits(story, chosen), storyFits(story, {})]).toEqual([true, false, true]);
    expect(storyFits(photo, { paper: 'ntrb', kind: 'photo' })).toBe(true);
  });

  test('a group of stories is filed under every value its stories hold, sorted, and none for a story without one', () => {
    expect(filterValuesOf([photo, story, { ...photo, kind: 'jump' }])).toEqual({
      paper: ['jhwb', 'ntrb'],
      kind: ['jump', 'photo', 'story'],
      column: ['直通省两会'],
    });
    expect(filterValuesOf([photo]).column).toEqual([]);
  });
});
