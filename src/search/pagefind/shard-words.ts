/**
 * Build time only (Node): the index words each search shard holds, which
 * the word map (../pagefind/word-map.ts) is made of. The process that
 * indexes a shard keeps its words (every index word once, as numbers) in the
 * build's state folder, in a file named by the shard and by the content
 * digest of the index it describes; a shard whose file is missing or
 * describes another index has its words read back from its index chunks,
 * so the state can be lost without harm.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_LANGUAGE } from '../../site/settings.ts';
import { SEARCH_FILES } from './bundle.ts';
import { metaFileOf, readChunk, readMeta } from './shard-files.ts';
import { wordCode } from './word-map.ts';

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
 * The state file of the words of the index in `folder` (the shard `shard`).
 * @example wordsFile('/out.cache/search-words', 'ntrb-2024h1', 'dist/pagefind/ntrb-2024h1') // '/out.cache/search-words/ntrb-2024h1.zh-cn_f150cf8dde978.words'
 */
function wordsFile(dir: string, shard: string, folder: string): string {
  const digest = metaFile(folder).replace(/^pagefind\.|\.pf_meta$/gu, '');
  return join(dir, `${shard}.${digest}.words`);
}

/** Words as numbers, each once, in rising order. */
function sortedCodes(codes: Iterable<number>): Uint32Array {
  return Uint32Array.from(new Set(codes)).sort();
}

/**
 * Keeps the words of the index just written for `shard` into `site`.
 * @param dir the state folder of shards' words
 */
export function keepShardWords(dir: string, site: string, shard: string, codes: Iterable<number>): void {
  const file = wordsFile(dir, shard, shardFolder(site, shard));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${file}.tmp`, sortedCodes(codes));
  renameSync(`${file}.tmp`, file);
}

/** Reads every index word of the index in `folder` back from its chunks. */
async function wordsOfIndex(folder: string): Promise<Uint32Array> {
  const meta = await readMeta(readFileSync(join(folder, metaFile(folder))), join(folder, metaFile(folder)));
  const codes: number[] = [];
  for (const { name } of meta.chunks) {
    const file = join(folder, 'index', `${name}.pf_index`);
    for (const { word } of await readChunk(readFileSync(file), file)) {
      const code = wordCode(word);
      if (code !== null) codes.push(code);
    }
  }
  return sortedCodes(codes);
}

/** The shard a state file is of (a shard's id holds no dot). */
const shardOfFile = (name: string): string => name.slice(0, name.indexOf('.'));

/**
 * The words of each shard of a built site, in the order given: each read
 * from its index folder in `site` (indexed by this build) or else in
 * `lastOutput` (kept from the last), through its state file when that
 * describes the same index. The state files of these shards' other indexes
 * are removed.
 * @param dir the state folder of shards' words
 */
export async function shardWords(dir: string, site: string, lastOutput: string | null, shards: readonly string[]): Promise<Uint32Array[]> {
  const wanted = new Set<string>();
  const asked = new Set(shards);
  const words: Uint32Array[] = [];
  for (const shard of shards) {
    const fresh = shardFolder(site, shard);
    const folder = existsSync(fresh) || lastOutput === null ? fresh : shardFolder(lastOutput, shard);
    if (!existsSync(folder)) throw new Error(`${folder}: the search shard ${shard} is in neither this build's output nor the last`);
    const file = wordsFile(dir, shard, folder);
    wanted.add(file);
    const bytes = existsSync(file) ? readFileSync(file) : null;
    let codes: Uint32Array;
    // A file cut short by a killed build is read again from the index.
    if (bytes && bytes.byteLength % 4 === 0) {
      codes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    } else {
      codes = await wordsOfIndex(folder);
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.tmp`, codes);
      renameSync(`${file}.tmp`, file);
    }
    words.push(codes);
  }
  for (const name of existsSync(dir) ? readdirSync(dir) : [])
    if (asked.has(shardOfFile(name)) && !wanted.has(join(dir, name))) rmSync(join(dir, name), { force: true });
  return words;
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
