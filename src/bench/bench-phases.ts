/**
 * The measured steps a bench part is made of: a command run and measured as
 * one phase, and a build split into its phases (Astro's, read from its log,
 * and from the first index-shard.ts process on, the rendering and the
 * indexing side by side).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroPhases } from './astro-log.ts';
import type { BenchContext } from './bench-context.ts';
import type { BenchRow } from './bench-report.ts';
import { measure, type Measurement } from './measure.ts';

/** The log file of a phase. */
export const logOf = (dir: string, name: string): string => join(dir, `${name.replace(/\W+/gu, '-')}.log`);

/** Adds a row computed from another run's figures rather than run itself. */
export function derivedRow(
  ctx: BenchContext,
  size: number,
  key: string,
  label: string,
  seconds: number,
  treePeakBytes: number | null = null,
): void {
  const row: BenchRow = { size, key, label, seconds, treePeakBytes, processPeakBytes: null };
  ctx.report.rows.push(row);
}

/** Options of one measured phase. */
export interface PhaseOptions {
  /** Names the phase across runs; the label when unset. */
  key?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  markers?: string[];
}

/** Runs one measured phase and adds its row; throws (stopping the size) when it fails. */
export async function phase(
  ctx: BenchContext,
  size: number,
  label: string,
  dir: string,
  command: string,
  args: string[],
  options: PhaseOptions = {},
): Promise<Measurement> {
  const logFile = logOf(dir, label);
  process.stderr.write(`[${size}] ${label} … `);
  const m = await measure(command, args, {
    logFile,
    env: options.env ?? ctx.env,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.markers ? { markers: options.markers } : {}),
  });
  process.stderr.write(`${m.seconds.toFixed(1)}s\n`);
  ctx.report.rows.push({
    size,
    key: options.key ?? label,
    label,
    seconds: m.seconds,
    treePeakBytes: m.treePeakBytes,
    processPeakBytes: m.processPeakBytes,
  });
  if (m.status !== 0) throw new Error(`${label} failed (exit ${m.status}); see ${logFile}`);
  return m;
}

/**
 * Builds `content` into `dist` (astro build, with the archive integration)
 * and adds a row per phase: until the first index-shard.ts process starts
 * (the content sync and the search records), from then on (rendering and
 * indexing side by side, then the swap), Astro's phases (content sync,
 * bundling, rendering, from its log), the indexing's own time and, in a
 * rebuild, laying the new files over the last output (from the build's
 * log). `key` names the build across runs.
 */
export async function measureBuild(
  ctx: BenchContext,
  size: number,
  key: string,
  label: string,
  dir: string,
  content: string,
  dist: string,
): Promise<Measurement> {
  const build = await phase(
    ctx,
    size,
    label,
    dir,
    'node',
    [join(ctx.root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist],
    {
      key,
      env: { ...ctx.env, ARCHIVE_CONTENT_DIR: content },
      markers: ['index-shard.ts'],
    },
  );
  const [astro, pagefind] = build.segments;
  if (!astro || !pagefind) return build;
  const log = readFileSync(logOf(dir, label), 'utf8');
  derivedRow(
    ctx,
    size,
    `${key}/before-index`,
    '  until indexing starts (content sync, search records)',
    pagefind.atSeconds,
    astro.treePeakBytes,
  );
  const phases = astroPhases(log);
  for (const [id, text, seconds] of [
    ['sync', 'content sync (loader, data store)', phases.sync],
    ['bundle', 'vite bundling', phases.bundle],
    ['render', 'page rendering', phases.render],
  ] as const) {
    if (seconds !== null) derivedRow(ctx, size, `${key}/${id}`, `    ${text}`, seconds);
  }
  const pages = /(\d+) page\(s\) built/u.exec(log)?.[1];
  if (pages) derivedRow(ctx, size, `${key}/pages`, `    pages rendered: ${pages}`, 0);
  const indexing = /indexing: \d+ search shards in ([\d.]+) s/u.exec(log)?.[1];
  if (indexing) derivedRow(ctx, size, `${key}/indexing`, '    search indexing (beside the rendering)', Number(indexing));
  derivedRow(
    ctx,
    size,
    `${key}/side-by-side`,
    '  rendering and indexing side by side, then the swap',
    build.seconds - pagefind.atSeconds,
    pagefind.treePeakBytes,
  );
  const swap = /of which ([\d.]+) s putting the output in place/u.exec(log)?.[1];
  if (swap)
    derivedRow(ctx, size, `${key}/swap`, '    putting the output in place (linking the last, laying new files over it)', Number(swap));
  return build;
}
