import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { buildFolders } from './build-folders.ts';
import { PhaseProgress } from './build-progress.ts';
import { codeDigest } from './code-digest.ts';
import { archiveSlices, listedEditions, PART_ENV, sliceInputs } from './slices.ts';

/**
 * `npm run build` (scripts/build.ts): `astro build` of the whole archive, or,
 * with `--jobs N`, its slices side by side (./slices.ts), N at a time, each
 * in a process of its own, then the join. With `--slice ID` or `--join DIR`
 * it builds one slice or joins slices built elsewhere (other machines, a
 * CI matrix: see .github/workflows/build-slices.yml).
 */

/** What `npm run build` was asked to do. */
export type BuildRequest =
  | { kind: 'whole'; astro: string[] }
  | { kind: 'jobs'; jobs: number; out: string; astro: string[] }
  | { kind: 'slice'; id: string; astro: string[] }
  | { kind: 'join'; slices: string; astro: string[] }
  | { kind: 'pack'; output: string; into: string }
  | { kind: 'list' };

/** How `npm run build` is used, for an error. */
export const BUILD_USAGE = `Usage: npm run build [-- --outDir <folder>]
       npm run build -- --jobs <N> [--outDir <folder>]    slices N at a time, then the join
       npm run build -- --slice <paper-year> --outDir <folder>    one slice
       npm run build -- --join <folder of slices> [--outDir <folder>]
       npm run build -- --list-slices    the slices, as JSON (a CI matrix)
       npm run build -- --pack <slice's output> --into <folder>    what the join reads of a slice (a CI artifact)`;

/** Takes `--name value` out of `args`; undefined when absent. Throws when the value is missing. */
function takeOption(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.\n${BUILD_USAGE}`);
  args.splice(at, 2);
  return value;
}

/**
 * Reads the arguments of `npm run build`; the ones it does not know go to `astro build`.
 * @example buildRequest(['--jobs', '2']) // { kind: 'jobs', jobs: 2, out: 'dist', astro: [] }
 */
export function buildRequest(argv: readonly string[]): BuildRequest {
  const args = [...argv];
  const list = args.indexOf('--list-slices');
  if (list !== -1) return { kind: 'list' };
  const pack = takeOption(args, '--pack');
  if (pack !== undefined) {
    const into = takeOption(args, '--into');
    if (into === undefined) throw new Error(`--pack ${pack}: name the folder to pack it into with --into.\n${BUILD_USAGE}`);
    return { kind: 'pack', output: pack, into };
  }
  const jobs = takeOption(args, '--jobs');
  const slice = takeOption(args, '--slice');
  const joined = takeOption(args, '--join');
  if ([jobs, slice, joined].filter((v) => v !== undefined).length > 1)
    throw new Error(`--jobs, --slice and --join each make a whole build of their own: give one.\n${BUILD_USAGE}`);
  if (jobs !== undefined) {
    const n = Number(jobs);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--jobs ${jobs}: give a whole number of slices to build at once, 1 or more.`);
    const at = args.indexOf('--outDir');
    return { kind: 'jobs', jobs: n, out: at === -1 ? 'dist' : (args[at + 1] ?? 'dist'), astro: args };
  }
  if (slice !== undefined) {
    if (!args.includes('--outDir'))
      throw new Error(`--slice ${slice}: name its output with --outDir, apart from the site's.\n${BUILD_USAGE}`);
    return { kind: 'slice', id: slice, astro: args };
  }
  if (joined !== undefined) return { kind: 'join', slices: joined, astro: args };
  return { kind: 'whole', astro: args };
}

/** The project's Astro, run with this Node. */
const ASTRO = join(import.meta.dirname, '../../node_modules/astro/bin/astro.mjs');

/** The environment of an `astro build`, with `extra` set and the other part's variable unset. */
function astroEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const name of Object.values(PART_ENV)) if (!(name in extra)) delete env[name];
  return env;
}

/** The running child builds, stopped with this process. */
const children = new Set<ReturnType<typeof spawn>>();

let stopping = false;

/** Stops the child builds when this process is interrupted or terminated (set up once). */
function stopChildrenWithThis(): void {
  if (stopping) return;
  stopping = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      for (const child of children) child.kill(signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
}

/**
 * Runs `astro build` with `args` and the part's variable in `env`, its output
 * to this terminal or, when `log` is given, into that file.
 * @returns its exit status
 */
export function runAstroBuild(args: readonly string[], env: NodeJS.ProcessEnv, log?: string): Promise<number> {
  stopChildrenWithThis();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build', ...args], {
      env: astroEnv(env),
      stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    children.add(child);
    if (log) {
      const file = createWriteStream(log);
      child.stdout?.pipe(file);
      child.stderr?.pipe(file);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * Where `--jobs` builds the slices of an output: `<out>.slices/` beside it
 * when it lies inside the project, else inside the project's .astro/
 * (named by the output's path). Astro renders a build whose output lies
 * outside the project through one shared folder (.astro/.prerender), one
 * build at a time: slices built inside the project can run side by side.
 */
export function slicesFolder(out: string, project: string): string {
  const path = resolve(project, out);
  if (path.startsWith(`${project}${sep}`)) return `${path}.slices`;
  return join(project, '.astro', 'slices', `${basename(path)}-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`);
}

/** A file's text, or null when it cannot be read. */
function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The last lines of a file, for an error. */
function tail(file: string, lines = 30): string {
  return (readText(file) ?? '').split('\n').slice(-lines).join('\n');
}

/**
 * Builds every slice of the archive, `jobs` at a time, each into its output
 * in the slices' folder with its log beside it, then joins them into `out`.
 * Each slice's indexing gets its share of the cores. A slice that fails
 * stops the build before the join: the output stays as it was.
 * @returns the exit status
 */
export async function buildInSlices(request: Extract<BuildRequest, { kind: 'jobs' }>, contentDir: string): Promise<number> {
  const project = resolve(import.meta.dirname, '../..');
  const folder = slicesFolder(request.out, project);
  mkdirSync(folder, { recursive: true });
  const listed = listedEditions(contentDir);
  const slices = archiveSlices(contentDir);
  const salt = codeDigest(project, `site ${process.env['SITE_URL'] ?? ''}`);
  const tty = process.stdout.isTTY === true;
  const progress = new PhaseProgress('slices', 'slices', { write: (text) => process.stdout.write(text), tty });
  progress.expect(slices.length);
  progress.add(0);
  const indexJobs = process.env['ARCHIVE_INDEX_JOBS'] ?? String(Math.max(1, Math.floor(availableParallelism() / request.jobs)));
  const passOn = request.astro.filter((_, i, all) => all[i] !== '--outDir' && all[i - 1] !== '--outDir');
  const failed: string[] = [];
  let unchanged = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (failed.length === 0 && next < slices.length) {
      const id = slices[next++] ?? '';
      const log = join(folder, `${id}.log`);
      // A slice whose inputs are those of its last good build is not built again (its output and keys stand).
      const slice = buildFolders(join(folder, id));
      const stamp = join(slice.cache, 'inputs');
      const inputs = sliceInputs(contentDir, id, listed, salt);
      if (existsSync(slice.out) && existsSync(slice.keys) && readText(stamp) === inputs) {
        unchanged += 1;
        // Its log says what this build did with it, not how its last build went.
        writeFileSync(log, `${id}: unchanged since its last build (${stamp}), kept as it was\n`);
        progress.add();
        continue;
      }
      rmSync(stamp, { force: true });
      const status = await runAstroBuild(
        ['--outDir', join(folder, id), ...passOn],
        { [PART_ENV.slice]: id, ARCHIVE_INDEX_JOBS: indexJobs },
        log,
      );
      if (status !== 0) failed.push(`Slice ${id} failed (exit ${status}); the end of its log, ${log}:\n${tail(log)}`);
      else writeFileSync(stamp, inputs);
      progress.add();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(request.jobs, slices.length)) }, worker));
  progress.done();
  if (unchanged > 0) console.log(`slices: ${unchanged} unchanged since their last build, kept as they were`);
  if (failed.length > 0) {
    for (const message of failed) console.error(message);
    console.error(`\nNo slice was joined; ${buildFolders(resolve(project, request.out)).out} was left as it was.`);
    return 1;
  }
  return runAstroBuild(request.astro, { [PART_ENV.join]: folder });
}
