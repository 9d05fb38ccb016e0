/**
 * Reads the files Pagefind 1.6 writes for an index (./bundle.ts names them):
 * the entry, the metadata, the index chunks, the filters and the fragments,
 * each gzip of a signature and then CBOR (JSON for a fragment). The search
 * reads them itself instead of loading Pagefind's script and wasm, which
 * cost a first query more than the index it reads; it needs only which
 * pages hold a word, a filter's value and the date order, no excerpts and no
 * ranking of Pagefind's. The layout is not a documented interface: anything
 * not of the expected shape throws, naming the file, and
 * tests/e2e/pagefind-contract.test.ts holds this reading to what the pinned
 * Pagefind writes.
 */
import { FRAGMENT_SIGNATURE as SIGNATURE } from './bundle.ts';
import { decodeCbor, type CborValue } from './cbor.ts';

/** One page of an index: the name of its fragment and how many words it holds. */
export interface IndexedPage {
  fragment: string;
  words: number;
}

/** What an index's metadata file says. */
export interface ShardMeta {
  pages: IndexedPage[];
  /** Index chunks: the first and last word each holds, and its name. */
  chunks: { from: string; to: string; name: string }[];
  /** The file name of each filter's values. */
  filters: Map<string, string>;
  /** Each sort's pages, in ascending order of the sort key. */
  sorts: Map<string, number[]>;
}

/** The pages holding one word of an index chunk, with the word. */
export interface IndexedWord {
  word: string;
  pages: number[];
}

/** What a fragment file carries of its page. */
export interface PageFragment {
  url: string;
  meta: Record<string, string>;
}

/** Gzip's first two bytes: a host may have sent the file already unpacked. */
const GZIP_MAGIC = [0x1f, 0x8b];

/** A file's bytes unpacked when packed with gzip (a host may have sent it already unpacked). */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The bytes after the signature, unpacked when packed. */
async function unpack(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const plain = await inflate(bytes);
  const signature = new TextDecoder().decode(plain.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE) throw new Error(`${file}: not a Pagefind file (no ${SIGNATURE} signature)`);
  return plain.subarray(SIGNATURE.length);
}

/** Throws, naming the file and what was expected. */
function unexpected(file: string, what: string): never {
  throw new Error(`${file}: not what Pagefind 1.6 writes (${what}); check src/search/pagefind/shard-files.ts against this Pagefind`);
}

/** `value` as an array, or a throw naming `what`. */
function list(value: CborValue, file: string, what: string): CborValue[] {
  return Array.isArray(value) ? value : unexpected(file, `${what} is not a list`);
}

/** `value` as text, or a throw naming `what`. */
function text(value: CborValue, file: string, what: string): string {
  return typeof value === 'string' ? value : unexpected(file, `${what} is not text`);
}

/** `value` as a list of page numbers, or a throw naming `what`. */
function pageNumbers(value: CborValue, file: string, what: string): number[] {
  return list(value, file, what).map((page) =>
    typeof page === 'number' && page >= 0 ? page : unexpected(file, `${what} holds ${String(page)}`),
  );
}

/**
 * The name of an index's metadata file in `language`, from its entry file
 * (pagefind-entry.json); an index of one language serves any.
 * @example metaFileOf('{"languages":{"zh-cn":{"hash":"zh-cn_f150cf8dde978"}}}', 'zh-cn', 'entry') // 'pagefind.zh-cn_f150cf8dde978.pf_meta'
 */
export function metaFileOf(entry: string, language: string, file: string): string {
  const { languages } = JSON.parse(entry) as { languages?: Record<string, { hash?: unknown }> };
  const all = Object.values(languages ?? {});
  const chosen = languages?.[language] ?? (all.length === 1 ? all[0] : undefined);
  return typeof chosen?.hash === 'string' ? `pagefind.${chosen.hash}.pf_meta` : unexpected(file, `no index in ${language}`);
}

/** Reads an index's metadata file: [version, pages, chunks, filters, sorts, …]. */
export async function readMeta(bytes: Uint8Array, file: string): Promise<ShardMeta> {
  const [, pages, chunks, filters, sorts] = list(decodeCbor(await unpack(bytes, file)), file, 'the metadata');
  return {
    pages: list(pages ?? null, file, 'pages').map((page) => {
      const [fragment, words] = list(page, file, 'a page');
      return { fragment: text(fragment ?? null, file, 'a fragment name'), words: typeof words === 'number' ? words : 0 };
    }),
    chunks: list(chunks ?? null, file, 'chunks').map((chunk) => {
      const [from, to, name] = list(chunk, file, 'a chunk').map((part) => text(part, file, 'a chunk bound'));
      return { from: from ?? '', to: to ?? '', name: name ?? unexpected(file, 'a chunk without a name') };
    }),
    filters: new Map(
      list(filters ?? null, file, 'filters').map((filter) => {
        const [name, chunk] = list(filter, file, 'a filter').map((part) => text(part, file, 'a filter name'));
        return [name ?? '', chunk ?? ''];
      }),
    ),
    sorts: new Map(
      list(sorts ?? null, file, 'sorts').map((sort) => {
        const [name, order] = list(sort, file, 'a sort');
        return [text(name ?? null, file, 'a sort name'), pageNumbers(order ?? null, file, 'a sort')];
      }),
    ),
  };
}

/**
 * Reads an index chunk: its words in order, each with the pages holding it.
 * A word lists its pages in rising order, each as its distance from the one
 * before (filters list theirs whole).
 */
export async function readChunk(bytes: Uint8Array, file: string): Promise<IndexedWord[]> {
  const [words] = list(decodeCbor(await unpack(bytes, file)), file, 'the chunk');
  return list(words ?? null, file, 'words').map((entry) => {
    const [word, pages] = list(entry, file, 'a word');
    let page = 0;
    return {
      word: text(word ?? null, file, 'a word'),
      pages: list(pages ?? null, file, 'pages of a word').map((held) => {
        const [step] = list(held, file, 'a page of a word');
        page += typeof step === 'number' && step >= 0 ? step : unexpected(file, 'a page number');
        return page;
      }),
    };
  });
}

/** Reads a filter's file: the pages of each of its values. */
export async function readFilter(bytes: Uint8Array, file: string): Promise<Map<string, number[]>> {
  const [, values] = list(decodeCbor(await unpack(bytes, file)), file, 'the filter');
  return new Map(
    list(values ?? null, file, 'values').map((entry) => {
      const [value, pages] = list(entry, file, 'a value');
      return [text(value ?? null, file, 'a value'), pageNumbers(pages ?? null, file, 'pages of a value')];
    }),
  );
}

/** Reads a page's fragment: its url and meta. */
export async function readFragment(bytes: Uint8Array, file: string): Promise<PageFragment> {
  const fragment = JSON.parse(new TextDecoder().decode(await unpack(bytes, file))) as Partial<PageFragment>;
  if (typeof fragment.url !== 'string') unexpected(file, 'a fragment without a url');
  return { url: fragment.url, meta: fragment.meta ?? {} };
}
