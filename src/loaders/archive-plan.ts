import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldString } from '../archive/fold-text.ts';
import { planArchive, type ArchivePlan, type PageCache, type PageSummary } from '../archive/plan-archive.ts';
import { readArchive } from '../archive/read-archive.ts';
import { traditionalToSimplified } from '../search/fold-table.ts';
import { searchRecord } from '../search/search-record.ts';

/**
 * The archive plan the loaders share: read, checked and summarised once per
 * content sync, with the page summaries of earlier builds kept in a file in
 * Astro's cache folder so that unchanged pages are not parsed again.
 */

/** Code whose changes can change what a page becomes: every summary is re-made when it does. */
const CODE_FOLDERS = ['src/archive', 'src/loaders', 'src/search'];

/** A digest of the code that turns pages into records, and of the locked dependencies (slugs, anchors). */
function codeVersion(): string {
  const hash = createHash('sha256');
  for (const folder of CODE_FOLDERS) {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(`${file}\n`).update(readFileSync(file));
  }
  if (existsSync('package-lock.json')) hash.update(readFileSync('package-lock.json'));
  return hash.digest('hex');
}

const foldTable = traditionalToSimplified();
const foldTargets = new Set(foldTable.values());

/**
 * The characters of a page's searchable text that a traditional query
 * character can fold to: the search page ships only the part of the fold
 * table that can find something.
 */
function foldTargetsOf(records: Parameters<typeof searchRecord>[0][]): string {
  const found = new Set<string>();
  for (const record of records) {
    for (const [, text] of searchRecord(record).blocks) for (const char of foldString(text, foldTable)) if (foldTargets.has(char)) found.add(char);
  }
  return [...found].sort().join('');
}

function readCache(file: string): PageCache {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, PageSummary>));
  } catch {
    return new Map();
  }
}

/** Writes the summaries of the pages this build has, so the file never grows with pages long gone. */
function writeCache(file: string, cache: PageCache, used: Set<string>): void {
  const kept = Object.fromEntries([...cache].filter(([digest]) => used.has(digest)).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(kept));
  renameSync(`${file}.tmp`, file);
}

/** A cheap fingerprint of the content folder (names, sizes, times), to know when a memoised plan is stale. */
function fingerprint(contentDir: string): string {
  const hash = createHash('sha256');
  const entries = readdirSync(contentDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  for (const path of entries.map((e) => join(e.parentPath, e.name)).sort()) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${path} ${size} ${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

let memo: { key: string; plan: ArchivePlan } | undefined;

/**
 * The plan of the archive in `contentDir`, made once per content sync and
 * shared by the collections built from it.
 * @param cacheDir Astro's cache folder (config.cacheDir), where page summaries are kept
 */
export function archivePlan(contentDir: string, cacheDir: URL): ArchivePlan {
  const key = `${contentDir}\n${cacheDir.href}\n${fingerprint(contentDir)}`;
  if (memo?.key === key) return memo.plan;
  const cacheFile = fileURLToPath(new URL('archive-pages.json', cacheDir));
  const cache = readCache(cacheFile);
  const before = cache.size;
  const plan = planArchive(readArchive(contentDir), { cache, version: codeVersion(), summarise: foldTargetsOf });
  const used = new Set(plan.digests);
  // Written only when pages were summarised or dropped: a build that changed nothing writes nothing.
  if (plan.problems.length === 0 && (cache.size !== before || used.size !== cache.size)) writeCache(cacheFile, cache, used);
  memo = { key, plan };
  return plan;
}
