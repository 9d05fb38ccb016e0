import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { decodeCbor } from '../../src/search/pagefind/cbor.ts';
import { metaFileOf, readChunk, readFilter, readFragment, readMeta } from '../../src/search/pagefind/shard-files.ts';
import { mayHold } from '../../src/search/pagefind/shard-search.ts';

// What Pagefind writes is held to this reading in tests/e2e/pagefind-contract.test.ts;
// here, the encoding's cases and what a damaged file says.

/** A Pagefind file: gzip of the signature and then `body`. */
const packed = (body: Uint8Array | string): Uint8Array =>
  new Uint8Array(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(body)])));

describe('CBOR', () => {
  test('reads the values of RFC 8949, appendix A, that Pagefind writes', () => {
    expect(decodeCbor(new Uint8Array([0x00]))).toBe(0);
    expect(decodeCbor(new Uint8Array([0x18, 0x64]))).toBe(100);
    expect(decodeCbor(new Uint8Array([0x19, 0x03, 0xe8]))).toBe(1000);
    expect(decodeCbor(new Uint8Array([0x1a, 0x00, 0x0f, 0x42, 0x40]))).toBe(1_000_000);
    expect(decodeCbor(new Uint8Array([0x38, 0x63]))).toBe(-100);
    expect(decodeCbor(new Uint8Array([0x63, 0xe6, 0xb0, 0xb4]))).toBe('水');
    expect(decodeCbor(new Uint8Array([0x83, 0x01, 0x82, 0x02, 0x03, 0x82, 0x04, 0x05]))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(new Uint8Array([0x9f, 0x01, 0x02, 0xff]))).toEqual([1, 2]);
    expect(decodeCbor(new Uint8Array([0xa2, 0x61, 0x61, 0x01, 0x61, 0x62, 0x82, 0x02, 0x03]))).toEqual({ a: 1, b: [2, 3] });
    expect(decodeCbor(new Uint8Array([0xf4, 0xf5, 0xf6]))).toBe(false);
  });

  test('names the byte where a file is cut short or holds what Pagefind never writes', () => {
    expect(() => decodeCbor(new Uint8Array([0x82, 0x01]))).toThrow('CBOR at byte 2: truncated');
    expect(() => decodeCbor(new Uint8Array([0xfb, 0x3f, 0xf1, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a]))).toThrow(/simple/u);
    expect(() => decodeCbor(new Uint8Array([0xc1, 0x00]))).toThrow('major type 6');
  });
});

describe("Pagefind's files", () => {
  test("the entry names the metadata file of the page's language, or of the one language held", () => {
    const entry = '{"version":"1.6.0","languages":{"zh-cn":{"hash":"zh-cn_f150cf8dde978","wasm":null,"page_count":1}}}';
    expect(metaFileOf(entry, 'zh-cn', 'entry')).toBe('pagefind.zh-cn_f150cf8dde978.pf_meta');
    expect(metaFileOf(entry, 'en', 'entry')).toBe('pagefind.zh-cn_f150cf8dde978.pf_meta');
    expect(() => metaFileOf('{"languages":{}}', 'zh-cn', '/pagefind/a/pagefind-entry.json')).toThrow(
      '/pagefind/a/pagefind-entry.json: not what Pagefind 1.6 writes (no index in zh-cn)',
    );
  });

  test('a word lists its pages as steps from the one before; a filter lists them whole', async () => {
    // [[["lin", [[1, [-25, 0]], [2, [-25, 1]], [1, [-25, 0]]]]]]: pages 1, 3 and 4.
    const chunk = [0x81, 0x81, 0x82, 0x63, ...Buffer.from('lin'), 0x83];
    for (const step of [1, 2, 1]) chunk.push(0x82, step, 0x82, 0x38, 0x18, 0x00);
    expect(await readChunk(packed(new Uint8Array(chunk)), 'index')).toEqual([{ word: 'lin', pages: [1, 3, 4] }]);
    // ["p", [["/a", [0, 2]]]]
    const filter = new Uint8Array([0x82, 0x61, 0x70, 0x81, 0x82, 0x62, 0x2f, 0x61, 0x82, 0x00, 0x02]);
    expect(await readFilter(packed(filter), 'filter')).toEqual(new Map([['/a', [0, 2]]]));
  });

  test('a file that is not Pagefind’s, or not of its shape, stops the search naming the file', async () => {
    await expect(readMeta(new Uint8Array(gzipSync('<html>')), '/pagefind/a/pagefind.zh-cn_1.pf_meta')).rejects.toThrow(
      '/pagefind/a/pagefind.zh-cn_1.pf_meta: not a Pagefind file (no pagefind_dcd signature)',
    );
    await expect(readMeta(packed(new Uint8Array([0x81, 0x01])), 'meta')).rejects.toThrow(
      'meta: not what Pagefind 1.6 writes (pages is not a list)',
    );
    await expect(readFragment(packed('{"meta":{}}'), 'fragment')).rejects.toThrow(
      'fragment: not what Pagefind 1.6 writes (a fragment without a url)',
    );
  });

  test('a file a host sent unpacked reads as one sent packed', async () => {
    const body = '{"url":"/ntrb/2024-01-24/source/004/","meta":{"stories":""}}';
    const plain = new Uint8Array(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(body)]));
    expect(await readFragment(plain, 'fragment')).toEqual(await readFragment(packed(body), 'fragment'));
  });
});

describe('which index chunks a word is looked for in', () => {
  // Bounds of neighbouring chunks Pagefind wrote for a generated archive of
  // 10,000 stories: it cuts a bound to the letters that tell the chunks apart.
  const chunks = [
    { from: 'fogqhc', to: 'fohyzm' },
    { from: 'fohyzn', to: 'fopnf' },
    { from: 'fopnh', to: 'fssmgf' },
  ];
  const holding = (prefix: string): number[] => chunks.flatMap(({ from, to }, index) => (mayHold(from, to, prefix) ? [index] : []));

  test('a word past a cut bound is looked for in the chunk the bound ends', () => {
    expect(holding('fopnfz')).toEqual([1]);
    expect(holding('fopnhq')).toEqual([2]);
    expect(holding('fohyzm')).toEqual([0]);
    expect(holding('fohyzn')).toEqual([1]);
  });

  test('a prefix is looked for in every chunk that may hold a word it begins', () => {
    expect(holding('fopn')).toEqual([1, 2]);
    expect(holding('fohyz')).toEqual([0, 1]);
    expect(holding('fo')).toEqual([0, 1, 2]);
    expect(holding('fopng')).toEqual([]);
    expect(holding('a')).toEqual([]);
  });
});
