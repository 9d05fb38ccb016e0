/**
 * Builds the site into a fresh folder and swaps it into dist/ only when every
 * step succeeded, so a failed build (bad input, say) never touches the output
 * of the last good one.
 *
 * Usage: node scripts/build.ts [--out dist]
 * Env:   ARCHIVE_CONTENT_DIR (default content), SITE_URL
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? 'dist') : 'dist');
const staging = `${out}.build-staging`;
const previous = `${out}.build-previous`;

/** Runs a command with the project's own bin folder first on PATH; exits on failure. */
function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nBuild failed in \`${command} ${args.join(' ')}\`; ${out} was left as it was.`);
    process.exit(result.status ?? 1);
  }
}

rmSync(staging, { recursive: true, force: true });
run('astro', ['build', '--outDir', staging]);
run('node', ['scripts/index-search.ts', staging]);
rmSync(previous, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, previous);
renameSync(staging, out);
rmSync(previous, { recursive: true, force: true });
console.log(`Built ${out}`);
