import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourceLines } from '../archive/source-lines.ts';

/** One numbered line of a raw page. */
export interface SourceLine {
  /** 1-based line number. */
  n: number;
  /** The line as exported, without its line end. */
  text: string;
}

/** What a run needs of an item: the source lines it covers. */
export interface SourceItem {
  data: { source: { lines: readonly [number, number] } };
}

/** A run of raw lines: the lines of one item, or lines between items. */
export interface SourceRun<T extends SourceItem = SourceItem> {
  /** The item these lines make up, or null for lines outside any item. */
  item: T | null;
  /** Its lines. */
  lines: SourceLine[];
}

/** The raw page's bytes exactly as stored (path relative to the project root). */
export function readSourceBytes(path: string): Buffer {
  return readFileSync(resolve(process.cwd(), path));
}

const digests = new Map<string, string>();

/**
 * The sha256 of a raw page's bytes, read once per build: the raw-page view and
 * the raw text route both key on it.
 */
export function sourceDigest(path: string): string {
  let digest = digests.get(path);
  if (digest === undefined) {
    digest = createHash('sha256').update(readSourceBytes(path)).digest('hex');
    digests.set(path, digest);
  }
  return digest;
}

/**
 * A raw page's text cut into numbered lines and grouped by the items that
 * cover them (lines as src/archive/source-lines.ts numbers them). A BOM is
 * not shown.
 * @example splitSourceRuns('\n\n潮起长江口', [item with lines [3, 3]]) // [{ item: null, lines: [1, 2] }, { item, lines: [3] }]
 */
export function splitSourceRuns<T extends SourceItem>(text: string, items: T[]): SourceRun<T>[] {
  const lines = sourceLines(text.replace(/^\uFEFF/u, '')).map((line, i) => ({ n: i + 1, text: line }));
  if (lines.at(-1)?.text === '' && /[\r\n]$/u.test(text)) lines.pop();
  const runs: SourceRun<T>[] = [];
  for (const line of lines) {
    const item = items.find((a) => line.n >= a.data.source.lines[0] && line.n <= a.data.source.lines[1]) ?? null;
    const last = runs.at(-1);
    if (last && last.item === item) last.lines.push(line);
    else runs.push({ item, lines: [line] });
  }
  return runs;
}
