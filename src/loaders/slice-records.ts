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

/** The records one slice wrote; none when it wrote none or its file is damaged (the join then parses those pages). */
function readOneSlice(slice: Pick<SliceOutput, 'astro'>): SliceRecords {
  const file = join(slice.astro, LOADER_FILES.sliceRecords);
  if (!existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>));
  } catch {
    return new Map();
  }
}

/**
 * The record of a story from the slice that holds it, read one slice at a
 * time: the join meets the stories in print order, a paper's years one after
 * another, so it holds one slice's records at once, not the archive's.
 * @returns for a slice's id and a story's digest, the record, or undefined when that slice wrote none under it
 */
export function sliceRecordReader(
  slices: Iterable<Pick<SliceOutput, 'id' | 'astro'>>,
): (slice: string, digest: string) => Record<string, unknown> | undefined {
  const byId = new Map([...slices].map((slice) => [slice.id, slice]));
  let current: { id: string; records: SliceRecords } | null = null;
  return (id, digest) => {
    if (current?.id !== id) {
      const slice = byId.get(id);
      current = { id, records: slice ? readOneSlice(slice) : new Map() };
    }
    return current.records.get(digest);
  };
}
