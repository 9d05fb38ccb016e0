import { describe, expect, test } from 'vitest';
import { foldString, foldText } from '../../src/archive/fold-text.ts';
import { markParts } from '../../src/search/shared/excerpt.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { matchStory, type FoldedTerm } from '../../src/search/shared/match.ts';
import { clausesOf, describeQuery, parseQuery } from '../../src/search/shared/query.ts';
import type { RecordBlock } from '../../src/search/shared/search-record.ts';
import { readState, writeState } from '../../src/search/browser/search-state.ts';
import { blockWords, charWord, termWords } from '../../src/search/pagefind/tokens.ts';
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
  const texts = (q: string): string[] => parseQuery(q).map((t) => t.text);
  test('splits on spaces (ASCII and ideographic), keeps ASCII-quoted phrases whole, drops repeats', () => {
    expect(texts('许昆林  "大势已至 乘势而上"　长江口 许昆林')).toEqual(['许昆林', '大势已至 乘势而上', '长江口']);
  });
  test('Chinese quotation marks and corner brackets are printed text, not syntax', () => {
    // Copied from the 南通日报 seed page's kicker: one term, its marks kept.
    expect(texts('“一中心一基地一枢纽”建设')).toEqual(['“一中心一基地一枢纽”建设']);
    expect(texts('「长江口」 南通')).toEqual(['「长江口」', '南通']);
  });
  test('-词 excludes, 标题: and 作者: (either colon) tie a term to a part', () => {
    expect(parseQuery('长江口 -协同区 标题:两会 作者：王玮丽 -"大势已至 乘势而上" -标题:南通')).toEqual([
      { text: '长江口', field: 'any', exclude: false, clause: 0 },
      { text: '协同区', field: 'any', exclude: true, clause: 1 },
      { text: '两会', field: 'heading', exclude: false, clause: 2 },
      { text: '王玮丽', field: 'author', exclude: false, clause: 3 },
      { text: '大势已至 乘势而上', field: 'any', exclude: true, clause: 4 },
      { text: '南通', field: 'heading', exclude: true, clause: 5 },
    ]);
  });
  test('a hyphen or a prefix with nothing after it, and a hyphen inside a word, are text', () => {
    expect(parseQuery('南通 - 标题:')).toEqual([
      { text: '南通', field: 'any', exclude: false, clause: 0 },
      { text: '标题:', field: 'any', exclude: false, clause: 1 },
    ]);
    expect(texts('2023-2024')).toEqual(['2023-2024']);
  });
  test('| or OR between two terms to be held makes them alternatives, with fields and phrases', () => {
    const clauses = (q: string): string[][] =>
      clausesOf(parseQuery(q)).map((clause) => clause.map((t) => `${t.exclude ? '-' : ''}${t.text}`));
    expect(clauses('长江口 | 长三角')).toEqual([['长江口', '长三角']]);
    expect(clauses('长江口|长三角 南通')).toEqual([['长江口', '长三角'], ['南通']]);
    expect(clauses('南通 长江口 OR 长三角 OR "大势已至 乘势而上" -协同区')).toEqual([
      ['南通'],
      ['长江口', '长三角', '大势已至 乘势而上'],
      ['-协同区'],
    ]);
    expect(parseQuery('标题:长江口 | 作者：王玮丽').map(({ field, clause }) => [field, clause])).toEqual([
      ['heading', 0],
      ['author', 0],
    ]);
  });
  test('an operator with no term to be held on a side is dropped; quoted, or inside a word, OR is text', () => {
    const clauses = (q: string): string[][] =>
      clausesOf(parseQuery(q)).map((clause) => clause.map((t) => `${t.exclude ? '-' : ''}${t.text}`));
    expect(clauses('| 长江口 |')).toEqual([['长江口']]);
    expect(clauses('长江口 OR')).toEqual([['长江口']]);
    expect(clauses('长江口 | -协同区 | 南通')).toEqual([['长江口'], ['-协同区'], ['南通']]);
    expect(clauses('"OR" 长江口ORB "a|b"')).toEqual([['OR'], ['长江口ORB'], ['a|b']]);
    expect(clauses('长江口 or 长三角')).toEqual([['长江口'], ['or'], ['长三角']]);
  });
  test('drops a term repeated within its clause and a clause repeating an earlier one', () => {
    const clauses = (q: string): string[][] => clausesOf(parseQuery(q)).map((clause) => clause.map((t) => t.text));
    expect(clauses('长江口 | 长江口 长三角 | 长江口 长江口 | 长三角')).toEqual([['长江口'], ['长三角', '长江口']]);
  });
  test('an unclosed quote runs to the end of the query', () => {
    expect(texts('南通 "大势已至 乘势')).toEqual(['南通', '大势已至 乘势']);
  });
  test('the status line names what was asked', () => {
    expect(describeQuery(parseQuery('南通 长江 标题:两会 -海门 作者:王玮丽'))).toBe(
      '包含“南通”、“长江”、标题含“两会”、不含“海门”、作者含“王玮丽”',
    );
    expect(describeQuery(parseQuery('长江口 | 长三角 -协同区'))).toBe('包含“长江口”或“长三角”、不含“协同区”');
    expect(describeQuery(parseQuery('南通 标题:长江口 OR 长三角'))).toBe('包含“南通”、标题含“长江口”或含“长三角”');
  });
});

describe('matchStory with syntax', () => {
  // Blocks of the 南通日报 seed page (2024-01-24, page 4): a story's heading, its dateline and byline.
  const story: RecordBlock[] = [
    ['kicker', '省政府工作报告明确“规划建设长江口产业创新协同区”——', ''],
    ['headline', '潮起长江口，抢抓机遇向未来', ''],
    ['subhead', '大势已至 乘势而上', 'da-shi'],
    ['paragraph', '本报讯（记者彭军君 实习生陈少鹏）22日，市总工会“协同创新我先行”2024年劳模迎新活动举行', 'da-shi'],
    ['byline', '本报记者 王玮丽 沈雪梅', ''],
  ];
  const terms = (q: string): FoldedTerm[] => parseQuery(q).map((t) => ({ ...t, folded: foldString(t.text, table) }));
  test('a heading term is found in kicker, headline, subtitle and subheads only', () => {
    expect(matchStory(story, terms('标题:长江口'), table)?.hits.map((h) => h.block)).toEqual([0, 1]);
    expect(matchStory(story, terms('标题:乘势而上'), table)).not.toBeNull();
    expect(matchStory(story, terms('标题:劳模'), table)).toBeNull();
  });
  test('an author term is found in bylines, credits and datelines only', () => {
    expect(matchStory(story, terms('作者:王玮丽'), table)).not.toBeNull();
    expect(matchStory(story, terms('作者:长江口'), table)).toBeNull();
    const withDateline: RecordBlock[] = [['dateline', '本报讯（记者彭军君 实习生陈少鹏）', ''], ...story.slice(0, 2)];
    expect(matchStory(withDateline, terms('作者:彭军君'), table)).not.toBeNull();
  });
  test('an excluded term anywhere in its parts rejects the story, and leaves no hit', () => {
    expect(matchStory(story, terms('长江口 -劳模'), table)).toBeNull();
    expect(matchStory(story, terms('长江口 -标题:劳模'), table)?.hits.every((h) => h.term === 0)).toBe(true);
    expect(matchStory(story, terms('-劳模'), table)).toBeNull();
  });
  test('a traditional query matches the simplified print in every part', () => {
    expect(matchStory(story, terms('标题:長江口 作者:王瑋麗'), table)).not.toBeNull();
  });
  test('a clause of alternatives is held when any of them is, and every one held is marked', () => {
    expect(matchStory(story, terms('长三角 | 长江口'), table)?.hits.map((h) => h.term)).toEqual([1, 1]);
    expect(matchStory(story, terms('劳模 | 长江口'), table)?.hits.map((h) => [h.block, h.term])).toEqual([
      [0, 1],
      [1, 1],
      [3, 0],
    ]);
    expect(matchStory(story, terms('长三角 OR 海门'), table)).toBeNull();
    expect(matchStory(story, terms('长三角 | 标题:劳模 作者:王玮丽'), table)).toBeNull();
    expect(matchStory(story, terms('长三角 | 作者:王玮丽 长江口'), table)).not.toBeNull();
    expect(matchStory(story, terms('长三角 | 长江口 -劳模'), table)).toBeNull();
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
    expect(state).toEqual({
      q: '长江',
      paper: 'ntrb',
      page: '',
      pageName: '',
      from: '',
      to: '',
      kind: '',
      column: '',
      author: '',
      sort: 'newest',
    });
    expect(writeState(state)).toBe('?q=%E9%95%BF%E6%B1%9F&paper=ntrb&sort=newest');
  });
});
