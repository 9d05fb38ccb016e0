import type { SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MANIFEST_FILE } from '../../src/archive/link-manifest.ts';
import { SWAP_STEPS, type SwapStep } from '../../src/build/swap-steps.ts';
import { buildArgs, printed, runScript } from '../support/build-command.ts';
import { releaseWitness } from '../support/link-witness.ts';
import { compareTrees, digestTree, missingEditionLinks, sameTrees } from '../support/tree-digest.ts';

/**
 * An atomic swap (issue 22): a build killed with SIGKILL at any step of
 * putting its output in place (src/build/swap-steps.ts) leaves the output
 * answering as the old site or the new one, whole, and the next build
 * succeeds. The output goes back and forth between two sites: A, the seed
 * archive, and B, with one story edited and a new edition of 江海晚报 whose
 * edition page links stories that A does not have.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'atomic-swap-'));
const content = join(work, 'content');
const out = join(work, 'site');
const builds = join(work, '.site.builds');

const NTRB_PAGE = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
const JHWB_PAGE = join(content, 'pages/jhwb/2025-02-06/000_29ee23daad04a246');
const ADDED_PAGE = join(content, 'pages/jhwb/2025-02-07/000_0123456789abcdef');
const REGISTRY = join(content, 'permalinks.tsv');

type Site = 'A' | 'B';
let seed: { page: string; registry: string };
const digests = new Map<Site, Map<string, string>>();
/** The site the output holds now. */
let current: Site = 'A';

/** Puts the content of site A or B in place; the registry as A's, to which a build of B appends the new edition's links. */
function useContent(site: Site): void {
  writeFileSync(REGISTRY, seed.registry);
  rmSync(join(ADDED_PAGE, '..'), { recursive: true, force: true });
  writeFileSync(NTRB_PAGE, seed.page);
  if (site === 'A') return;
  writeFileSync(NTRB_PAGE, seed.page.replace('正蹄疾步稳地从设想迈向现实', '正一步一个脚印地从设想迈向现实'));
  mkdirSync(join(ADDED_PAGE, '..'), { recursive: true });
  writeFileSync(`${ADDED_PAGE}.txt`, readFileSync(`${JHWB_PAGE}.txt`, 'utf8').replace('晚报讯', '晚报综合消息'));
  writeFileSync(`${ADDED_PAGE}.yml`, readFileSync(`${JHWB_PAGE}.yml`, 'utf8').replace('date: 2025-02-06', 'date: 2025-02-07'));
}

/**
 * A site's files but its link manifest: the output goes back and forth
 * between A and B, where B registers links A has not, so the test releases
 * the output from its witness before each build (../support/link-witness.ts)
 * and leaves the manifest out of what it compares; tests/integration/link-witness.test.ts
 * is where the manifest is checked.
 */
function siteDigest(root: string): Map<string, string> {
  const digest = digestTree(root);
  digest.delete(MANIFEST_FILE);
  return digest;
}

const build = (into: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
  runScript(buildArgs(into), { ARCHIVE_CONTENT_DIR: content, ...env });

/** Builds into the output and expects it to succeed and to hold `site` exactly. */
function buildSite(site: Site): void {
  releaseWitness(out);
  const result = build(out);
  expect(result.status, printed(result)).toBe(0);
  expect(compareTrees(digests.get(site) ?? new Map(), siteDigest(out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
}

/** What the last build recorded for a deployment. */
interface Changes {
  build: 'incremental' | 'full';
  tree: string;
  from?: string;
  written?: string[];
  removed?: string[];
}

/**
 * Expects the state beside the output to tell the truth: changes.json names
 * the tree the output points to and, for an incremental build, lists exactly
 * the files that differ from the tree it was built over (kept beside it);
 * only that tree and the one before are left, no fresh folder, no lock.
 */
function expectTruthfulState(): void {
  const changes = JSON.parse(readFileSync(`${out}.cache/changes.json`, 'utf8')) as Changes;
  const tree = basename(readlinkSync(out));
  expect(changes.tree).toBe(tree);
  expect(JSON.parse(readFileSync(`${out}.cache/keys.json`, 'utf8'))).toMatchObject({ tree });
  if (changes.build === 'incremental') {
    const difference = compareTrees(digestTree(join(builds, changes.from ?? '')), digestTree(out));
    expect(changes.written).toEqual([...difference.onlyInSecond, ...difference.differ].sort());
    expect(changes.removed).toEqual(difference.onlyInFirst.sort());
  }
  expect(readdirSync(builds).length).toBeLessThanOrEqual(2);
  expect(existsSync(join(work, '.site.build-fresh'))).toBe(false);
  expect(existsSync(`${out}.lock`)).toBe(false);
}

/**
 * How the killed build makes its new tree: by recycling the tree kept before
 * the published one (the last build was incremental), by linking every file
 * of the published one (changes.json removed first), or whole (a full build:
 * keys.json removed first).
 */
type Making = 'recycling' | 'linking' | 'full';

/** A build the test kills: where (`step` or `step#n`), and how it makes its tree. */
interface Kill {
  at: `${SwapStep}` | `${SwapStep}#${number}`;
  making: Making;
}

/**
 * Kills at every step, in each way of making a tree that takes the step; at
 * steps taken once per file, at the first and at one further on. A leftover
 * is removed only when a killed build left one, so that case kills twice.
 */
const CASES: { name: string; kills: Kill[] }[] = SWAP_STEPS.flatMap((step) => {
  const kill = (making: Making, ...at: Kill['at'][]): { name: string; kills: Kill[] } => ({
    name: `at ${at.join(', then at ')}, ${making}`,
    kills: at.map((where) => ({ at: where, making })),
  });
  switch (step) {
    case 'remove-leftover':
      return [kill('linking', 'lay-file#2', step)];
    case 'link-file':
      return [kill('recycling', step), kill('recycling', `${step}#5`), kill('linking', step), kill('linking', `${step}#20`)];
    case 'remove-old-tree':
      // A recycling build has no old tree to remove: the tree kept before became its own.
      return [kill('linking', step), kill('full', step)];
    case 'lay-file':
      return [kill('recycling', step), kill('recycling', `${step}#3`), kill('linking', `${step}#3`), kill('full', step)];
    default:
      return [kill('recycling', step), kill('full', step)];
  }
});

/** Whether the next build recycles: the last one was incremental, changed files, and was built over the tree still kept beside the published one. */
function recycles(): boolean {
  const changes = JSON.parse(readFileSync(`${out}.cache/changes.json`, 'utf8')) as Changes;
  return changes.build === 'incremental' && (changes.written?.length ?? 0) > 0 && existsSync(join(builds, changes.from ?? ''));
}

/** Prepares the output's state for a build that makes its tree by `making`. */
function prepare(making: Making): void {
  if (making === 'full') rmSync(`${out}.cache/keys.json`, { force: true });
  if (making === 'linking') rmSync(`${out}.cache/changes.json`, { force: true });
  if (making === 'recycling') expect(recycles(), 'the last build leaves no tree to recycle').toBe(true);
}

beforeAll(() => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  seed = { page: readFileSync(NTRB_PAGE, 'utf8'), registry: readFileSync(REGISTRY, 'utf8') };
  // Each site built clean into a folder of its own: what the output must answer as.
  for (const site of ['B', 'A'] as const) {
    useContent(site);
    const clean = join(work, `clean-${site}`);
    const result = build(clean);
    expect(result.status, printed(result)).toBe(0);
    digests.set(site, siteDigest(clean));
  }
  expect(sameTrees(digests.get('A') ?? new Map(), digests.get('B') ?? new Map())).toBe(false);
  // Two builds of A, so that the output has a tree kept before the published one from the start.
  buildSite('A');
  buildSite('A');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build killed while it puts its output in place', () => {
  test('every step of the swap is killed at', () => {
    expect(new Set(CASES.flatMap((c) => c.kills.map((kill) => kill.at.replace(/#\d+$/u, ''))))).toEqual(new Set(SWAP_STEPS));
  });

  test.each(CASES)('$name: the output is the old site or the new one, whole, and the next build succeeds', ({ kills }) => {
    // A build that recycles follows an incremental one that changed files: after a full one, the other site is built first.
    if (kills[0]?.making === 'recycling' && !recycles()) {
      current = current === 'A' ? 'B' : 'A';
      useContent(current);
      buildSite(current);
    }
    const next: Site = current === 'A' ? 'B' : 'A';
    useContent(next);
    for (const kill of kills) {
      prepare(kill.making);
      releaseWitness(out);
      const result = build(out, { ARCHIVE_TEST_KILL_AT: kill.at });
      expect(result.signal, `the build was not killed at ${kill.at}:\n${printed(result)}`).toBe('SIGKILL');
      const now = siteDigest(out);
      const answer = ([current, next] as const).find((site) => sameTrees(now, digests.get(site) ?? new Map()));
      expect(answer, `after a kill at ${kill.at}, the output is neither site ${current} nor site ${next}`).toBeDefined();
      expect(missingEditionLinks(out)).toEqual([]);
    }
    buildSite(next);
    current = next;
    expectTruthfulState();
  });
});
