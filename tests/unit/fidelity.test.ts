import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { bylineNames, creditNames, datelineNames, matchJumpFrom, matchJumpTo } from '../../src/archive/classify-line.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import type { ParsedItem, Piece, PieceRole } from '../../src/archive/types.ts';

const PAGES_DIR = fileURLToPath(new URL('../../content/pages/', import.meta.url));

/** Every raw page under content/pages, so a newly added page is covered too. */
const pageFiles = readdirSync(PAGES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.txt'))
  .sort();

const readPage = (file: string): string => readFileSync(join(PAGES_DIR, file), 'utf8');
const printed = (text: string): string => text.replace(/\s+/gu, '');

/** Roles that give an item one text field of the same name. */
const SINGLE_ROLES = ['kicker', 'headline', 'subtitle', 'column', 'dateline', 'byline', 'credit'] as const satisfies readonly (PieceRole &
  keyof ParsedItem)[];

const piecesOf = (item: ParsedItem, role: PieceRole): Piece[] => item.pieces.filter((p) => p.role === role);

test('content/pages holds at least the two seed pages', () => {
  expect(pageFiles).toEqual(expect.arrayContaining(['jhwb/2025-02-06/000_29ee23daad04a246.txt', 'ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt']));
});

describe.each(pageFiles)('parsePage fidelity on %s', (file) => {
  const text = readPage(file);
  const page = parsePage(text);

  test('accounts for every printed character exactly once and in order', () => {
    // A stable sort keeps pieces that share a line (dateline, then paragraph) in item order.
    const pieces = [...page.layout, ...page.items.flatMap((i) => i.pieces)].sort((a, b) => a.lines[0] - b.lines[0]);
    expect(printed(pieces.map((p) => p.text).join(''))).toBe(printed(text));
  });

  test('gives every piece a line range inside its item and the page', () => {
    const lineCount = text.split('\n').length;
    for (const item of page.items) {
      for (const piece of item.pieces) {
        expect(piece.lines[0]).toBeGreaterThanOrEqual(item.lines[0]);
        expect(piece.lines[1]).toBeLessThanOrEqual(item.lines[1]);
        expect(piece.lines[0]).toBeLessThanOrEqual(piece.lines[1]);
        expect(piece.lines[1]).toBeLessThanOrEqual(lineCount);
      }
    }
  });

  test('derives each single-text field from at most one piece of that role', () => {
    for (const item of page.items) {
      for (const role of SINGLE_ROLES) {
        const found = piecesOf(item, role);
        expect(found.length).toBeLessThanOrEqual(1);
        expect(item[role]).toBe(found[0]?.text ?? null);
      }
    }
  });

  test('derives body, jumps, names and line range from the pieces', () => {
    for (const item of page.items) {
      const bodyPieces = item.pieces.filter((p) => p.role === 'paragraph' || p.role === 'subhead');
      expect(item.body).toEqual(bodyPieces.map((p) => ({ type: p.role, text: p.text, lines: p.lines })));

      const jumpFrom = piecesOf(item, 'jumpFrom')[0]?.text;
      const jumpTo = piecesOf(item, 'jumpTo')[0]?.text;
      expect(item.continuedFrom).toBe(jumpFrom === undefined ? null : (matchJumpFrom(jumpFrom)?.page ?? null));
      expect(item.continuesOn).toBe(jumpTo === undefined ? null : (matchJumpTo(jumpTo)?.page ?? null));

      const fromDateline = item.dateline === null ? [] : datelineNames(item.dateline);
      const fromByline = item.byline === null ? [] : (bylineNames(item.byline) ?? []);
      expect(item.bylines).toEqual([...fromDateline, ...fromByline]);
      expect(item.credits).toEqual(item.credit === null ? [] : (creditNames(item.credit) ?? []));

      const lineNumbers = item.pieces.flatMap((p) => p.lines);
      expect(item.lines).toEqual([lineNumbers.reduce((a, b) => Math.min(a, b)), lineNumbers.reduce((a, b) => Math.max(a, b))]);
    }
  });

  test('marks the title as site-added exactly when the paper printed no headline', () => {
    for (const item of page.items) {
      expect(item.title.added).toBe(item.headline === null);
      if (item.headline !== null) expect(item.title.text).toBe(item.headline);
      else expect(item.title.text).not.toBe('');
    }
  });

  test('keeps items in print order without overlapping lines', () => {
    for (const [prev, next] of page.items.slice(1).map((item, k) => [page.items[k], item] as const)) {
      expect(next.lines[0]).toBeGreaterThan(prev?.lines[1] ?? 0);
    }
  });
});

describe('parsePage keeps the text as printed', () => {
  test('keeps the seed slip 坚定不移不移 in its paragraph', () => {
    const items = parsePage(readPage('ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt')).items;
    const slipped = items.flatMap((i) => i.body).filter((b) => b.text.includes('坚定不移不移'));
    expect(slipped).toHaveLength(1);
    expect(slipped[0]?.type).toBe('paragraph');
    expect(slipped[0]?.lines).toEqual([41, 43]);
    expect(slipped[0]?.text.startsWith('“我们将坚定不移不移把‘沪苏跨江融合发展试验区’作为战略路径')).toBe(true);
  });
});
