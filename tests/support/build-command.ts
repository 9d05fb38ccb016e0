import { join, resolve } from 'node:path';

/** The project root. */
export const PROJECT = resolve(import.meta.dirname, '../..');

/**
 * The arguments that build the site into `out` with the running Node, as
 * `npm run build -- --outDir <out>` does: `astro build`, whose integration
 * (src/build/archive-build.ts) does the whole archive build.
 * @example spawnSync(process.execPath, buildArgs('/tmp/site'), { cwd: PROJECT })
 */
export function buildArgs(out: string): string[] {
  return [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out];
}
