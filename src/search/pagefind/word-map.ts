/**
 * The word maps: which search shards hold each index word (./tokens.ts), so
 * that a search skips the shards that cannot answer it. Without them, a word
 * no story holds, or one held in a few old years, costs every shard's
 * metadata and an index chunk before the search can say so, and that cost
 * grows with the archive; with them, the cost is a bucket of a map per word
 * looked up, whatever the archive's size.
 *
 * There are two maps: one of the papers' half-year shards, which a day's
 * pages never change, and one of the newest half-year's month shards
 * (src/data/partitions.ts), made again whenever they change; so a day's
 * build rewrites the small map and leaves the large one as written. The
 * build writes them (src/search/indexer/write-word-map.ts) from the words of
 * every shard, and the browser reads them (./candidates.ts). Each map's
 * folder beside the shards holds `map.json` (its shards, how many buckets,
 * and the generation that names them) and one gzipped bucket per share of
 * the words, each line a word and the shards holding it:
 *
 *     epzabc:0,3,1a
 *
 * the shards as positions in map.json's list, in base 36. A word's bucket
 * is fixed by its first five letters (the spelling of its first two
 * characters), so the bucket of a two-character term holds every word that
 * starts with it. Buckets are named by a digest of their whole map, so they
 * may be cached for ever, and map.json is small.
 */
import { isRecentShard } from '../../data/partitions.ts';
import { BUNDLE_FOLDER, CONTENT_NAMED_FOLDERS } from './bundle.ts';
import { inflate } from './shard-files.ts';
import type { LoadFile } from './shard-search.ts';

/**
 * The maps' folders among the shards' (a shard's id always holds a hyphen,
 * these names none): the half-year shards' map, and the month shards'.
 */
export const WORD_MAP_FOLDERS = ['words', 'recentwords'] as const;

/** The folder of a word map. */
export type WordMapFolder = (typeof WORD_MAP_FOLDERS)[number];

/**
 * The map that holds a shard's words.
 * @example wordMapOf('recent-2025-02') // 'recentwords'
 */
export function wordMapOf(shard: string): WordMapFolder {
  return isRecentShard(shard) ? 'recentwords' : 'words';
}

/**
 * Site path of a map's description.
 * @example wordMapPath('words') // '/pagefind/words/map.json'
 */
export function wordMapPath(folder: WordMapFolder): string {
  return `/${BUNDLE_FOLDER}/${folder}/map.json`;
}

/** What map.json says. */
export interface WordMapInfo {
  /** The map's folder. */
  folder: WordMapFolder;
  /** The shards, in the order the buckets' lines name them by position. */
  shards: string[];
  /** How many buckets the words are spread over (a power of two). */
  buckets: number;
  /** A digest of every bucket, which names them. */
  generation: string;
}

/**
 * Words (of every shard together, a word once per shard) a bucket is sized
 * for: a bucket then weighs about as much as one index chunk of a shard.
 */
export const WORDS_PER_BUCKET = 4000;

/** The buckets' folder: one of those whose files hosts may cache for ever (src/data/host-files.ts). */
const BUCKET_FOLDER: keyof typeof CONTENT_NAMED_FOLDERS = 'index';

/** Letters of a word that choose its bucket: the spelling of a term's first two characters. */
const BUCKET_LETTERS = 5;

/** Letters of an index word: a trigram's spelling (./tokens.ts). */
const WORD_LETTERS = 6;

/**
 * An index word as a number (its letters read in base 26), as the build
 * keeps a shard's words; null for anything that is not an index word.
 * @example wordCode('aaaaab') // 1
 */
export function wordCode(word: string): number | null {
  if (!/^[a-z]{6}$/u.test(word)) return null;
  let code = 0;
  for (const letter of word) code = code * 26 + letter.charCodeAt(0) - 97;
  return code;
}

/**
 * The word a number of wordCode stands for.
 * @example codeWord(1) // 'aaaaab'
 */
export function codeWord(code: number): string {
  let word = '';
  let rest = code;
  for (let place = 0; place < WORD_LETTERS; place += 1) {
    word = String.fromCharCode(97 + (rest % 26)) + word;
    rest = Math.floor(rest / 26);
  }
  return word;
}

/**
 * Site path of a bucket, in the map's content-named folder.
 * @example bucketPath({ folder: 'words', generation: 'f00d' }, 3) // '/pagefind/words/index/f00d-3.pf_words'
 */
export function bucketPath(map: Pick<WordMapInfo, 'folder' | 'generation'>, bucket: number): string {
  return `/${BUNDLE_FOLDER}/${map.folder}/${BUCKET_FOLDER}/${map.generation}-${bucket}.pf_words`;
}

/**
 * The bucket of a word (or a prefix of five letters or more) among `buckets`.
 * @example bucketOf('epzabc', 8) === bucketOf('epzab', 8) // true
 */
export function bucketOf(word: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (const letter of word.slice(0, BUCKET_LETTERS)) hash = Math.imul(hash ^ letter.charCodeAt(0), 0x01000193) >>> 0;
  return hash % buckets;
}

/** Whether the map can say where `word` is: only words of a full bucket prefix; a single character's three letters are everywhere. */
export function mapped(word: string): boolean {
  return word.length >= BUCKET_LETTERS;
}

/**
 * Reads a bucket's text: each word with the positions of its shards.
 * @example readBucket('epzabc:0,3\n', 'b') // Map { 'epzabc' => [0, 3] }
 */
export function readBucket(text: string, file: string): Map<string, number[]> {
  const words = new Map<string, number[]>();
  for (const [at, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const [word, shards] = line.split(':');
    if (!word || !shards) throw new Error(`${file}:${at + 1}: not a word map line ("${line.slice(0, 40)}")`);
    words.set(
      word,
      shards.split(',').map((shard) => parseInt(shard, 36)),
    );
  }
  return words;
}

/**
 * Writes a bucket's line of one word.
 * @example bucketLine('epzabc', [0, 36]) // 'epzabc:0,10'
 */
export function bucketLine(word: string, shards: readonly number[]): string {
  return `${word}:${shards.map((shard) => shard.toString(36)).join(',')}`;
}

/**
 * The positions of the shards holding `word`: a full word's own, or for a
 * prefix every word's that starts with it, in a bucket read by readBucket.
 */
export function shardsHolding(bucket: ReadonlyMap<string, readonly number[]>, word: string): Set<number> {
  const held = new Set<number>();
  const add = (shards: readonly number[] | undefined): void => shards?.forEach((shard) => held.add(shard));
  if (word.length >= WORD_LETTERS) add(bucket.get(word));
  else for (const [indexed, shards] of bucket) if (indexed.startsWith(word)) add(shards);
  return held;
}

/** Browser: one map read through `load`, each of its files once; null when the site has no such map. */
function mapReader(load: LoadFile, folder: WordMapFolder) {
  let info: Promise<WordMapInfo | null> | undefined;
  const buckets = new Map<number, Promise<Map<string, number[]>>>();
  const bucket = (map: WordMapInfo, at: number): Promise<Map<string, number[]>> => {
    let read = buckets.get(at);
    if (!read) {
      const file = bucketPath(map, at);
      read = load(file).then(async (bytes) => readBucket(new TextDecoder().decode(await inflate(bytes)), file));
      buckets.set(at, read);
    }
    return read;
  };
  /** The shards of `shards` that this map says may hold every word of some set, or all when there is no map. */
  return async (wordSets: readonly (readonly string[])[], shards: readonly string[]): Promise<Set<string>> => {
    info ??= load(wordMapPath(folder)).then(
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as WordMapInfo,
      () => null,
    );
    const map = await info;
    if (!map) return new Set(shards);
    const known = new Map(map.shards.map((shard, at) => [shard, at]));
    const holding = await Promise.all(
      wordSets.map(async (words) => {
        const held = await Promise.all(
          words.filter(mapped).map(async (word) => shardsHolding(await bucket(map, bucketOf(word, map.buckets)), word)),
        );
        return (at: number): boolean => held.every((set) => set.has(at));
      }),
    );
    return new Set(
      shards.filter((shard) => {
        const at = known.get(shard);
        return at === undefined || holding.some((holds) => holds(at));
      }),
    );
  };
}

/**
 * Browser: reads the word maps of the site through `load`, each file once,
 * a map only when a shard it holds is asked about. The answer is the
 * shards, of those given, that may hold every word of some set: a shard no
 * map knows (or every shard, when the site has no map) may hold anything.
 * @example await wordMapReader(fromSite)([['epzabc']], ['ntrb-2024h1', 'recent-2025-02']) // ['recent-2025-02']
 */
export function wordMapReader(load: LoadFile): (wordSets: readonly (readonly string[])[], shards: readonly string[]) => Promise<string[]> {
  const maps = new Map(WORD_MAP_FOLDERS.map((folder) => [folder, mapReader(load, folder)]));
  return async (wordSets, shards) => {
    if (wordSets.length === 0) return [...shards];
    const held = await Promise.all(
      WORD_MAP_FOLDERS.map((folder) => {
        const asked = shards.filter((shard) => wordMapOf(shard) === folder);
        return asked.length > 0 ? (maps.get(folder)?.(wordSets, asked) ?? new Set(asked)) : new Set<string>();
      }),
    );
    return shards.filter((shard) => held.some((set) => set.has(shard)));
  };
}
