import { describe, expect, test } from 'vitest';
import { foldString } from '../../src/archive/fold-text.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { mapWordSets } from '../../src/search/pagefind/candidates.ts';
import type { ShardWords } from '../../src/search/pagefind/shard-words.ts';
import { blockWords, termWords } from '../../src/search/pagefind/tokens.ts';
import {
  bucketLine,
  bucketOf,
  codeWord,
  RARE_PAGES,
  readBucket,
  shardsHolding,
  wordCode,
  wordMapReader,
  wordMapPath,
} from '../../src/search/pagefind/word-map.ts';
import { wordMapFiles } from '../../src/search/pagefind/write-word-map.ts';

const table = traditionalToSimplified();

// Real lines of the seed pages: 南通日报 2024-01-24 A2 (lines 5 and 99) and 江海晚报 2025-02-06 (line 7, cut).
const NTRB = ['潮起长江口，抢抓机遇向未来', '许昆林指出，习近平总书记对江苏提出“在推进中国式现代化中走在前、做示范”重大要求'];
const JHWB = ['晚报综合消息 人勤春早，实干争先。2月5日，新春第一个工作日，省委书记信长星出席会议并讲话，省长许昆林主持会议'];

/**
 * A shard's words as the indexer keeps them: every index word of its pages
 * (each page one line, its fragment named by `name`), as numbers, with the
 * pages of each word printed on at most RARE_PAGES of them.
 */
function shardWords(pages: readonly string[], name: (page: number) => string): ShardWords {
  const rare = new Map<number, string[]>();
  pages.forEach((line, page) => {
    for (const word of new Set(blockWords(foldString(line, table)))) {
      const code = wordCode(word) ?? -1;
      rare.set(code, [...(rare.get(code) ?? []), name(page)]);
    }
  });
  const codes = Uint32Array.from(rare.keys()).sort();
  for (const [code, held] of rare) if (held.length > RARE_PAGES) rare.delete(code);
  return { codes, rare };
}

// Two papers' half-years, in the map of half-year shards; a month shard would be in the other map.
const SHARDS = ['jhwb-2025h1', 'ntrb-2024h1'];
// The 江海晚报 line stands for a page printed seventeen times (its words are common), the 南通日报 lines for two pages.
const { map, files } = wordMapFiles('words', SHARDS, [
  shardWords(Array<string>(RARE_PAGES + 1).fill(JHWB[0] ?? ''), (page) => `zh-cn_j${page}`),
  shardWords(NTRB, (page) => `zh-cn_n${page}`),
]);
let fetched: string[] = [];
const maps = wordMapReader((path) => {
  fetched.push(path);
  const bytes = files.get(path);
  return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`${path}: HTTP 404`));
});
const holders = maps.holders;
const ask = (...terms: string[]): Promise<string[]> => holders(mapWordSets([terms.map((term) => foldString(term, table))]), SHARDS);
/** The pages the maps list for a term's first trigram. */
const listed = (term: string, shards = SHARDS) => maps.pages(termWords(foldString(term, table))[0] ?? '', shards);

describe('the word map', () => {
  test('spells index words as numbers and back', () => {
    expect(codeWord(wordCode('epzabc') ?? -1)).toBe('epzabc');
    expect(wordCode('0hub')).toBeNull();
    expect(wordCode('epzab')).toBeNull();
  });

  test('puts every word of a two-character spelling in one bucket, and reads its lines back', () => {
    expect(bucketOf('epzabc', 64)).toBe(bucketOf('epzabz', 64));
    expect(bucketOf('epzab', 64)).toBe(bucketOf('epzabq', 64));
    const bucket = readBucket(`${bucketLine('epzabc', [0, 40])}\n${bucketLine('epzabd', [1], true)}\n`, 'b');
    expect(bucket.get('epzabd')).toEqual({ shards: [1], rare: true });
    expect([...shardsHolding(bucket, 'epzabc')]).toEqual([0, 40]);
    expect([...shardsHolding(bucket, 'epzab')].sort()).toEqual([0, 1, 40]);
    expect(shardsHolding(bucket, 'epzabe').size).toBe(0);
    expect(() => readBucket('epzabc:0\nepzabd\n', '/pagefind/words/index/x-0.pf_words')).toThrow(
      /^\/pagefind\/words\/index\/x-0\.pf_words:2: not a word map line/u,
    );
  });

  test('names the shards that may hold every term of a query, from one bucket per word asked', async () => {
    expect(map.shards).toEqual(SHARDS);
    expect([...files.keys()].filter((path) => /\/[0-9a-f]+-\d+\.pf_words$/u.test(path))).toHaveLength(map.buckets);
    await expect(ask('许昆林')).resolves.toEqual(SHARDS);
    await expect(ask('潮起长江口')).resolves.toEqual(['ntrb-2024h1']);
    await expect(ask('人勤春早')).resolves.toEqual(['jhwb-2025h1']);
    await expect(ask('长江')).resolves.toEqual(['ntrb-2024h1']);
    await expect(ask('许昆林', '人勤春早')).resolves.toEqual(['jhwb-2025h1']);
    fetched = [];
    await expect(ask('不存在的词语')).resolves.toEqual([]);
    expect(fetched.length).toBeLessThanOrEqual(2);
    // One character is held nearly everywhere: the map is not asked for it.
    await expect(ask('许')).resolves.toEqual(SHARDS);
    // Either of two alternatives.
    await expect(holders(mapWordSets([['潮起长江口'], ['人勤春早']]), SHARDS)).resolves.toEqual(SHARDS);
  });

  test('lists the pages of a word printed on few pages, and of no other', async () => {
    await expect(listed('潮起长江口')).resolves.toEqual([{ shard: 'ntrb-2024h1', fragment: 'zh-cn_n0' }]);
    await expect(listed('许昆林')).resolves.toBeNull();
    await expect(listed('许昆林', ['ntrb-2024h1'])).resolves.toBeNull();
    await expect(listed('潮起长江口', ['jhwb-2025h1'])).resolves.toEqual([]);
    await expect(listed('不存在的词语')).resolves.toEqual([]);
    // 习近平 is on the second 南通日报 page alone: a rare word, listed in a share of its bucket.
    fetched = [];
    await expect(listed('习近平')).resolves.toEqual([{ shard: 'ntrb-2024h1', fragment: 'zh-cn_n1' }]);
    expect(fetched.filter((path) => /-\d+-\d\.pf_words$/u.test(path))).toHaveLength(1);
    // A shard the map does not know may hold anything.
    await expect(listed('潮起长江口', ['jhwb-2023h2', ...SHARDS])).resolves.toBeNull();
  });

  test('leaves a shard it does not know, or a site without a map, to be asked', async () => {
    await expect(holders(mapWordSets([['不存在的词语']]), ['jhwb-2023h2', ...SHARDS])).resolves.toEqual(['jhwb-2023h2']);
    expect(fetched.some((path) => path.includes('/recentwords/'))).toBe(false);
    // A month shard's words are in the other map, which this site lacks.
    await expect(holders(mapWordSets([['不存在的词语']]), ['recent-2025-02', ...SHARDS])).resolves.toEqual(['recent-2025-02']);
    expect(fetched).toContain('/pagefind/recentwords/map.json');
    const none = wordMapReader((path) => Promise.reject(new Error(`${path}: HTTP 404`)));
    await expect(none.holders(mapWordSets([['不存在的词语']]), SHARDS)).resolves.toEqual(SHARDS);
    await expect(none.pages(termWords('潮起长江口')[0] ?? '', SHARDS)).resolves.toBeNull();
    expect(JSON.parse(new TextDecoder().decode(files.get(wordMapPath('words'))))).toEqual(map);
  });
});
