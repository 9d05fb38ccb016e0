import { describe, expect, test } from 'vitest';
import { PAGE_SIZE, type SearchProgress } from '../../src/search/browser/run-search.ts';
import { searchStage } from '../../src/search/browser/status-line.ts';

/** A search's progress with `found` results listed, as far as the stage reads it. */
const progress = (found: number, done = false): SearchProgress => ({
  hits: Array.from({ length: found }, () => ({}) as SearchProgress['hits'][number]),
  candidates: 40,
  checkedPages: 3,
  checked: 15,
  settled: 0,
  done,
  periodsLeft: ['2024-1'],
  spans: [{ period: '2025-2', candidates: 40, checkedPages: 3, found }],
});

describe('searchStage', () => {
  test('is filling while the first page of results is not full and the search goes on', () => {
    expect(searchStage(progress(3), 'searching')).toBe('filling');
  });

  test('is going-on once a page of results is shown and the search still goes on by itself', () => {
    expect(searchStage(progress(PAGE_SIZE), 'searching')).toBe('going-on');
  });

  test('is settled once the search goes no further by itself: waiting for 继续查找, stopped, or done', () => {
    expect(searchStage(progress(PAGE_SIZE), 'waiting')).toBe('settled');
    expect(searchStage(progress(3), 'stopped')).toBe('settled');
    expect(searchStage(progress(3, true), 'waiting')).toBe('settled');
  });
});
