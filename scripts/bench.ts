/**
 * Measures the build at scale: for each size, generates a synthetic archive
 * of that many stories, then times parsePage alone, the content check
 * (read, validate, parse, permalinks, render) and the full build, split into
 * astro build (content sync, bundling, page rendering, read from its log) and
 * Pagefind at the moment the first index-shard.ts process starts, with peak memory and output
 * sizes; then measures search in Chromium (first-query bytes and time for a
 * fixed set of queries and a word printed only in the archive's oldest year,
 * to the first page of results and to the end of the search going on by
 * itself, beside the run before's; and time once loaded); then adds one raw page of the
 * next day and rebuilds (only what changed is rendered and indexed), and one
 * of the first day of the next month and rebuilds (the month before goes
 * back into its half-year search shards). Then the
 * same stories as a plain reference site (one minimal Astro route, default
 * Pagefind, which is skipped above --reference-pagefind-max stories because
 * its memory grows past this machine's) unless --no-reference.
 * Logs of every phase are kept in the work folder with --keep. Last, the
 * seed pages and one listings page of --listing items (5,000; 0 skips it)
 * are built, to show that a story page's size does not grow with its page
 * mates: build time, memory, and the largest and mean story page.
 *
 * Usage: npm run bench [-- --sizes 1000,10000,100000] [--seed 1] [--keep] [--no-reference]
 *          [--reference-pagefind-max 20000] [--queries 南通,长江口,…] [--work /tmp/dir] [--listing 5000]
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { parsePage } from '../src/archive/parse-page.ts';
import { astroPhases } from '../src/bench/astro-log.ts';
import { generatePages, trainOnSeed } from '../src/bench/generate-archive.ts';
import { generatePage } from '../src/bench/generate-page.ts';
import { oldestYearWord } from '../src/bench/oldest-year-word.ts';
import { Prng } from '../src/bench/prng.ts';
import { folderStats, measure, type Measurement } from '../src/bench/measure.ts';
import { writeReferenceSite } from '../src/bench/reference-site.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'no-reference': { type: 'boolean', default: false },
    'reference-pagefind-max': { type: 'string', default: '20000' },
    queries: { type: 'string', default: '南通,长江口,高质量发展,许昆林,不存在的词语' },
    work: { type: 'string' },
    listing: { type: 'string', default: '5000' },
  },
});
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: node scripts/bench.ts [--sizes 1000,10000] [--seed 1] [--keep] [--no-reference]');
  process.exit(2);
}
const root = process.cwd();
const bin = (name: string): string => join(root, 'node_modules/.bin', name);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` };
const MB = (bytes: number | null): string => (bytes === null ? '-' : (bytes / 1048576).toFixed(1));

interface Row {
  size: number;
  phase: string;
  m: Pick<Measurement, 'seconds' | 'processPeakBytes'> & { treePeakBytes: number | null };
}
/** A row computed from another run's figures rather than run itself. */
const derived = (seconds: number, treePeakBytes: number | null): Row['m'] => ({ seconds, treePeakBytes, processPeakBytes: null });
const rows: Row[] = [];
const outputs: string[][] = [];
const searchLines: string[] = [];
const listingLines: string[] = [];

/**
 * Runs bench-search.ts on a built site and keeps its figure lines; the
 * figures of each size and site are kept under .bench/ so that the next run
 * prints its own beside them.
 */
function measureSearch(size: number, label: string, site: string, extra: string[], queries = values.queries): void {
  process.stderr.write(`[${size}] search (${label}) … `);
  mkdirSync('.bench', { recursive: true });
  const record = join('.bench', `search-${size}-${label}.json`);
  const result = spawnSync('node', ['scripts/bench-search.ts', site, '--queries', queries, '--no-table', '--record', record, ...extra], {
    env,
    encoding: 'utf8',
  });
  process.stderr.write(result.status === 0 ? 'done\n' : `failed: ${result.stderr.slice(-500)}\n`);
  for (const line of result.stdout.split('\n').filter(Boolean)) searchLines.push(`${size} ${label}: ${line}`);
}

/**
 * Adds one raw page to a generated archive, as an archivist adds the next
 * day's page: a newly generated page (another seed) dated the day after the
 * archive's last date, or with `newMonth` the first day of the month after
 * it (when the search index moves the month before out of its recent
 * shard). Returns its path.
 */
function addOnePage(content: string, newMonth = false): string {
  const dates = readdirSync(join(content, 'pages')).flatMap((paper) => readdirSync(join(content, 'pages', paper)));
  const next = new Date(`${dates.sort().at(-1) ?? '2024-01-01'}T00:00:00Z`);
  if (newMonth) next.setUTCMonth(next.getUTCMonth() + 1, 1);
  else next.setUTCDate(next.getUTCDate() + 1);
  const seed = Number(values.seed) + (newMonth ? 2000 : 1000);
  const options = { stories: 8, seed, model: trainOnSeed('content'), startDate: next.toISOString().slice(0, 10) };
  const [page] = generatePages(options);
  if (!page) throw new Error('the generator gave no page');
  mkdirSync(dirname(join(content, page.path)), { recursive: true });
  writeFileSync(join(content, page.path), page.text);
  writeFileSync(join(content, page.path.replace(/\.txt$/u, '.yml')), page.meta);
  return page.path;
}

/** Seconds to read every raw page of a content folder and run parsePage on it, in this process. */
function timeParse(content: string): number {
  const started = performance.now();
  for (const e of readdirSync(join(content, 'pages'), { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.txt')) parsePage(readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return (performance.now() - started) / 1000;
}

/** The log file of a phase. */
const logOf = (dir: string, name: string): string => join(dir, `${name.replace(/\W+/gu, '-')}.log`);

/** Runs one measured phase; stops the size when it fails. */
async function phase(
  size: number,
  name: string,
  dir: string,
  command: string,
  args: string[],
  extra: { env?: NodeJS.ProcessEnv; cwd?: string; markers?: string[] } = {},
): Promise<Measurement> {
  const logFile = logOf(dir, name);
  process.stderr.write(`[${size}] ${name} … `);
  const m = await measure(command, args, {
    logFile,
    env: extra.env ?? env,
    ...(extra.cwd ? { cwd: extra.cwd } : {}),
    ...(extra.markers ? { markers: extra.markers } : {}),
  });
  process.stderr.write(`${m.seconds.toFixed(1)}s\n`);
  rows.push({ size, phase: name, m });
  if (m.status !== 0) throw new Error(`${name} failed (exit ${m.status}); see ${logFile}`);
  return m;
}

/**
 * Builds into `dist` (astro build, with the archive integration) and adds a row per phase: Astro (content
 * sync, bundling, rendering, from its log), Pagefind (from the moment
 * the first index-shard.ts process starts) and, in a rebuild, laying the new files over the
 * last output (from the build's log).
 */
async function measureBuild(size: number, name: string, dir: string, content: string, dist: string): Promise<Measurement> {
  const build = await phase(size, name, dir, 'node', [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    env: { ...env, ARCHIVE_CONTENT_DIR: content },
    markers: ['index-shard.ts'],
  });
  const [astro, pagefind] = build.segments;
  if (!astro || !pagefind) return build;
  const log = readFileSync(logOf(dir, name), 'utf8');
  rows.push({ size, phase: '  astro build (until the first index-shard.ts)', m: derived(pagefind.atSeconds, astro.treePeakBytes) });
  const phases = astroPhases(log);
  for (const [label, seconds] of [
    ['content sync (loader, data store)', phases.sync],
    ['vite bundling', phases.bundle],
    ['page rendering', phases.render],
  ] as const) {
    if (seconds !== null) rows.push({ size, phase: `    ${label}`, m: derived(seconds, null) });
  }
  const pages = /(\d+) page\(s\) built/u.exec(log)?.[1];
  if (pages) rows.push({ size, phase: `    pages rendered: ${pages}`, m: derived(0, null) });
  rows.push({
    size,
    phase: '  pagefind and the swap (from the first index-shard.ts process)',
    m: derived(build.seconds - pagefind.atSeconds, pagefind.treePeakBytes),
  });
  const swap = /of which ([\d.]+) s putting the output in place/u.exec(log)?.[1];
  if (swap)
    rows.push({
      size,
      phase: '    putting the output in place (linking the last, laying new files over it)',
      m: derived(Number(swap), null),
    });
  return build;
}

for (const size of sizes) {
  const dir = values.work ? resolve(values.work, String(size)) : mkdtempSync(join(tmpdir(), `bench-${size}-`));
  mkdirSync(dir, { recursive: true });
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  try {
    await phase(size, 'generate', dir, 'node', [
      'scripts/generate-archive.ts',
      '--stories',
      String(size),
      '--seed',
      values.seed,
      '--out',
      content,
    ]);
    rows.push({ size, phase: '  parsePage only (in-process)', m: derived(timeParse(content), null) });
    await phase(size, 'parse (check-content)', dir, 'node', ['scripts/check-content.ts', content]);
    // The build renders, then indexes each search shard in an index-shard.ts process: the moment the first appears in the process tree splits the phases.
    const build = await measureBuild(size, 'build.ts total', dir, content, dist);
    const site = folderStats(dist);
    const index = folderStats(join(dist, 'pagefind'));
    const pages = folderStats(join(content, 'pages')).files / 2;
    const out = [String(size), 'archive', String(pages), MB(site.bytes), String(site.files), MB(index.bytes), String(index.files)];
    outputs.push(out);
    // A word printed only in the oldest year: listing it means asking every span.
    const rare = oldestYearWord(content);
    if (rare) searchLines.push(`${size} archive: ${rare.word} is printed on ${rare.pages} raw pages of ${rare.year} and in no later year`);
    measureSearch(size, 'archive', dist, [], rare ? `${values.queries},${rare.word}` : values.queries);

    const added = addOnePage(content);
    const rebuild = await measureBuild(size, `rebuild after adding ${added}`, dir, content, dist);
    rows.push({
      size,
      phase: `  = ${((rebuild.seconds / build.seconds) * 100).toFixed(1)}% of the full build`,
      m: derived(rebuild.seconds, null),
    });
    const monthly = addOnePage(content, true);
    const rollover = await measureBuild(size, `rebuild after adding ${monthly} (a new month)`, dir, content, dist);
    rows.push({
      size,
      phase: `  = ${((rollover.seconds / build.seconds) * 100).toFixed(1)}% of the full build`,
      m: derived(rollover.seconds, null),
    });

    if (!values['no-reference']) {
      const refDir = join(dir, 'reference');
      const pages = generatePages({ stories: size, seed: Number(values.seed), model: trainOnSeed('content') });
      const stories = writeReferenceSite(
        Iterator.from(pages).flatMap((p) => p.items),
        refDir,
        join(root, 'node_modules'),
      );
      const refEnv = { ...env, REFERENCE_STORIES: stories };
      await phase(size, 'reference astro build', dir, bin('astro'), ['build'], { env: refEnv, cwd: refDir });
      if (size <= Number(values['reference-pagefind-max'])) {
        await phase(size, 'reference pagefind', dir, bin('pagefind'), ['--site', 'dist'], { cwd: refDir });
        measureSearch(size, 'reference', join(refDir, 'dist'), ['--default', '/s/0/']);
      } else {
        searchLines.push(
          `${size} reference: default Pagefind skipped above ${values['reference-pagefind-max']} stories: it keeps the whole index in one process (3.85 GB peak at 10,000 stories here), so 100,000 would need about ten times that`,
        );
      }
      const refSite = folderStats(join(refDir, 'dist'));
      const refIndex = folderStats(join(refDir, 'dist/pagefind'));
      outputs.push([String(size), 'reference', '-', MB(refSite.bytes), String(refSite.files), MB(refIndex.bytes), String(refIndex.files)]);
    }
  } catch (error) {
    console.error(String(error));
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds the seed pages and a listings page of `items` items; records the build and the size of its story pages. */
async function measureListing(items: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-listing-'));
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  try {
    cpSync('content', content, { recursive: true });
    const page = join(content, 'pages/jhwb/2025-02-07/012_listings');
    mkdirSync(dirname(page), { recursive: true });
    writeFileSync(
      `${page}.txt`,
      generatePage(
        { paper: 'jhwb', date: '2025-02-07', label: '12', otherLabels: [] },
        items,
        trainOnSeed(content),
        new Prng(Number(values.seed)),
      ).text,
    );
    writeFileSync(`${page}.yml`, 'paper: jhwb\ndate: 2025-02-07\npage: 12\nsources:\n  date: generated\n  page: generated\n');
    const label = `build of the seeds and a listings page of ${items} items`;
    await phase(items, label, dir, 'node', [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
      env: { ...env, ARCHIVE_CONTENT_DIR: content },
    });
    const edition = join(dist, 'jhwb/2025-02-07');
    const sizes = readdirSync(edition, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() && e.name !== 'source' ? [statSync(join(edition, e.name, 'index.html')).size] : [],
    );
    const site = folderStats(dist);
    outputs.push([
      `${items} on one page`,
      'archive',
      '3',
      MB(site.bytes),
      String(site.files),
      MB(folderStats(join(dist, 'pagefind')).bytes),
      String(folderStats(join(dist, 'pagefind')).files),
    ]);
    listingLines.push(
      `listings page of ${items} items: story pages ${sizes.length}, largest ${(Math.max(...sizes) / 1024).toFixed(1)} KB, mean ${(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024).toFixed(1)} KB`,
    );
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (Number(values.listing) > 0) await measureListing(Number(values.listing));

/** Prints rows as a plain table with left-aligned columns. */
function table(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
  console.log();
}

console.log();
table(
  ['stories', 'phase', 'seconds', 'peak RSS tree MB', 'peak RSS largest process MB'],
  rows.map(({ size, phase: p, m }) => [String(size), p, m.seconds.toFixed(1), MB(m.treePeakBytes), MB(m.processPeakBytes)]),
);
table(['stories', 'site', 'raw pages', 'output MB', 'output files', 'pagefind MB', 'pagefind files'], outputs);
console.log('Search (Chromium; bytes as a gzip-serving host sends them; "search files" are those under /pagefind/):');
for (const line of searchLines) console.log(`  ${line}`);
if (listingLines.length > 0)
  console.log(
    `\nOne page of many items (its story pages list the nearest page mates, not all):\n${listingLines.map((l) => `  ${l}`).join('\n')}`,
  );
