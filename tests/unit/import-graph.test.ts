import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * Data flows one way (raw page → parser → collection → query module →
 * routes), so no module of src/ may import, however indirectly, one that
 * imports it back. Type-only imports count too: a loop of types is a loop in
 * the design.
 */

const SRC = resolve(import.meta.dirname, '../../src');

/** Every TypeScript and Astro file of src/. */
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|astro)$/u.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(SRC, f));

/** The src/ files a file imports by a relative path (astro: and package imports lead out of src/). */
function importsOf(file: string, { types = true }: { types?: boolean } = {}): string[] {
  const text = readFileSync(file, 'utf8');
  const statement = types
    ? /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gu
    : /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'(\.[^']+)'/gu;
  const specifiers = [...text.matchAll(statement), ...text.matchAll(/<script\s+src="(\.[^"]+)"/gu)].map((m) => m[1] ?? '');
  return specifiers.map((s) => resolve(dirname(file), s)).filter((path) => files.includes(path));
}

/** The packages and node: modules a file imports by name. */
function packagesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'([^.'][^']*)'/gu)].map((m) => m[1] ?? '');
}

/** A file and every src/ file it imports, however indirectly. */
function reach(graph: Map<string, string[]>, file: string): Set<string> {
  const seen = new Set<string>();
  const walk = (node: string): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const next of graph.get(node) ?? []) walk(next);
  };
  walk(file);
  return seen;
}

/** The import loops of a graph, each as the files around it (one per loop found by a depth-first walk). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('the import graph of src/', () => {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  test('is read: the modules import one another', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(join(SRC, 'archive/parse-page.ts'))).toContain(join(SRC, 'archive/split-items.ts'));
  });

  test('has no loop', () => {
    expect(cycles(graph).map((loop) => loop.map((f) => relative(SRC, f)).join(' → '))).toEqual([]);
  });

  test('leaves the site settings a leaf, which every layer, the parser too, may read', () => {
    const settings = join(SRC, 'site/settings.ts');
    expect([...importsOf(settings), ...packagesOf(settings)]).toEqual([]);
    expect(graph.get(join(SRC, 'archive/edition-meta.ts'))).toContain(settings);
  });

  test('finds a loop where there is one', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });

  // Search lives in src/search, split by where it runs: shared code and the
  // browser's must reach neither Node nor the indexer, or the search page's
  // bundle would carry (or fail on) code that only the build can run.
  const runtime = new Map(files.map((f) => [f, importsOf(f, { types: false })]));
  const inBrowser = files.filter((f) =>
    /\/search\/(shared|browser|memory)\/|\/search\/pagefind\/(bundle|cbor|shard-files|shard-search|hidden-text|candidates|page-record|tokens)\.ts$/u.test(
      f,
    ),
  );
  const buildOnly = (f: string): boolean =>
    /\/search\/indexer\/|\/search\/pagefind\/(write-index|fragments|index-pages|shard-words|write-word-map)\.ts$/u.test(f);

  test('keeps browser and shared search code clear of Node and of the indexer', () => {
    expect(inBrowser.length).toBeGreaterThan(10);
    const crossings: string[] = [];
    for (const file of inBrowser) {
      for (const reached of reach(runtime, file)) {
        const name = relative(SRC, file);
        if (buildOnly(reached)) crossings.push(`${name} → ${relative(SRC, reached)}`);
        for (const pkg of packagesOf(reached)) if (pkg.startsWith('node:') || pkg === 'pagefind') crossings.push(`${name} → ${pkg}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  test('keeps shared search code clear of the browser side', () => {
    const shared = files.filter((f) => f.includes('/search/shared/'));
    const crossings = shared.flatMap((file) =>
      [...reach(graph, file)].filter((f) => f.includes('/search/browser/')).map((f) => `${relative(SRC, file)} → ${relative(SRC, f)}`),
    );
    expect(crossings).toEqual([]);
  });

  test('would see a browser file reaching Node', () => {
    expect(packagesOf(join(SRC, 'search/pagefind/write-index.ts'))).toContain('node:fs');
    expect(buildOnly(join(SRC, 'search/pagefind/index-pages.ts'))).toBe(true);
  });

  // Search sits behind src/search/shared/search-index.ts: only the Pagefind
  // adapter knows Pagefind, and the rest reaches the adapter by its
  // entries (the browser's index, the build's writer and its word maps) and
  // the one name of where its files lie.
  const ADAPTER = join(SRC, 'search/pagefind/');
  const ENTRIES = ['candidates.ts', 'index-pages.ts', 'write-word-map.ts', 'bundle.ts'].map((name) => join(ADAPTER, name));

  test('keeps Pagefind inside its adapter, reached only by its entries', () => {
    const outside = files.filter((f) => !f.startsWith(ADAPTER));
    const crossings = outside.flatMap((file) => [
      ...[...packagesOf(file)].filter((pkg) => pkg === 'pagefind').map((pkg) => `${relative(SRC, file)} → ${pkg}`),
      ...[...(graph.get(file) ?? [])]
        .filter((f) => f.startsWith(ADAPTER) && !ENTRIES.includes(f))
        .map((f) => `${relative(SRC, file)} → ${relative(SRC, f)}`),
    ]);
    expect(crossings).toEqual([]);
  });
});
