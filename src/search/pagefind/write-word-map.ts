/**
 * Build time only (Node): writes the word maps (./word-map.ts) of
 * a built site's search shards into its search folder, from the words of
 * every shard (./shard-words.ts): those indexed by this build and those kept
 * from the last output. A map none of whose shards was indexed, and whose
 * shards are those of the last output's, is kept as it was written: a day's
 * pages rewrite the month shards' map, never the half-year shards'.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SEARCH_FILES } from './bundle.ts';
import {
  bucketLine,
  bucketOf,
  bucketPath,
  codeWord,
  rareLine,
  rarePath,
  rareShareOf,
  RARE_PAGES,
  RARE_SHARES,
  type MappedPage,
  WORD_MAP_FOLDERS,
  wordMapOf,
  wordMapPath,
  WORDS_PER_BUCKET,
  type WordMapFolder,
  type WordMapInfo,
} from './word-map.ts';
import { forgetShardWords, shardWords, type ShardWords } from './shard-words.ts';

// The build reaches the shards' words through the maps' writer, the adapter's entry for them: a join copies a slice's.
export { copyShardWords } from './shard-words.ts';

/** How many buckets `words` words take: a power of two, so that it changes seldom as the archive grows. */
function bucketCount(words: number): number {
  let buckets = 1;
  while (buckets * WORDS_PER_BUCKET < words) buckets *= 2;
  return buckets;
}

/** The shards the map `folder` of the last output names, or null when it has none. */
function lastShards(lastOutput: string | null, folder: WordMapFolder): string[] | null {
  const file = lastOutput === null ? '' : join(lastOutput, wordMapPath(folder));
  if (!file || !existsSync(file)) return null;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as Partial<WordMapInfo>).shards ?? null;
  } catch {
    return null;
  }
}

/** The text of a bucket, and of each share of it listing its rare words' pages. */
interface BucketText {
  text: string;
  shares: string[];
}

/**
 * The text of each bucket: the words of every shard, each word once with
 * the positions of the shards holding it, in word order, and the pages of
 * each word printed on at most RARE_PAGES pages of them all.
 */
function bucketTexts(words: readonly ShardWords[], buckets: number): BucketText[] {
  const shardCount = words.length;
  // Each word of each shard as one number (the word, then the shard's position), put in its bucket.
  const bucketOfPrefix = new Map<number, number>();
  const bucketOfCode = (code: number): number => {
    const prefix = Math.floor(code / 26);
    let bucket = bucketOfPrefix.get(prefix);
    if (bucket === undefined) bucketOfPrefix.set(prefix, (bucket = bucketOf(codeWord(code), buckets)));
    return bucket;
  };
  const sizes = new Array<number>(buckets).fill(0);
  for (const { codes } of words) for (const code of codes) sizes[bucketOfCode(code)] = (sizes[bucketOfCode(code)] ?? 0) + 1;
  const keys = sizes.map((size) => ({ held: new Float64Array(size), filled: 0 }));
  words.forEach(({ codes }, shard) => {
    for (const code of codes) {
      const bucket = keys[bucketOfCode(code)];
      if (bucket) bucket.held[bucket.filled++] = code * shardCount + shard;
    }
  });
  /** The pages of a word held by `shards`, when it is rare in them all together. */
  const rarePages = (code: number, shards: readonly number[]): MappedPage[] | null => {
    const pages: MappedPage[] = [];
    for (const shard of shards) {
      const fragments = words[shard]?.rare.get(code);
      if (!fragments || pages.length + fragments.length > RARE_PAGES) return null;
      for (const fragment of fragments) pages.push({ shard, fragment });
    }
    return pages;
  };
  return keys.map(({ held }) => {
    held.sort();
    const lines: string[] = [];
    const shares: string[] = new Array<string>(RARE_SHARES).fill('');
    for (let at = 0; at < held.length;) {
      const code = Math.floor((held[at] as number) / shardCount);
      const shards: number[] = [];
      for (; at < held.length && Math.floor((held[at] as number) / shardCount) === code; at += 1)
        shards.push((held[at] as number) % shardCount);
      const word = codeWord(code);
      const pages = rarePages(code, shards);
      lines.push(`${bucketLine(word, shards, pages !== null)}\n`);
      if (pages) shares[rareShareOf(word)] += `${rareLine(word, pages)}\n`;
    }
    return { text: lines.join(''), shares };
  });
}

/**
 * The files of the word map `folder` of `shards` (sorted), whose words (as
 * numbers, ./shard-words.ts) are `words`, in the same order: each
 * file's site path and bytes.
 * @example wordMapFiles('words', ['ntrb-2024h1'], [{ codes: Uint32Array.of(wordCode('epzabc')), rare: new Map() }]).map.buckets // 1
 */
export function wordMapFiles(
  folder: WordMapFolder,
  shards: readonly string[],
  words: readonly ShardWords[],
): { map: WordMapInfo; files: Map<string, Uint8Array> } {
  const total = words.reduce((sum, { codes }) => sum + codes.length, 0);
  const buckets = bucketCount(total);
  const texts = bucketTexts(words, buckets);
  const digest = createHash('sha256').update(JSON.stringify({ folder, shards, buckets }));
  for (const { text, shares } of texts) digest.update(text).update('\0').update(shares.join('\0')).update('\0');
  const map: WordMapInfo = { folder, shards: [...shards], buckets, generation: digest.digest('hex').slice(0, 16) };
  const files = new Map<string, Uint8Array>();
  texts.forEach(({ text, shares }, bucket) => {
    files.set(bucketPath(map, bucket), gzipSync(text, { level: 9 }));
    shares.forEach((share, at) => {
      if (share !== '') files.set(rarePath(map, bucket, at), gzipSync(share, { level: 9 }));
    });
  });
  files.set(wordMapPath(folder), Buffer.from(`${JSON.stringify(map)}\n`));
  return { map, files };
}

/**
 * Writes the word maps of `shards` (every shard of the built site, the ones
 * this build indexed in `site`, the others in `lastOutput`) into `site`,
 * each unless none of its shards was indexed and the last output's map
 * names the same shards.
 * @param wordsDir the state folder of shards' words
 * @returns a line saying what was done
 */
export async function writeWordMap(site: string, lastOutput: string | null, shards: readonly string[], wordsDir: string): Promise<string> {
  const started = performance.now();
  const said: string[] = [];
  const kept: string[] = [];
  for (const folder of WORD_MAP_FOLDERS) {
    const ids = shards.filter((shard) => wordMapOf(shard) === folder).sort();
    const indexed = ids.some((shard) => existsSync(join(site, SEARCH_FILES.folder, shard)));
    if (!indexed && JSON.stringify(lastShards(lastOutput, folder)) === JSON.stringify(ids)) {
      kept.push(folder);
      continue;
    }
    const words = await shardWords(wordsDir, site, lastOutput, ids);
    const { map, files } = wordMapFiles(folder, ids, words);
    rmSync(join(site, SEARCH_FILES.folder, folder), { recursive: true, force: true });
    for (const [path, bytes] of files) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), bytes);
    }
    const total = words.reduce((sum, { codes }) => sum + codes.length, 0);
    said.push(`${folder} (${ids.length} shards, ${total} words, ${map.buckets} buckets)`);
  }
  forgetShardWords(wordsDir, shards);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `Word maps: wrote ${said.join(' and ') || 'none'}${kept.length > 0 ? `, kept ${kept.join(' and ')} as the last output had them` : ''}, in ${seconds} s`;
}
