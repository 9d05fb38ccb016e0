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
 * build writes them (./write-word-map.ts) from the words of every shard
 * (./shard-words.ts), and the browser reads them (./candidates.ts). Each
 * map's folder beside the shards holds `map.json` (its shards, how many
 * buckets, and the generation that names its files) and gzipped buckets,
 * each holding some of the words, a line per word with the shards holding
 * it:
 *
 *     epzabc:0,3,1a
 *
 * the shards as positions in map.json's list, in base 36. A word's bucket
 * is fixed by its first five letters (the spelling of its first two
 * characters), so the bucket of a two-character term holds every word that
 * starts with it. A word printed on at most RARE_PAGES pages of the map's
 * shards in all is marked `!`, and one of its bucket's RARE_SHARES shares
 * lists those pages' fragments (`epzabc:0/zh-cn_28ad326,3/…`): a rare word,
 * a name above all, is then found with no shard's index at all. The files
 * are named by a digest of the whole map, so they may be cached for ever,
 * and map.json is small.
 */
import { isRecentShard } from '../../data/partitions.ts';
import { BUNDLE_FOLDER, CONTENT_NAMED_FOLDERS } from './bundle.ts';
import { inflate } from './shard-files.ts';
import { readOnce, type LoadFile, type ReadFile } from './shard-search.ts';

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
 * for: far less than a shard's index chunk holds, since a search fetches a
 * bucket for each word it looks up.
 */
export const WORDS_PER_BUCKET = 4000;

/**
 * Most pages (of all the map's shards together) a word may be printed on
 * for the map to list them: a rare word's pages are then read straight from
 * their fragments. More would let more words skip the shards' index, but
 * every word listed adds its pages to the map.
 */
export const RARE_PAGES = 16;

/** Shares each bucket's rare words' pages are split into, by a word's last letter: a rare word costs one share. */
export const RARE_SHARES = 4;

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
 * Site path of the share of a bucket listing the pages of its rare words.
 * @example rarePath({ folder: 'words', generation: 'f00d' }, 3, 1) // '/pagefind/words/index/f00d-3-1.pf_words'
 */
export function rarePath(map: Pick<WordMapInfo, 'folder' | 'generation'>, bucket: number, share: number): string {
  return `/${BUNDLE_FOLDER}/${map.folder}/${BUCKET_FOLDER}/${map.generation}-${bucket}-${share}.pf_words`;
}

/**
 * The share of its bucket that lists a rare word's pages.
 * @example rareShareOf('epzabc') // 2
 */
export function rareShareOf(word: string): number {
  return (word.charCodeAt(WORD_LETTERS - 1) - 97) % RARE_SHARES;
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

/** A word as a bucket lists it: the positions of the shards holding it, and whether a share lists its pages. */
export interface MappedWord {
  shards: number[];
  rare: boolean;
}

/** Reads the lines of a map file, `word:rest`, throwing with the file and line for any other. */
function readLines(text: string, file: string): [string, string][] {
  const lines: [string, string][] = [];
  for (const [at, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const [word, rest] = line.split(':');
    if (!word || !rest) throw new Error(`${file}:${at + 1}: not a word map line ("${line.slice(0, 40)}")`);
    lines.push([word, rest]);
  }
  return lines;
}

/**
 * Reads a bucket's text: each word with the positions of its shards, and whether it is rare.
 * @example readBucket('epzabc:0,3!\n', 'b') // Map { 'epzabc' => { shards: [0, 3], rare: true } }
 */
export function readBucket(text: string, file: string): Map<string, MappedWord> {
  return new Map(
    readLines(text, file).map(([word, rest]) => [
      word,
      {
        shards: rest
          .replace(/!$/u, '')
          .split(',')
          .map((shard) => parseInt(shard, 36)),
        rare: rest.endsWith('!'),
      },
    ]),
  );
}

/**
 * Writes a bucket's line of one word.
 * @example bucketLine('epzabc', [0, 36], true) // 'epzabc:0,10!'
 */
export function bucketLine(word: string, shards: readonly number[], rare = false): string {
  return `${word}:${shards.map((shard) => shard.toString(36)).join(',')}${rare ? '!' : ''}`;
}

/** A page of a shard, by its position in the map's list and its fragment's name. */
export interface MappedPage {
  shard: number;
  fragment: string;
}

/**
 * Reads a share's text: each rare word with its pages.
 * @example readRare('epzabc:0/zh-cn_28ad326\n', 'r').get('epzabc') // [{ shard: 0, fragment: 'zh-cn_28ad326' }]
 */
export function readRare(text: string, file: string): Map<string, MappedPage[]> {
  return new Map(
    readLines(text, file).map(([word, rest]) => [
      word,
      rest.split(',').map((page) => {
        const [shard = '', fragment = ''] = page.split('/');
        return { shard: parseInt(shard, 36), fragment };
      }),
    ]),
  );
}

/**
 * Writes a share's line of one rare word.
 * @example rareLine('epzabc', [{ shard: 0, fragment: 'zh-cn_28ad326' }]) // 'epzabc:0/zh-cn_28ad326'
 */
export function rareLine(word: string, pages: readonly MappedPage[]): string {
  return `${word}:${pages.map(({ shard, fragment }) => `${shard.toString(36)}/${fragment}`).join(',')}`;
}

/**
 * The positions of the shards holding `word`: a full word's own, or for a
 * prefix every word's that starts with it, in a bucket read by readBucket.
 */
export function shardsHolding(bucket: ReadonlyMap<string, MappedWord>, word: string): Set<number> {
  const held = new Set<number>();
  const add = (mapped: MappedWord | undefined): void => mapped?.shards.forEach((shard) => held.add(shard));
  if (word.length >= WORD_LETTERS) add(bucket.get(word));
  else for (const [indexed, mapped] of bucket) if (indexed.startsWith(word)) add(mapped);
  return held;
}

/** A page a word map lists, by its shard's id and its fragment's name. */
export interface ListedPage {
  shard: string;
  fragment: string;
}

/** Browser: one map, its files read through `files`. */
function mapReader(files: ReadFile, folder: WordMapFolder) {
  /** A gzipped text file of the map, parsed by `read`. */
  const file = <T>(path: string, read: (text: string, file: string) => T): Promise<T> =>
    files(path, async (bytes, name) => read(new TextDecoder().decode(await inflate(bytes)), name));
  /** The map's description, or null when the site has no such map. */
  const described = (): Promise<WordMapInfo | null> =>
    files(wordMapPath(folder), (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as WordMapInfo).catch(() => null);
  const bucket = (map: WordMapInfo, word: string): Promise<Map<string, MappedWord>> =>
    file(bucketPath(map, bucketOf(word, map.buckets)), readBucket);
  return {
    /** The shards of `shards` that this map says may hold every word of some set (all when there is no map). */
    holders: async (wordSets: readonly (readonly string[])[], shards: readonly string[]): Promise<Set<string>> => {
      const map = await described();
      if (!map) return new Set(shards);
      const known = new Map(map.shards.map((shard, at) => [shard, at]));
      const holding = await Promise.all(
        wordSets.map(async (words) => {
          const held = await Promise.all(words.filter(mapped).map(async (word) => shardsHolding(await bucket(map, word), word)));
          return (at: number): boolean => held.every((set) => set.has(at));
        }),
      );
      return new Set(
        shards.filter((shard) => {
          const at = known.get(shard);
          return at === undefined || holding.some((holds) => holds(at));
        }),
      );
    },
    /**
     * The pages of `shards` printing the full word `word`, when this map
     * lists them (a rare word, or one none of these shards holds); null
     * when it does not, or knows none of these shards.
     */
    pages: async (word: string, shards: readonly string[]): Promise<ListedPage[] | null> => {
      const map = await described();
      const known = new Set(map?.shards ?? []);
      if (!map || !shards.every((shard) => known.has(shard))) return null;
      const listed = (await bucket(map, word)).get(word);
      const asked = new Set(shards);
      if (!listed || !listed.shards.some((at) => asked.has(map.shards[at] ?? ''))) return [];
      if (!listed.rare) return null;
      const share = await file(rarePath(map, bucketOf(word, map.buckets), rareShareOf(word)), readRare);
      return (share.get(word) ?? [])
        .map(({ shard, fragment }) => ({ shard: map.shards[shard] ?? '', fragment }))
        .filter(({ shard }) => asked.has(shard));
    },
  };
}

/**
 * Browser: reads the word maps of the site through `load` (or `files` when
 * given), each file once, a map only when a shard it holds is asked about.
 * @example const maps = wordMapReader(fromSite); await maps.holders([['epzabc']], ['ntrb-2024h1', 'recent-2025-02']) // ['recent-2025-02']
 */
export function wordMapReader(load: LoadFile, files: ReadFile = readOnce(load)) {
  const maps = new Map(WORD_MAP_FOLDERS.map((folder) => [folder, mapReader(files, folder)]));
  /** The shards asked, by the map holding their words. */
  const byMap = (shards: readonly string[]): [ReturnType<typeof mapReader>, string[]][] =>
    WORD_MAP_FOLDERS.flatMap((folder) => {
      const asked = shards.filter((shard) => wordMapOf(shard) === folder);
      const reader = maps.get(folder);
      return asked.length > 0 && reader ? [[reader, asked] as [ReturnType<typeof mapReader>, string[]]] : [];
    });
  return {
    /**
     * The shards, of those given, that may hold every word of some set: a
     * shard no map knows (or every shard, when the site has no map) may hold
     * anything.
     */
    holders: async (wordSets: readonly (readonly string[])[], shards: readonly string[]): Promise<string[]> => {
      if (wordSets.length === 0) return [...shards];
      const held = await Promise.all(byMap(shards).map(([reader, asked]) => reader.holders(wordSets, asked)));
      return shards.filter((shard) => held.some((set) => set.has(shard)));
    },
    /** The pages of the given shards printing the full word `word`, when the maps list them all; null otherwise. */
    pages: async (word: string, shards: readonly string[]): Promise<ListedPage[] | null> => {
      const lists = await Promise.all(byMap(shards).map(([reader, asked]) => reader.pages(word, asked)));
      return lists.some((list) => list === null) ? null : lists.flatMap((list) => list ?? []);
    },
  };
}
