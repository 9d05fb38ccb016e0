/**
 * Build time only (Node): the index words each search shard holds, which
 * the word maps (./word-map.ts) are made of: every word once, as a number,
 * and for each word printed on few of the shard's pages, those pages'
 * fragments. The process that indexes a shard reads them back from the
 * index it wrote and keeps them in the build's state folder, in files
 * named by the shard and by the content digest of that index; a shard whose
 * files are missing, damaged or of another index has them read again from
 * its index, so the state can be lost without harm.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_LANGUAGE } from '../../site/settings.ts';
import { SEARCH_FILES } from './bundle.ts';
import { metaFileOf, readChunk, readMeta } from './shard-files.ts';
import { RARE_PAGES, wordCode } from './word-map.ts';

/** What a shard holds, as the word maps need it. */
export interface ShardWords {
  /** Every index word, once, as a number (wordCode), in rising order. */
  codes: Uint32Array;
  /** The fragments of the pages holding each word printed on at most RARE_PAGES of the shard's pages. */
  rare: Map<number, string[]>;
}

/** The index folder of `shard` in the search folder of `site`. */
function shardFolder(site: string, shard: string): string {
  return join(site, SEARCH_FILES.folder, shard);
}

/** The metadata file of the index in `folder`, whose name carries the digest of its content. */
function metaFile(folder: string): string {
  const entry = join(folder, 'pagefind-entry.json');
  return metaFileOf(readFileSync(entry, 'utf8'), SEARCH_LANGUAGE, entry);
}

/**
 * The state files of the words of an index (of the shard `shard`, whose
 * metadata file is `meta`), without their endings.
 * @example stateOf('/out.cache/search-words', 'ntrb-2024h1', 'pagefind.zh-cn_f150cf8dde978.pf_meta') // '/out.cache/search-words/ntrb-2024h1.zh-cn_f150cf8dde978'
 */
function stateOf(dir: string, shard: string, meta: string): string {
  return join(dir, `${shard}.${meta.replace(/^pagefind\.|\.pf_meta$/gu, '')}`);
}

/** Reads the words of the index in `folder`, whose metadata file is `metaName`, from its metadata and chunks. */
async function wordsOfIndex(folder: string, metaName: string): Promise<ShardWords> {
  const metaPath = join(folder, metaName);
  const meta = await readMeta(readFileSync(metaPath), metaPath);
  const codes: number[] = [];
  const rare = new Map<number, string[]>();
  for (const { name } of meta.chunks) {
    const file = join(folder, 'index', `${name}.pf_index`);
    for (const { word, pages } of await readChunk(readFileSync(file), file)) {
      const code = wordCode(word);
      if (code === null) continue;
      codes.push(code);
      if (pages.length <= RARE_PAGES)
        rare.set(
          code,
          pages.map((page) => meta.pages[page]?.fragment ?? ''),
        );
    }
  }
  return { codes: Uint32Array.from(new Set(codes)).sort(), rare };
}

/** Writes a file whole: a killed build leaves the old file or none, never part of one. */
function writeWhole(file: string, bytes: string | NodeJS.ArrayBufferView): void {
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}

/** Keeps a shard's words in its state files. */
function keep(state: string, words: ShardWords): void {
  writeWhole(`${state}.rare.json`, JSON.stringify([...words.rare]));
  writeWhole(`${state}.words`, words.codes);
}

/** A shard's words from its state files, or null when they are missing or damaged. */
function kept(state: string): ShardWords | null {
  try {
    const bytes = readFileSync(`${state}.words`);
    if (bytes.byteLength % 4 !== 0) return null;
    const codes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const rare = new Map(JSON.parse(readFileSync(`${state}.rare.json`, 'utf8')) as [number, string[]][]);
    return { codes, rare };
  } catch {
    return null;
  }
}

/**
 * Keeps the words of the index just written for `shard` into `site`.
 * @param dir the state folder of shards' words
 */
export async function keepShardWords(dir: string, site: string, shard: string): Promise<void> {
  const folder = shardFolder(site, shard);
  const meta = metaFile(folder);
  mkdirSync(dir, { recursive: true });
  keep(stateOf(dir, shard, meta), await wordsOfIndex(folder, meta));
}

/** The shard a state file is of (a shard's id holds no dot). */
const shardOfFile = (name: string): string => name.slice(0, name.indexOf('.'));

/**
 * The words of each shard of a built site, in the order given: each read
 * from its index folder in `site` (indexed by this build) or else in
 * `lastOutput` (kept from the last), through its state files when they
 * describe the same index. The state files of these shards' other indexes
 * are removed.
 * @param dir the state folder of shards' words
 */
export async function shardWords(dir: string, site: string, lastOutput: string | null, shards: readonly string[]): Promise<ShardWords[]> {
  const wanted = new Set<string>();
  const asked = new Set(shards);
  const words: ShardWords[] = [];
  for (const shard of shards) {
    const fresh = shardFolder(site, shard);
    const folder = existsSync(fresh) || lastOutput === null ? fresh : shardFolder(lastOutput, shard);
    if (!existsSync(folder)) throw new Error(`${folder}: the search shard ${shard} is in neither this build's output nor the last`);
    const meta = metaFile(folder);
    const state = stateOf(dir, shard, meta);
    wanted.add(`${state}.words`).add(`${state}.rare.json`);
    let held = kept(state);
    if (!held) {
      held = await wordsOfIndex(folder, meta);
      mkdirSync(dir, { recursive: true });
      keep(state, held);
    }
    words.push(held);
  }
  for (const name of existsSync(dir) ? readdirSync(dir) : [])
    if (asked.has(shardOfFile(name)) && !wanted.has(join(dir, name))) rmSync(join(dir, name), { force: true });
  return words;
}

/**
 * Copies the state files of `shard`'s words from another build's state
 * folder (a slice's, into the join's), so that the words of a shard taken
 * ready-made are not read again from its index. Files of another index of
 * the shard are never read: their names carry its digest.
 */
export function copyShardWords(from: string, to: string, shard: string): void {
  const names = existsSync(from) ? readdirSync(from).filter((name) => shardOfFile(name) === shard) : [];
  if (names.length > 0) mkdirSync(to, { recursive: true });
  for (const name of names) copyFileSync(join(from, name), join(to, name));
}

/**
 * Removes the state files of shards the archive no longer has (a month
 * gone into its papers' half-years, say).
 * @param dir the state folder of shards' words
 */
export function forgetShardWords(dir: string, shards: readonly string[]): void {
  const current = new Set(shards);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) if (!current.has(shardOfFile(name))) rmSync(join(dir, name), { force: true });
}
