import { expect } from 'vitest';
import { parsePage } from '../../src/archive/parse-page.ts';
import type { ParsedPage } from '../../src/archive/types.ts';
import { pageProblems } from './page-accounting.ts';

/**
 * Parses a page of real lines, one printed block each, and checks every
 * character is accounted for.
 */
export function parsedLines(lines: string[]): ParsedPage {
  const text = lines.join('\n\n');
  const page = parsePage(text);
  expect(pageProblems(text, page)).toEqual([]);
  return page;
}
