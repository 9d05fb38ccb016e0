import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOADER_FILES } from '../build/build-folders.ts';
import type { SliceOutput } from '../build/slices.ts';

/**
 * The stories a slice's build stored, handed to the join
 * (src/build/slices.ts): each story's record as the content store holds it
 * (no body), by the item's digest, which changes whenever the record would
 * (its page's text and metadata, its link, its place, the code). A join
 * whose own store lacks a story takes its record from here instead of
 * parsing the page again, and a digest no slice wrote is parsed as in any
 * build: a stale or foreign file costs time, never a wrong record.
 */

/** Stored records by item digest. */
export type SliceRecords = Map<string, Record<string, unknown>>;

/**
 * Writes the records of a slice's own stories into its Astro cache folder,
 * whole (by a rename), sorted by digest so that the same slice writes the same bytes.
 */
export function writeSliceRecords(cacheDir: string, records: SliceRecords): void {
  const sorted = Object.fromEntries([...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const file = join(cacheDir, LOADER_FILES.sliceRecords);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(sorted));
  renameSync(`${file}.tmp`, file);
}

/** The records every slice of a join wrote, read once and only when the join's store lacks a story. A slice without the file (or a damaged one) adds none. */
export function readSliceRecords(slices: Iterable<Pick<SliceOutput, 'astro'>>): SliceRecords {
  const records: SliceRecords = new Map();
  for (const slice of slices) {
    const file = join(slice.astro, LOADER_FILES.sliceRecords);
    if (!existsSync(file)) continue;
    try {
      for (const [digest, data] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>))
        records.set(digest, data);
    } catch {
      // Unreadable: the join parses these stories' pages itself.
    }
  }
  return records;
}
