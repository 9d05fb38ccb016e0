import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArgs, printed, PROJECT, runScript } from '../support/build-command.ts';
import { sealAgain } from '../support/link-witness.ts';
import { compareTrees, digestTree } from '../support/tree-digest.ts';

/**
 * An output on another filesystem than the project (issue 22): Astro moves
 * its assets by rename, so such a build used to fail with EXDEV. Now it
 * renders inside the project's .astro/ and copies the new tree over, and a
 * rebuild there links the last tree's files as anywhere else. /dev/shm is
 * usually a tmpfs; where it shares the project's filesystem, there is no
 * other filesystem to build onto and the test is skipped, saying so.
 */
const elsewhere = ['/dev/shm'].find((folder) => existsSync(folder) && statSync(folder).dev !== statSync(PROJECT).dev) ?? null;
if (elsewhere === null)
  console.warn('output-elsewhere.test.ts skipped: no filesystem other than the project’s (/dev/shm is on it or missing)');

const work = mkdtempSync(join(tmpdir(), 'output-elsewhere-'));
const content = join(work, 'content');
const site = elsewhere === null ? '' : join(mkdtempSync(join(elsewhere, 'output-elsewhere-')), 'site');
const NTRB_PAGE = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
const REGISTRY = join(content, 'permalinks.tsv');
const STORY = 'ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/index.html';
const UNCHANGED = 'jhwb/2025-02-06/index.html';

const build = (out: string, env: NodeJS.ProcessEnv = {}): ReturnType<typeof runScript> =>
  runScript(buildArgs(out), { ARCHIVE_CONTENT_DIR: content, ...env });

/** Builds into `out`, expecting success; returns the kind of build changes.json records. */
function buildOk(out: string): string {
  const result = build(out);
  expect(result.status, printed(result)).toBe(0);
  return (JSON.parse(readFileSync(`${out}.cache/changes.json`, 'utf8')) as { build: string }).build;
}

/** Builds the content into a new folder on the project's filesystem and digests it. */
function cleanDigest(name: string): Map<string, string> {
  buildOk(join(work, name));
  return digestTree(join(work, name));
}

const same = { onlyInFirst: [], onlyInSecond: [], differ: [] };
let seed: string;

beforeAll(() => {
  cpSync(join(PROJECT, 'content'), content, { recursive: true });
  seed = readFileSync(NTRB_PAGE, 'utf8');
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (site !== '') rmSync(join(site, '..'), { recursive: true, force: true });
});

describe.skipIf(elsewhere === null)('an output on another filesystem', () => {
  test('builds there, as a link to a tree beside it, byte-identical to a build on the project’s filesystem', () => {
    const clean = cleanDigest('clean');
    expect(buildOk(site)).toBe('full');
    expect(lstatSync(site).isSymbolicLink()).toBe(true);
    expect(readlinkSync(site)).toBe('.site.builds/1');
    expect(compareTrees(clean, digestTree(site))).toEqual(same);
  });

  test('rebuilds there incrementally: unchanged files are links to the last tree’s, changed ones new files', () => {
    writeFileSync(NTRB_PAGE, seed.replace('正蹄疾步稳地从设想迈向现实', '正一步一个脚印地从设想迈向现实'));
    // The page is registered: the build refuses until the edited story's lines are sealed again.
    sealAgain(build(site), REGISTRY);
    const clean = cleanDigest('clean-edited');
    const last = join(site, '..', '.site.builds/1');
    expect(buildOk(site)).toBe('incremental');
    expect(readlinkSync(site)).toBe('.site.builds/2');
    expect(compareTrees(clean, digestTree(site))).toEqual(same);
    expect(statSync(join(site, UNCHANGED)).ino).toBe(statSync(join(last, UNCHANGED)).ino);
    expect(statSync(join(site, STORY)).ino).not.toBe(statSync(join(last, STORY)).ino);
    expect(readFileSync(join(last, STORY), 'utf8')).toContain('正蹄疾步稳地从设想迈向现实');
  });

  test('a build killed while copying its tree over leaves the last site, and the next build succeeds', () => {
    const before = digestTree(site);
    writeFileSync(NTRB_PAGE, seed);
    sealAgain(build(site), REGISTRY);
    rmSync(`${site}.cache/keys.json`);
    const killed = build(site, { ARCHIVE_TEST_KILL_AT: 'lay-file#5' });
    expect(killed.signal, printed(killed)).toBe('SIGKILL');
    expect(compareTrees(before, digestTree(site))).toEqual(same);
    expect(buildOk(site)).toBe('full');
    expect(compareTrees(cleanDigest('clean-again'), digestTree(site))).toEqual(same);
  });
});
