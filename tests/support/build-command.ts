import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The project root. */
export const PROJECT = resolve(import.meta.dirname, '../..');

/**
 * Room for everything a build prints. Astro's line per rendered page is
 * counted into one progress line (src/build/build-progress.ts), but a build
 * that fails on many pages may still print a line for each; spawnSync's own
 * limit (1 MiB) would kill it mid-way and report a null status.
 */
const OUTPUT_LIMIT = 64 * 1024 * 1024;

/**
 * The arguments that build the site into `out` with the running Node, as
 * `npm run build -- --outDir <out>` does: `astro build`, whose integration
 * (src/build/archive-build.ts) does the whole archive build.
 * @example spawn(process.execPath, buildArgs('/tmp/site'), { cwd: PROJECT })
 */
export function buildArgs(out: string): string[] {
  return [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out];
}

/**
 * The environment a test build runs in: the pinned Node's tools first on PATH
 * (as `npm run` puts them), no telemetry, and `extra` on top (ARCHIVE_CONTENT_DIR, say).
 */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(PROJECT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/**
 * Runs a project script (a build by default: pass `buildArgs(out)`) with the
 * running Node from the project root and waits for it, keeping all it prints.
 * @example runScript(buildArgs(out), { ARCHIVE_CONTENT_DIR: content }).status === 0
 */
export function runScript(args: string[], extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, { cwd: PROJECT, encoding: 'utf8', env: buildEnv(extraEnv), maxBuffer: OUTPUT_LIMIT });
}

/** What a finished script printed, for an assertion's message. */
export const printed = (r: SpawnSyncReturns<string>): string => `${r.error ? `${r.error.message}\n` : ''}${r.stdout}\n${r.stderr}`;
