import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { splitStoreCode, storeModuleInPieces } from '../../src/build/store-module.ts';

/** Runs a module's `export default <expression>` and gives its value. */
const valueOf = (code: string): unknown => new Function(code.replace(/^export default /u, 'return '))() as unknown;

/** A store as Astro's module writes it: a real line of the seed's 南通日报 page, with a character outside the BMP (𠮷) whose halves a cut may part. */
const line =
  readFileSync('content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt', 'utf8')
    .split('\n')
    .find((l) => l.includes('长江口')) ?? '';
const store = JSON.stringify([['Map', 1], 'articles', { title: `${line}𠮷"\\\n` }]);
const astroCode = `export default JSON.parse(${JSON.stringify(store)})`;

describe("the content store's module, in pieces", () => {
  test('parses to the same data, whatever the size of the pieces, even cut inside a surrogate pair', () => {
    expect(line).toContain('长江口');
    for (const size of [1, 2, 3, 7, store.length, store.length + 1]) {
      const split = splitStoreCode(astroCode, size);
      expect(split).not.toBeNull();
      expect(valueOf(split ?? '')).toEqual(JSON.parse(store));
    }
    // Cut into single characters, it holds as many literals as the store has UTF-16 units.
    expect((splitStoreCode(astroCode, 1) ?? '').split('\n')).toHaveLength(store.length);
  });

  test('leaves alone any code that is not the one literal Astro writes', () => {
    expect(splitStoreCode('export default new Map()')).toBeNull();
    expect(splitStoreCode('export default JSON.parse(data)')).toBeNull();
    expect(splitStoreCode('export default JSON.parse("unclosed)')).toBeNull();
    expect(splitStoreCode('export default JSON.parse(12)')).toBeNull();
  });

  test("the plugin rewrites Astro's store module only", () => {
    const { transform } = storeModuleInPieces();
    expect(transform.filter.id.test('\0astro:data-layer-content')).toBe(true);
    expect(transform.filter.id.test('/src/pages/index.astro')).toBe(false);
    expect(transform.handler(astroCode, '/src/data/articles.ts')).toBeNull();
    const rewritten = transform.handler(astroCode, '\0astro:data-layer-content');
    expect(rewritten?.code).toMatch(/\.join\(""\)\)$/u);
    expect(valueOf(rewritten?.code ?? '')).toEqual(JSON.parse(store));
  });
});
