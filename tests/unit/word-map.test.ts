import { describe, expect, test } from 'vitest';
import { foldString } from '../../src/archive/fold-text.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { mapWordSets } from '../../src/search/pagefind/candidates.ts';
import { blockWords } from '../../src/search/pagefind/tokens.ts';
import {
  bucketLine,
  bucketOf,
  codeWord,
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

/** A shard's words as the indexer keeps them: every index word of its lines, as numbers. */
const shardCodes = (lines: readonly string[]): Uint32Array =>
  Uint32Array.from(new Set(lines.flatMap((line) => blockWords(foldString(line, table)).map((word) => wordCode(word) ?? -1)))).sort();

// Two papers' half-years, in the map of half-year shards; a month shard would be in the other map.
const SHARDS = ['jhwb-2025h1', 'ntrb-2024h1'];
const { map, files } = wordMapFiles('words', SHARDS, [shardCodes(JHWB), shardCodes(NTRB)]);
let fetched: string[] = [];
const holders = wordMapReader((path) => {
  fetched.push(path);
  const bytes = files.get(path);
  return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`${path}: HTTP 404`));
});
const ask = (...terms: string[]): Promise<string[]> => holders(mapWordSets([terms.map((term) => foldString(term, table))]), SHARDS);

describe('the word map', () => {
  test('spells index words as numbers and back', () => {
    expect(codeWord(wordCode('epzabc') ?? -1)).toBe('epzabc');
    expect(wordCode('0hub')).toBeNull();
    expect(wordCode('epzab')).toBeNull();
  });

  test('puts every word of a two-character spelling in one bucket, and reads its lines back', () => {
    expect(bucketOf('epzabc', 64)).toBe(bucketOf('epzabz', 64));
    expect(bucketOf('epzab', 64)).toBe(bucketOf('epzabq', 64));
    const bucket = readBucket(`${bucketLine('epzabc', [0, 40])}\n${bucketLine('epzabd', [1])}\n`, 'b');
    expect([...shardsHolding(bucket, 'epzabc')]).toEqual([0, 40]);
    expect([...shardsHolding(bucket, 'epzab')].sort()).toEqual([0, 1, 40]);
    expect(shardsHolding(bucket, 'epzabe').size).toBe(0);
    expect(() => readBucket('epzabc:0\nepzabd\n', '/pagefind/words/index/x-0.pf_words')).toThrow(
      /^\/pagefind\/words\/index\/x-0\.pf_words:2: not a word map line/u,
    );
  });

  test('names the shards that may hold every term of a query, from one bucket per word asked', async () => {
    expect(map.shards).toEqual(SHARDS);
    expect(files.size).toBe(map.buckets + 1);
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

  test('leaves a shard it does not know, or a site without a map, to be asked', async () => {
    await expect(holders(mapWordSets([['不存在的词语']]), ['jhwb-2023h2', ...SHARDS])).resolves.toEqual(['jhwb-2023h2']);
    expect(fetched.some((path) => path.includes('/recentwords/'))).toBe(false);
    // A month shard's words are in the other map, which this site lacks.
    await expect(holders(mapWordSets([['不存在的词语']]), ['recent-2025-02', ...SHARDS])).resolves.toEqual(['recent-2025-02']);
    expect(fetched).toContain('/pagefind/recentwords/map.json');
    const none = wordMapReader((path) => Promise.reject(new Error(`${path}: HTTP 404`)));
    await expect(none(mapWordSets([['不存在的词语']]), SHARDS)).resolves.toEqual(SHARDS);
    expect(JSON.parse(new TextDecoder().decode(files.get(wordMapPath('words'))))).toEqual(map);
  });
});
