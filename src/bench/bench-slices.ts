/**
 * The bench of a build in slices (src/build/slices.ts): the same archive
 * built with `--jobs 2` (the slices two side by side, then the join), its
 * largest slice built alone (a slice's time and memory, what one machine of
 * a matrix needs), a day's page and the first page of a new month rebuilt in
 * slices, and what a million stories would take, projected from these.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASTRO_STORE_FILE, LOADER_FILES, buildFolders } from '../build/build-folders.ts';
import { listedEditions } from '../build/slices.ts';
import { shardOf } from '../data/partitions.ts';
import { slicesFolder } from '../build/sliced-build.ts';
import type { BenchContext } from './bench-context.ts';
import { addOnePage } from './add-page.ts';
import { derivedRow, logOf, phase } from './bench-phases.ts';
import type { Measurement } from './measure.ts';

/** Slices built side by side, as the bench builds them. */
const JOBS = 2;
/** Stories a daily prints in a year: the size of a real slice. */
const PAPER_YEAR = 35_000;
/** The archive a projection is for. */
const MILLION = 1_000_000;
/** Machines of the matrix projected. */
const MACHINES = [4, 16];
/** V8's longest string, in UTF-16 units: Astro reads its content store as one (docs/deployers.md, "A million stories"). */
const V8_LONGEST_STRING = 2 ** 29 - 24;

/** The length of a file's text in UTF-16 units (how V8 holds it when read whole), or 0 when there is none. */
const unitsOf = (file: string): number => (existsSync(file) ? readFileSync(file, 'utf8').length : 0);

/**
 * The longest strings a build in slices reads whole: the join's content
 * store (its own stories only) and the largest slice's store, in UTF-16
 * units, and at how many stories one slice's store would pass V8's longest
 * string, at that slice's rate.
 */
function storeWall(out: string, folder: string): { join: number; slice: number; wall: number } {
  let slice = 0;
  let wall = 0;
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.cache'))) {
    const astro = buildFolders(join(folder, name.slice(0, -'.cache'.length))).astro;
    const units = unitsOf(join(astro, ASTRO_STORE_FILE));
    const recordsFile = join(astro, LOADER_FILES.sliceRecords);
    const stories = existsSync(recordsFile) ? Object.keys(JSON.parse(readFileSync(recordsFile, 'utf8')) as object).length : 0;
    if (units <= slice || stories === 0) continue;
    slice = units;
    wall = Math.floor((V8_LONGEST_STRING * stories) / units);
  }
  return { join: unitsOf(join(buildFolders(out).astro, ASTRO_STORE_FILE)), slice, wall };
}

/** Builds `content` in slices into `out` and adds a row per part: the slices, the slowest slice, the join. */
async function slicedBuild(ctx: BenchContext, size: number, key: string, label: string, dir: string, content: string, out: string) {
  const build = await phase(ctx, size, label, dir, 'node', ['scripts/build.ts', '--jobs', String(JOBS), '--outDir', out], {
    key,
    env: { ...ctx.env, ARCHIVE_CONTENT_DIR: content },
    cwd: ctx.root,
  });
  const log = readFileSync(logOf(dir, label), 'utf8');
  const slices = Number(/slices: \d+ slices in ([\d.]+) s/u.exec(log)?.[1] ?? 0);
  derivedRow(ctx, size, `${key}/slices`, `  the slices, ${JOBS} side by side`, slices);
  const folder = slicesFolder(out, ctx.root);
  const times = readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .map((name) => Number(/Built \S+ \((?:full|incremental)\) in ([\d.]+) s/u.exec(readFileSync(join(folder, name), 'utf8'))?.[1] ?? 0));
  derivedRow(ctx, size, `${key}/slowest`, `    the slowest of ${times.length} slices`, Math.max(0, ...times));
  derivedRow(ctx, size, `${key}/join`, '  the join (every key; the pages no slice holds)', build.seconds - slices);
  const joined = /(\d+) page\(s\) built/u.exec(log)?.[1];
  const took = /Took (\d+) pages and (\d+) search shards/u.exec(log);
  if (joined) derivedRow(ctx, size, `${key}/join-pages`, `    pages the join rendered: ${joined}; taken from slices: ${took?.[1] ?? 0}`, 0);
  return { build, slices, slowest: Math.max(0, ...times) };
}

/** The slice with the most editions, and its number of stories' share of the archive (by editions). */
function largestSlice(content: string): { id: string; share: number } {
  const counts = new Map<string, number>();
  const listed = listedEditions(content);
  for (const edition of listed) {
    const { id } = shardOf(edition);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const [id = '', editions = 0] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  return { id, share: editions / Math.max(1, listed.length) };
}

/**
 * Runs the sliced part of one size's bench over its archive (after the
 * whole build's rows, which it adds pages to): `full` is the whole build's
 * measurement, for the shares.
 */
export async function benchSlices(ctx: BenchContext, size: number, dir: string, content: string, full: Measurement): Promise<void> {
  const out = join(dir, 'sliced');
  const sliced = await slicedBuild(ctx, size, 'sliced', `build in slices (--jobs ${JOBS}), then the join`, dir, content, out);
  derivedRow(
    ctx,
    size,
    'sliced/share',
    `  = ${((sliced.build.seconds / full.seconds) * 100).toFixed(1)}% of the whole build`,
    sliced.build.seconds,
  );
  const store = storeWall(out, slicesFolder(out, ctx.root));
  derivedRow(
    ctx,
    size,
    'sliced/store',
    `    content stores: the join's ${(store.join / 1e6).toFixed(1)} M UTF-16 units, the largest slice's ${(store.slice / 1e6).toFixed(1)} M; one slice passes V8's longest string at about ${store.wall.toLocaleString('en')} stories`,
    0,
  );

  const largest = largestSlice(content);
  const alone = await phase(
    ctx,
    size,
    `the largest slice (${largest.id}) alone`,
    dir,
    'node',
    ['scripts/build.ts', '--slice', largest.id, '--outDir', join(dir, 'one-slice', largest.id)],
    {
      key: 'slice-alone',
      env: { ...ctx.env, ARCHIVE_CONTENT_DIR: content },
      cwd: ctx.root,
    },
  );

  const added = addOnePage(ctx, content, false, 1);
  const day = await slicedBuild(ctx, size, 'sliced-day', `rebuild in slices after adding ${added}`, dir, content, out);
  derivedRow(
    ctx,
    size,
    'sliced-day/share',
    `  = ${((day.build.seconds / sliced.build.seconds) * 100).toFixed(1)}% of the build in slices`,
    day.build.seconds,
  );
  const monthly = addOnePage(ctx, content, true, 1);
  const month = await slicedBuild(ctx, size, 'sliced-month', `rebuild in slices after adding ${monthly} (a new month)`, dir, content, out);
  derivedRow(
    ctx,
    size,
    'sliced-month/share',
    `  = ${((month.build.seconds / sliced.build.seconds) * 100).toFixed(1)}% of the build in slices`,
    month.build.seconds,
  );

  // Projections, linear in stories: a slice of a real paper-year from the real-size slice when it was built (else from the largest slice alone), the join from this join.
  const measured = ctx.realSlice;
  const sliceStories = measured?.stories ?? Math.max(1, size * largest.share);
  const perSlice = ((measured?.seconds ?? alone.seconds) * PAPER_YEAR) / sliceStories;
  const join1m = ((sliced.build.seconds - sliced.slices) * MILLION) / size;
  const slices1m = Math.ceil(MILLION / PAPER_YEAR);
  derivedRow(
    ctx,
    size,
    'million/slice',
    `  ${measured ? 'from the real-size slice' : 'projected'}: one paper-year slice of ${PAPER_YEAR} stories (from ${Math.round(sliceStories)})`,
    perSlice,
    measured?.treePeakBytes ?? alone.treePeakBytes,
  );
  derivedRow(ctx, size, 'million/join', `  projected: the join of ${MILLION} stories`, join1m);
  for (const machines of MACHINES)
    derivedRow(
      ctx,
      size,
      `million/matrix-${machines}`,
      `  projected: ${MILLION} stories (${slices1m} slices) on ${machines} machines, then the join`,
      Math.ceil(slices1m / machines) * perSlice + join1m,
    );
}
