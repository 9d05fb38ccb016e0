import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODE_INPUTS } from '../../src/build/code-digest.ts';
import { slicesFolder } from '../../src/build/sliced-build.ts';
import { archiveSlices, packSlice, sliceOfUrl } from '../../src/build/slices.ts';
import { holdsStoryPage } from '../../src/data/paths.ts';
import { buildArgs, buildEnv, PROJECT, printed, runScript } from '../support/build-command.ts';
import { compareTrees, digestTree } from '../support/tree-digest.ts';

/**
 * Slices and the join (src/build/slices.ts): the same archive built whole,
 * built with `npm run build -- --jobs 2`, and built as one slice per clone of
 * the project (as the machines of a CI matrix do), packed for the join as
 * the workflow packs its artifacts, then joined, gives byte-identical sites
 * and registers the same links. The archive is generated across a year's
 * end, so that stories, editions and 历史上的今天 link across slices.
 */

const work = mkdtempSync(join(tmpdir(), 'sliced-build-'));
const generated = join(work, 'generated');
const whole = join(work, 'whole');
/** The archive's stories, as the whole build counted them. */
let stories = 0;
const EXPECTED_SLICES = ['hmrb-2024', 'hmrb-2025', 'jhwb-2024', 'jhwb-2025', 'jhwb-2026', 'ntrb-2024', 'ntrb-2025', 'ntrb-2026'];

/** The URL a file of the output is served at. @example urlOf('ntrb/2024-12-30/index.html') // '/ntrb/2024-12-30/' */
const urlOf = (file: string): string => `/${file.replace(/(?:^|(?<=\/))index\.html$/u, '')}`;

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // --jobs into an output outside the project keeps its slices in the project's .astro/slices/.
  rmSync(slicesFolder(join(work, 'jobs'), PROJECT), { recursive: true, force: true });
});

/** A copy of the generated content, not yet registered, in `folder`. */
function contentCopy(folder: string): string {
  cpSync(generated, folder, { recursive: true });
  return folder;
}

/** Runs a script with its output kept; fails the test with it when it fails. */
function run(args: string[], env: NodeJS.ProcessEnv): string {
  const result = runScript(args, env);
  expect(result.status, `${args.join(' ')}:\n${printed(result).slice(-6000)}`).toBe(0);
  return `${result.stdout}\n${result.stderr}`;
}

/** A clone of the project (its code, its own content folder; the packages linked), as a machine of a CI matrix checks it out. */
function cloneProject(folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const name of [...CODE_INPUTS, 'package.json']) cpSync(join(PROJECT, name), join(folder, name), { recursive: true });
  // The packages linked one by one, not node_modules whole: Vite keeps its optimized dependencies in
  // node_modules/.vite, and clones building at once must not share that folder (a machine of a matrix has its own).
  mkdirSync(join(folder, 'node_modules'));
  for (const name of readdirSync(join(PROJECT, 'node_modules')))
    if (name !== '.vite') symlinkSync(join(PROJECT, 'node_modules', name), join(folder, 'node_modules', name));
  contentCopy(join(folder, 'content'));
  return folder;
}

/** Runs `npm run build` with `args` in a clone, with its own content folder; resolves to what it printed, rejects when it fails. */
function buildInClone(clone: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts', ...args], {
      cwd: clone,
      env: buildEnv({ ARCHIVE_CONTENT_DIR: 'content' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(said) : reject(new Error(`build ${args.join(' ')} in ${clone} exited ${code}:\n${said.slice(-6000)}`)),
    );
  });
}

beforeAll(() => {
  run(['scripts/generate-archive.ts', '--stories', '400', '--seed', '7', '--out', generated, '--start', '2024-12-30'], {});
  // A year later, the same days again: 历史上的今天 then links editions of other slices, and a year switcher names years its slice holds no story of.
  const later = join(work, 'later');
  run(['scripts/generate-archive.ts', '--stories', '220', '--seed', '8', '--out', later, '--start', '2025-12-30'], {});
  cpSync(join(later, 'pages'), join(generated, 'pages'), { recursive: true });
  const content = contentCopy(join(work, 'whole-content'));
  stories = Number(/(\d+) items from \d+ pages/u.exec(run(buildArgs(whole), { ARCHIVE_CONTENT_DIR: content }))?.[1]);
}, 300_000);

/** How many stories the join parsed and stored, and how many it held from the slices' records (outside its content store), as it said. */
const recordsTaken = (said: string): { stored: number; fromSlices: number } => {
  const [, stored, fromSlices] = /\((\d+) stored, (\d+) held from the slices' records/u.exec(said) ?? [];
  return { stored: Number(stored), fromSlices: Number(fromSlices) };
};

describe('a build in slices', () => {
  /** What the join says when it took every page and half-year search shard of the slices from them, and no other. */
  let tookAll: RegExp;

  test('the archive has a slice per paper and year', () => {
    expect(archiveSlices(generated)).toEqual(EXPECTED_SLICES);
    const files = [...digestTree(whole).keys()];
    const pages = files.filter((file) => !file.startsWith('pagefind/') && sliceOfUrl(urlOf(file)) !== null);
    const shards = new Set(files.map((file) => /^pagefind\/([^/]+-\d{4}h[12](?:-\d{2})?)\//u.exec(file)?.[1]).filter(Boolean));
    expect(pages.length).toBeGreaterThan(600);
    expect(shards.size).toBeGreaterThan(2);
    tookAll = new RegExp(`Took ${pages.length} pages and ${shards.size} search shards from ${EXPECTED_SLICES.length} slice\\(s\\)`, 'u');
  });

  test('with --jobs 2, slices side by side and then the join make the whole build, byte for byte, and register the same links', () => {
    const content = contentCopy(join(work, 'jobs-content'));
    const out = join(work, 'jobs');
    const said = run(['scripts/build.ts', '--jobs', '2', '--outDir', out], { ARCHIVE_CONTENT_DIR: content });
    expect(said).toContain(`slices: ${EXPECTED_SLICES.length} slices in`);
    // The join rendered none of the slices' pages and indexed none of their shards: it took them, and every story's record.
    expect(said).toMatch(tookAll);
    expect(stories).toBeGreaterThan(600);
    expect(recordsTaken(said)).toEqual({ stored: 0, fromSlices: stories });
    expect(compareTrees(digestTree(whole), digestTree(out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
    expect(readFileSync(join(content, 'permalinks.tsv'), 'utf8')).toBe(readFileSync(join(work, 'whole-content/permalinks.tsv'), 'utf8'));
    // Built again with nothing changed, every slice stands as it was and the join changes nothing.
    const again = run(['scripts/build.ts', '--jobs', '2', '--outDir', out], { ARCHIVE_CONTENT_DIR: content });
    expect(again).toContain(`slices: ${EXPECTED_SLICES.length} unchanged since their last build`);
    // Each slice's log says so, not how its last build went (the bench reads the slowest slice from them).
    expect(readFileSync(join(slicesFolder(out, PROJECT), 'ntrb-2024.log'), 'utf8')).toMatch(/^ntrb-2024: unchanged since its last build/u);
    expect(compareTrees(digestTree(whole), digestTree(out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  }, 300_000);

  describe('in clones of the project, one slice each, joined in another', () => {
    const gathered = join(work, 'gathered');
    const joinClone = join(work, 'clone-join');
    /** How many pages the join took from the slices, as it said. */
    const took = (said: string): { pages: number; shards: number } => {
      const [, pages, shards] = /Took (\d+) pages and (\d+) search shards/u.exec(said) ?? [];
      return { pages: Number(pages), shards: Number(shards) };
    };
    let takenAtFirst = { pages: 0, shards: 0 };

    beforeAll(async () => {
      // Each clone builds its slice at the same time, as the jobs of a matrix do; its output lies outside it.
      const built = await Promise.all(
        EXPECTED_SLICES.map(async (id) => {
          const clone = cloneProject(join(work, `clone-${id}`));
          await buildInClone(clone, ['--slice', id, '--outDir', join(work, `built-${id}`, id)]);
          return id;
        }),
      );
      // What a CI artifact carries: the slice packed as the workflow packs it.
      for (const id of built) packSlice(join(work, `built-${id}`, id), gathered);
      cloneProject(joinClone);
    }, 600_000);

    test('the join of the slices is the whole build, byte for byte', async () => {
      const out = join(work, 'joined');
      const said = await buildInClone(joinClone, ['--join', gathered, '--outDir', out]);
      expect(said).toMatch(tookAll);
      expect(recordsTaken(said)).toEqual({ stored: 0, fromSlices: stories });
      takenAtFirst = took(said);
      expect(compareTrees(digestTree(whole), digestTree(out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
      expect(readFileSync(join(joinClone, 'content/permalinks.tsv'), 'utf8')).toBe(
        readFileSync(join(work, 'whole-content/permalinks.tsv'), 'utf8'),
      );
    }, 300_000);

    test('a file missing from a slice (a damaged artifact) is made by the join, and the site is still the whole build', async () => {
      const damaged = join(work, 'gathered-damaged');
      cpSync(gathered, damaged, { recursive: true });
      const day = join(damaged, 'ntrb-2024/ntrb/2024-12-31');
      const story = readdirSync(day).find((name) => name !== 'index.html' && holdsStoryPage(name));
      expect(story).toBeDefined();
      rmSync(join(day, story ?? '', 'index.html'));
      const out = join(work, 'joined-damaged');
      const said = await buildInClone(joinClone, ['--join', damaged, '--outDir', out]);
      expect(took(said).pages).toBe(takenAtFirst.pages - 1);
      expect(compareTrees(digestTree(whole), digestTree(out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
    }, 300_000);

    test('a page edited after its slice was built is made by the join, and the site is still the whole build of the edited archive', async () => {
      // One character of a story line of ntrb's last page of 2024, edited in a clone that joins and in a copy built whole.
      const edit = (content: string): void => {
        const day = join(content, 'pages/ntrb/2024-12-31');
        const page = join(
          day,
          readdirSync(day)
            .filter((name) => name.endsWith('.txt'))
            .sort()[0] ?? '',
        );
        const text = readFileSync(page, 'utf8');
        const at = text.indexOf('的', text.length / 2);
        expect(at).toBeGreaterThan(0);
        writeFileSync(page, `${text.slice(0, at)}之${text.slice(at + 1)}`);
      };
      const editedContent = contentCopy(join(work, 'edited-content'));
      edit(editedContent);
      const editedWhole = join(work, 'edited-whole');
      run(buildArgs(editedWhole), { ARCHIVE_CONTENT_DIR: editedContent });
      // A clone whose content was edited after the slices were built (before any link of it was registered: a registered page is never edited).
      const editedClone = cloneProject(join(work, 'clone-join-edited'));
      edit(join(editedClone, 'content'));
      const out = join(work, 'joined-after-edit');
      const said = await buildInClone(editedClone, ['--join', gathered, '--outDir', out]);
      // The edited story's page, its page mates, its 版 and the shard it is in no longer match their slice's keys.
      const taken = took(said);
      expect(taken.pages).toBeGreaterThan(0);
      expect(taken.pages).toBeLessThan(takenAtFirst.pages);
      expect(taken.shards).toBe(takenAtFirst.shards - 1);
      // The edited page's stories are parsed again and stored; every other story's record comes from its slice, outside the store.
      const records = recordsTaken(said);
      expect(records.stored).toBeGreaterThan(0);
      expect(records.stored + records.fromSlices).toBe(stories);
      expect(records.fromSlices).toBeGreaterThan(stories - 10);
      expect(compareTrees(digestTree(editedWhole), digestTree(out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
      expect(compareTrees(digestTree(whole), digestTree(out)).differ.length).toBeGreaterThan(0);
    }, 300_000);
  });
});
