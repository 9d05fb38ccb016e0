import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePage } from '../../src/archive/parse-page.ts';
import { readCorpus } from '../support/gold-corpus.ts';
import { pageProblems } from '../support/page-accounting.ts';

/**
 * The fidelity test: on every raw page of the archive (content/pages) and
 * of the corpus of real pages (with the corrections kept beside them), every
 * printed character lands in exactly one piece, in order; pieces lie inside
 * their items and items do not overlap; every field is a view of pieces.
 */

const PAGES_DIR = 'content/pages';
const contentPages = readdirSync(PAGES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ path: join(PAGES_DIR, f), text: readFileSync(join(PAGES_DIR, f), 'utf8'), corrections: [] }));
const corpusPages = readCorpus().map((p) => ({ path: p.path, text: p.text, corrections: p.corrections ?? [] }));

test('content/pages holds at least the two seed pages', () => {
  expect(contentPages.map((p) => p.path)).toEqual(
    expect.arrayContaining([
      'content/pages/jhwb/2025-02-06/000_29ee23daad04a246.txt',
      'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt',
    ]),
  );
});

describe.each([...contentPages, ...corpusPages])('parsePage fidelity on $path', ({ text, corrections }) => {
  test('accounts for every printed character once, in order, in pieces inside their items', () => {
    expect(pageProblems(text, parsePage(text, corrections))).toEqual([]);
  });
});

describe('parsePage keeps the text as printed', () => {
  test('keeps the seed slip 坚定不移不移 in its paragraph', () => {
    const items = parsePage(readFileSync('content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt', 'utf8')).items;
    const slipped = items.flatMap((i) => i.body).filter((b) => b.text.includes('坚定不移不移'));
    expect(slipped).toHaveLength(1);
    expect(slipped[0]?.type).toBe('paragraph');
    expect(slipped[0]?.lines).toEqual([41, 43]);
    expect(slipped[0]?.text.startsWith('“我们将坚定不移不移把‘沪苏跨江融合发展试验区’作为战略路径')).toBe(true);
  });
});
