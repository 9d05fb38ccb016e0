import { describe, expect, test } from 'vitest';
import { foldString } from '../../src/archive/fold-text.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { countWords, noHitsHelp, type OfferedSearch } from '../../src/search/browser/no-hits.ts';
import { PAGE_SIZE, type Search, type SearchProgress } from '../../src/search/browser/run-search.ts';
import { readState } from '../../src/search/browser/search-state.ts';
import { parseQuery, termQuery, writeQuery } from '../../src/search/shared/query.ts';

const table = traditionalToSimplified();
const folded = (q: string) => parseQuery(q).map((term) => ({ ...term, folded: foldString(term.text, table) }));

describe('writeQuery', () => {
  test('writes terms back so that they read as the same query', () => {
    for (const q of [
      '长江口 | 长三角 南通',
      '-标题:"大势已至 乘势而上" 作者：王玮丽',
      '"OR" "a|b" "-南通" "标题:长江"',
      '長江口 OR ７０５',
    ]) {
      expect(parseQuery(writeQuery(parseQuery(q))), q).toEqual(parseQuery(q));
    }
    expect(writeQuery(parseQuery('长江口 OR 长三角  南通'))).toBe('长江口 | 长三角 南通');
    expect(termQuery({ text: '大势已至 乘势而上', field: 'heading', exclude: true })).toBe('-标题:"大势已至 乘势而上"');
  });
});

describe('noHitsHelp', () => {
  test('shows the query as compared, offers each word to hold alone and the search without each filter', () => {
    const state = readState('?q=長江三角洲+南通+-協同區&paper=ntrb&from=2024-01-01&kind=photo');
    const help = noHitsHelp(state, folded(state.q));
    expect(help.folded).toBe('长江三角洲 南通 -协同区');
    expect(help.words.map((word) => [word.label, word.state.q, word.state.paper])).toEqual([
      ['長江三角洲', '長江三角洲', 'ntrb'],
      ['南通', '南通', 'ntrb'],
    ]);
    expect(help.filters.map((filter) => [filter.label, filter.state.paper, filter.state.from, filter.state.kind])).toEqual([
      ['不限报纸', '', '2024-01-01', 'photo'],
      ['不限日期', 'ntrb', '', 'photo'],
      ['不限类别', 'ntrb', '2024-01-01', ''],
    ]);
  });
  test('offers nothing a plain one-word search without filters already is', () => {
    expect(noHitsHelp(readState('?q=长江三角洲'), folded('长江三角洲'))).toEqual({ folded: null, words: [], filters: [] });
    expect(noHitsHelp(readState('?q=标题:长江口'), folded('标题:长江口')).words).toEqual([]);
    expect(noHitsHelp(readState('?q=ABC'), folded('ABC')).folded).toBe('abc');
  });
});

describe('countWords', () => {
  /** A search of `total` results over `periods` spans: each step asks one more span, and `more` finds three more results. */
  function fakeSearch(total: number, periods: number): { search: Search; steps: () => number } {
    let steps = 0;
    const progressAt = (found: number, asked: number): SearchProgress => ({
      hits: Array.from({ length: found }, () => ({}) as SearchProgress['hits'][number]),
      candidates: asked * 10,
      checkedPages: asked * 10,
      checked: asked * 50,
      periodsLeft: Array.from({ length: periods - asked }, (_, n) => `20${10 + n}-1`),
      spans: Array.from({ length: asked }, (_, n) => ({ period: `20${30 - n}-1`, candidates: 10, checkedPages: 10, found: 0 })),
      settled: 0,
      done: asked === periods,
    });
    let [found, asked] = [0, 1];
    const search: Search = {
      progress: progressAt(0, 1),
      more: () => {
        steps += 1;
        asked = Math.min(periods, asked + 1);
        found = Math.min(total, found + 3);
        return Promise.resolve((search.progress = progressAt(found, asked)));
      },
      survey: () => {
        steps += 1;
        asked = Math.min(periods, asked + 1);
        return Promise.resolve((search.progress = progressAt(found, asked)));
      },
    };
    return { search, steps: () => steps };
  }
  const word = (label: string): OfferedSearch => ({ label, state: readState(`?q=${label}`) });

  test('counts each word as far as a first page and every span tell, one at a time', async () => {
    const searches = new Map([
      ['长江口', fakeSearch(5, 4)],
      ['海门', fakeSearch(0, 2)],
    ]);
    const counted: string[] = [];
    await countWords(
      [word('长江口'), word('海门')],
      (offer) => Promise.resolve((searches.get(offer.label) as { search: Search }).search),
      () => true,
      (offer, label) => counted.push(`${offer.label} ${label}`),
    );
    expect(counted).toEqual(['长江口 5 篇', '海门 0 篇']);
    expect(PAGE_SIZE).toBeGreaterThan(5);
  });

  test('stops once a newer search started', async () => {
    const one = fakeSearch(5, 4);
    let live = true;
    const counted: string[] = [];
    await countWords(
      [word('长江口'), word('海门')],
      () => {
        live = false;
        return Promise.resolve(one.search);
      },
      () => live,
      (offer) => counted.push(offer.label),
    );
    expect(counted).toEqual([]);
    expect(one.steps()).toBe(0);
  });
});
