import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { contentStoreModule, splitStoreCode, storeFromFileCode } from '../../src/build/store-module.ts';

const work = mkdtempSync(join(tmpdir(), 'store-module-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
    const { transform } = contentStoreModule(() => null);
    expect(transform.filter.id.test('\0astro:data-layer-content')).toBe(true);
    expect(transform.filter.id.test('/src/pages/index.astro')).toBe(false);
    expect(transform.handler(astroCode, '/src/data/articles.ts')).toBeNull();
    const rewritten = transform.handler(astroCode, '\0astro:data-layer-content');
    expect(rewritten?.code).toMatch(/\.join\(""\)\)$/u);
    expect(valueOf(rewritten?.code ?? '')).toEqual(JSON.parse(store));
  });
});

/** Imports a module's code as a file of its own, as the bundle would run it. */
async function importCode(code: string, name: string): Promise<unknown> {
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe("the content store's module in a build, read from the store's file", () => {
  test('reads the same data from the file Astro wrote, and holds none of it', async () => {
    const file = join(work, 'data-store.json');
    writeFileSync(file, store);
    const code = storeFromFileCode(astroCode, file);
    expect(code).not.toBeNull();
    expect(code).not.toContain('长江口');
    expect(await importCode(code ?? '', 'same')).toEqual(JSON.parse(store));
    const { transform } = contentStoreModule(() => file);
    expect(transform.handler(astroCode, '\0astro:data-layer-content')?.code).toBe(code);
  });

  test('a file changed after the bundle was made stops the pages, naming it', async () => {
    const file = join(work, 'changed-store.json');
    writeFileSync(file, store);
    const code = storeFromFileCode(astroCode, file) ?? '';
    writeFileSync(file, store.replace('长江口', '长江囗'));
    await expect(importCode(code, 'changed')).rejects.toThrow(`The content store ${file} changed after this build bundled it`);
  });

  test('a file that does not hold the store bundled, or none, gives the store in pieces instead', () => {
    const other = join(work, 'other-store.json');
    writeFileSync(other, JSON.stringify([['Map', 1]]));
    expect(storeFromFileCode(astroCode, other)).toBeNull();
    expect(storeFromFileCode(astroCode, join(work, 'missing.json'))).toBeNull();
    for (const file of [other, join(work, 'missing.json')]) {
      const rewritten = contentStoreModule(() => file).transform.handler(astroCode, '\0astro:data-layer-content');
      expect(rewritten?.code).toMatch(/\.join\(""\)\)$/u);
    }
  });
});
