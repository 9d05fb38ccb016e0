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
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gu),
    ...text.matchAll(/<script\s+src="(\.[^"]+)"/gu),
  ].map((m) => m[1] ?? '');
  return specifiers.map((s) => resolve(dirname(file), s)).filter((path) => files.includes(path));
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
});
