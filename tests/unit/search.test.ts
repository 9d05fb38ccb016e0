import { describe, expect, test } from 'vitest';
import { foldString, foldText } from '../../src/archive/fold-text.ts';
import { markParts } from '../../src/search/shared/excerpt.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { matchStory } from '../../src/search/shared/match.ts';
import { parseQuery } from '../../src/search/shared/query.ts';
import { readState, writeState } from '../../src/search/browser/search-state.ts';
import { blockWords, charWord, termWords } from '../../src/search/shared/tokens.ts';
import { hideText, revealText } from '../../src/search/pagefind/hidden-text.ts';

const table = traditionalToSimplified();

describe('foldText', () => {
  test('folds traditional, full-width and capitals one character at a time', () => {
    expect(foldString('許昆林 長江口 ７０５.５万噸 ６.２％ ＡＢｃ', table)).toBe('许昆林 长江口 705.5万吨 6.2% abc');
  });
  test('keeps the printed span of every folded character', () => {
    const folded = foldText('潮起長江口', table);
    expect(folded.text).toBe('潮起长江口');
    expect([folded.starts[2], folded.ends[4]]).toEqual([2, 5]);
  });
});

describe('tokens', () => {
  test('spells every character in three letters and every trigram in six', () => {
    expect(charWord('长')).toMatch(/^[a-z]{3}$/u);
    expect(charWord('𠀀')).toMatch(/^[a-z]{3}$/u);
    expect(blockWords('长江口 705.5万吨').every((word) => /^[a-z]{6}$/u.test(word))).toBe(true);
  });
  test('gives each character of a block one trigram word, starting with its own spelling', () => {
    const words = blockWords('长江口');
    expect(words.map((word) => word.slice(0, 3))).toEqual([charWord('长'), charWord('江'), charWord('口')]);
    expect(new Set(words).size).toBe(3);
  });
  test('marks the end of a run so a trigram never spans a space', () => {
    expect(blockWords('长江 口')).toEqual([...blockWords('长江'), ...blockWords('口')]);
    const [apart] = termWords('江口');
    expect(blockWords('长江').some((word) => word.startsWith(apart ?? ''))).toBe(false);
  });
  test('asks for the trigrams of a term, or the prefix a shorter one spells', () => {
    expect(termWords('长江口')).toEqual(blockWords('长江口').slice(0, 1));
    expect(termWords('长江口产')).toEqual(blockWords('长江口产').slice(0, 2));
    expect(termWords('长江')).toEqual([blockWords('长江')[0]?.slice(0, 5)]);
    expect(termWords('长')).toEqual([charWord('长')]);
    expect(termWords('长江 长江')).toEqual(termWords('长江'));
  });
  test('finds a term wherever a text holds it: each of its words is a prefix of one of the text’s', () => {
    const text = '潮起长江口 705.5万吨 许昆林';
    for (const [start] of [...text].entries()) {
      for (let end = start + 1; end <= text.length; end += 1) {
        const term = text.slice(start, end).trim();
        if (!term) continue;
        const words = blockWords(text);
        for (const word of termWords(term))
          expect(
            words.some((indexed) => indexed.startsWith(word)),
            `${term} ${word}`,
          ).toBe(true);
      }
    }
  });
});

describe('hideText', () => {
  test('round-trips any text, astral characters and lone surrogates included', () => {
    for (const text of ['', '长江口 705.5万吨 ZZQQX', '𠀀“许昆林”\n', '\ud800x']) expect(revealText(hideText(text))).toBe(text);
  });
  test('leaves no letter or digit for an indexer to find', () => {
    expect(hideText('长江口 abc 123')).not.toMatch(/[\p{L}\p{N}]/u);
  });
});

describe('parseQuery', () => {
  test('splits on spaces and keeps quoted phrases whole', () => {
    expect(parseQuery('许昆林  "大势已至 乘势而上" “南通”　长江口 许昆林')).toEqual(['大势已至 乘势而上', '南通', '许昆林', '长江口']);
  });
});

describe('matchStory', () => {
  const blocks: ['headline' | 'paragraph', string, string][] = [
    ['headline', '潮起长江口，抢抓机遇向未来', ''],
    ['paragraph', '规划建设長江口产业创新协同区', 'x'],
  ];
  test('finds every term in printed positions and counts headline terms', () => {
    const match = matchStory(blocks, ['长江口'], table);
    expect(match?.hits).toEqual([
      { block: 0, start: 2, end: 5, term: 0 },
      { block: 1, start: 4, end: 7, term: 0 },
    ]);
    expect(match?.headingTerms).toBe(1);
  });
  test('rejects a story missing one term', () => {
    expect(matchStory(blocks, ['长江口', '长江三角洲'], table)).toBeNull();
  });
  test('folds a story once however many queries check it, with the same answers', () => {
    let lookups = 0;
    const counting = new Map(table);
    const get = counting.get.bind(counting);
    counting.get = (key: string) => {
      lookups += 1;
      return get(key);
    };
    const story = blocks.map((block) => [...block] as (typeof blocks)[number]);
    const first = matchStory(story, ['长江口'], counting);
    const folding = lookups;
    expect(folding).toBeGreaterThan(0);
    expect(matchStory(story, ['长江口'], counting)).toEqual(first);
    expect(matchStory(story, ['创新'], counting)?.hits).toEqual([{ block: 1, start: 9, end: 11, term: 0 }]);
    expect(lookups).toBe(folding);
  });
});

describe('markParts', () => {
  test('marks exactly the printed characters found', () => {
    expect(markParts('规划建设長江口产业', [{ block: 0, start: 4, end: 7, term: 0 }], false)).toEqual([
      { text: '规划建设', mark: false },
      { text: '長江口', mark: true },
      { text: '产业', mark: false },
    ]);
  });
});

describe('search state', () => {
  test('round-trips through the address bar', () => {
    const state = readState('?q=%E9%95%BF%E6%B1%9F&paper=ntrb&sort=newest');
    expect(state).toEqual({ q: '长江', paper: 'ntrb', from: '', to: '', kind: '', sort: 'newest' });
    expect(writeState(state)).toBe('?q=%E9%95%BF%E6%B1%9F&paper=ntrb&sort=newest');
  });
});
