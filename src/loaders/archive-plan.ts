import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOADER_FILES } from '../build/build-folders.ts';
import { codeDigest } from '../build/code-digest.ts';
import { listedEditions, sliceEditions, sliceRegistry, type SliceOutput } from '../build/slices.ts';
import { buildRun, rawPageDigest, type BuildRun, type RawPageFacts } from '../build/build-run.ts';
import { foldString } from '../archive/fold-text.ts';
import type { EditionMeta } from '../archive/edition-meta.ts';
import type { PageCache, PageSummary } from '../archive/page-summaries.ts';
import { planArchive, type ArchivePlan } from '../archive/plan-archive.ts';
import type { MetaCache } from '../archive/validate-archive.ts';
import { readArchive, type RawArchive } from '../archive/read-archive.ts';
import { traditionalToSimplified } from '../archive/fold-table.ts';
import { searchRecord } from '../search/shared/search-record.ts';

/**
 * The archive plan the loaders share: read, checked and summarised once per
 * content sync, with the page summaries of earlier builds kept in a file in
 * Astro's cache folder so that unchanged pages are not parsed again.
 */

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
    for (const [, text] of searchRecord(record).blocks)
      for (const char of foldString(text, foldTable)) if (foldTargets.has(char)) found.add(char);
  }
  return [...found].sort().join('');
}

/** What the loader keeps between builds: page summaries by page digest, edition metadata by .yml text. */
interface KeptCaches {
  pages: PageCache;
  metas: MetaCache;
}

function readCaches(file: string): KeptCaches {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, PageSummary>; metas: Record<string, EditionMeta> };
    return { pages: new Map(Object.entries(kept.pages)), metas: new Map(Object.entries(kept.metas)) };
  } catch {
    return { pages: new Map(), metas: new Map() };
  }
}

/**
 * Adds the page summaries a join's slices kept to the join's own, so that
 * the join parses no page a slice parsed. A summary is kept by the digest of
 * its page's input and the code, so one from a stale or foreign slice is
 * never used for another page.
 */
function takeSliceSummaries(caches: KeptCaches, slices: Iterable<Pick<SliceOutput, 'astro'>>): void {
  for (const slice of slices) {
    const kept = readCaches(join(slice.astro, LOADER_FILES.pageSummaries));
    for (const [digest, summary] of kept.pages) if (!caches.pages.has(digest)) caches.pages.set(digest, summary);
    for (const [text, meta] of kept.metas) if (!caches.metas.has(text)) caches.metas.set(text, meta);
  }
}

/** Writes what this build's pages use, so the file never grows with pages long gone. */
function writeCaches(file: string, caches: KeptCaches, used: Set<string>, metaTexts: Set<string>): void {
  const keep = <T>(map: Map<string, T>, wanted: Set<string>): Record<string, T> =>
    Object.fromEntries([...map].filter(([key]) => wanted.has(key)).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ pages: keep(caches.pages, used), metas: keep(caches.metas, metaTexts) }));
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

/**
 * What a slice's build reads of the archive (src/build/slices.ts): its
 * editions and those on either side, and their lines of the registry. The
 * list of every edition, which the slice's pages name (历史上的今天, the
 * year switcher), goes into the run from the page folders' names alone.
 */
function readSlice(contentDir: string, run: BuildRun, id: string): RawArchive {
  const listed = listedEditions(contentDir);
  run.outline = listed;
  const reads = sliceEditions(id, listed);
  const raw = readArchive(contentDir, process.cwd(), reads);
  return { ...raw, registry: sliceRegistry(raw.registry, reads) };
}

/**
 * Each raw page's digest and its .yml's sources, from the bytes and the
 * metadata the check already holds, for the raw-page views
 * (src/data/source-pages.ts): without them every build reads and parses
 * every raw page and .yml a second time, to key the views.
 */
function rawPageFacts(raw: RawArchive, plan: ArchivePlan): Map<string, RawPageFacts> {
  const facts = new Map<string, RawPageFacts>();
  for (const file of raw.pageFiles) {
    const meta = plan.metas.get(file.path);
    if (meta) facts.set(file.path, { digest: rawPageDigest(file.bytes), sources: meta.sources });
  }
  return facts;
}

/** The plan last made, and the key and build run it was made under (whose raw-page facts it filled). */
interface PlanMemo {
  key: string;
  run: BuildRun | null;
  plan: ArchivePlan;
}

// Kept on globalThis, as the build's run is: a build loads this module twice,
// through Vite for the content loaders and through Node for the integration
// (src/build/archive-build.ts), which would otherwise plan the archive again.
const MEMO = Symbol.for('nantong-newspaper-archive.archive-plan');
type WithMemo = typeof globalThis & { [MEMO]?: PlanMemo };

/**
 * The plan of the archive in `contentDir`, made once per content sync and
 * shared by the collections built from it. In a build, the output it
 * replaces is the witness of the links published (src/archive/link-witness.ts).
 * @param cacheDir Astro's cache folder (config.cacheDir), where page summaries are kept
 */
export function archivePlan(contentDir: string, cacheDir: URL): ArchivePlan {
  const run = buildRun();
  const witness = run?.witness ?? null;
  // A build's one content sync plans for the whole build; `astro dev` syncs again after an edit, which the folder's fingerprint sees.
  const key = `${contentDir}\n${cacheDir.href}\n${witness?.out ?? ''}${run ? '' : `\n${fingerprint(contentDir)}`}`;
  const memo = (globalThis as WithMemo)[MEMO];
  if (memo?.key === key && memo.run === run) return memo.plan;
  const cacheFile = fileURLToPath(new URL(LOADER_FILES.pageSummaries, cacheDir));
  const caches = readCaches(cacheFile);
  const before = { pages: caches.pages.size, metas: caches.metas.size };
  if (run?.part.kind === 'join') takeSliceSummaries(caches, new Set(run.fromSlices.values()));
  const raw = run?.part.kind === 'slice' ? readSlice(contentDir, run, run.part.id) : readArchive(contentDir);
  const plan = planArchive(raw, {
    cache: caches.pages,
    metaCache: caches.metas,
    version: codeDigest(process.cwd()),
    summarise: foldTargetsOf,
    witness,
  });
  const used = new Set(plan.digests);
  const decoder = new TextDecoder();
  const metaTexts = new Set(raw.pageFiles.filter((f) => f.path.endsWith('.yml')).map((f) => decoder.decode(f.bytes)));
  // Written only when pages or metadata were read or dropped: a build that changed nothing writes nothing.
  const changed =
    caches.pages.size !== before.pages ||
    used.size !== caches.pages.size ||
    caches.metas.size !== before.metas ||
    metaTexts.size !== caches.metas.size;
  if (plan.problems.length === 0 && changed) writeCaches(cacheFile, caches, used, metaTexts);
  if (run) run.rawPages = rawPageFacts(raw, plan);
  (globalThis as WithMemo)[MEMO] = { key, run, plan };
  return plan;
}
