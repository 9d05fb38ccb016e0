/**
 * Measures the build at scale: for each size, generates a synthetic archive
 * of that many stories, then times parsePage alone, the content check
 * (read, validate, parse, permalinks, render) and the full build, split into
 * astro build and Pagefind at the moment index-search.ts starts, with peak
 * memory and output sizes; then the same stories as a plain reference site
 * (one minimal Astro route, default Pagefind) unless --no-reference.
 * Logs of every phase are kept in the work folder with --keep.
 *
 * Usage: node scripts/bench.ts [--sizes 1000,10000,100000] [--seed 1] [--keep] [--no-reference] [--work /tmp/dir]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePage } from '../src/archive/parse-page.ts';
import { generatePages, trainOnSeed } from '../src/bench/generate-archive.ts';
import { folderStats, measure, type Measurement } from '../src/bench/measure.ts';
import { writeReferenceSite } from '../src/bench/reference-site.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'no-reference': { type: 'boolean', default: false },
    work: { type: 'string' },
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

/** Seconds to read every raw page of a content folder and run parsePage on it, in this process. */
function timeParse(content: string): number {
  const started = performance.now();
  for (const e of readdirSync(join(content, 'pages'), { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.txt')) parsePage(readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return (performance.now() - started) / 1000;
}

/** Runs one measured phase; stops the size when it fails. */
async function phase(
  size: number,
  name: string,
  dir: string,
  command: string,
  args: string[],
  extra: { env?: NodeJS.ProcessEnv; cwd?: string; markers?: string[] } = {},
): Promise<Measurement> {
  const logFile = join(dir, `${name.replace(/\W+/gu, '-')}.log`);
  process.stderr.write(`[${size}] ${name} … `);
  const m = await measure(command, args, { logFile, env: extra.env ?? env, ...(extra.cwd ? { cwd: extra.cwd } : {}), ...(extra.markers ? { markers: extra.markers } : {}) });
  process.stderr.write(`${m.seconds.toFixed(1)}s\n`);
  rows.push({ size, phase: name, m });
  if (m.status !== 0) throw new Error(`${name} failed (exit ${m.status}); see ${logFile}`);
  return m;
}

for (const size of sizes) {
  const dir = values.work ? resolve(values.work, String(size)) : mkdtempSync(join(tmpdir(), `bench-${size}-`));
  mkdirSync(dir, { recursive: true });
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  try {
    await phase(size, 'generate', dir, 'node', ['scripts/generate-archive.ts', '--stories', String(size), '--seed', values.seed, '--out', content]);
    rows.push({ size, phase: '  parsePage only (in-process)', m: derived(timeParse(content), null) });
    await phase(size, 'parse (check-content)', dir, 'node', ['scripts/check-content.ts', content]);
    // build.ts runs astro build, then index-search.ts: the moment the latter appears in the process tree splits the phases.
    const build = await phase(size, 'build.ts total', dir, 'node', ['scripts/build.ts', '--out', dist], {
      env: { ...env, ARCHIVE_CONTENT_DIR: content },
      markers: ['index-search.ts'],
    });
    const [astro, pagefind] = build.segments;
    if (astro && pagefind) {
      rows.push({ size, phase: '  astro build (until index-search starts)', m: derived(pagefind.atSeconds, astro.treePeakBytes) });
      rows.push({ size, phase: '  pagefind (index-search.ts)', m: derived(build.seconds - pagefind.atSeconds, pagefind.treePeakBytes) });
    }
    const site = folderStats(dist);
    const index = folderStats(join(dist, 'pagefind'));
    const pages = folderStats(join(content, 'pages')).files / 2;
    const out = [String(size), 'archive', String(pages), MB(site.bytes), String(site.files), MB(index.bytes), String(index.files)];
    outputs.push(out);

    if (!values['no-reference']) {
      const refDir = join(dir, 'reference');
      const pages = generatePages({ stories: size, seed: Number(values.seed), model: trainOnSeed('content') });
      const stories = writeReferenceSite(Iterator.from(pages).flatMap((p) => p.items), refDir, join(root, 'node_modules'));
      const refEnv = { ...env, REFERENCE_STORIES: stories };
      await phase(size, 'reference astro build', dir, bin('astro'), ['build'], { env: refEnv, cwd: refDir });
      await phase(size, 'reference pagefind', dir, bin('pagefind'), ['--site', 'dist'], { cwd: refDir });
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

/** Prints rows as a plain table with left-aligned columns. */
function table(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
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
