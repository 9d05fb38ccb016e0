import { spawn, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareTrees, digestTree } from '../support/tree-digest.ts';
import { buildArgs, buildEnv, runScript } from '../support/build-command.ts';

/**
 * One build at a time per output (issue "Nothing lost, nothing moved"): two
 * builds started together into one folder used to corrupt it and exit 0.
 * Now the second refuses, naming the first, and what is published equals a
 * clean build; a lock left by a killed build is taken over.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'locked-build-'));
const content = join(work, 'content');
const shared = join(work, 'shared');
const clean = join(work, 'clean');
const env = buildEnv({ ARCHIVE_CONTENT_DIR: content });

const buildSync = (out: string): SpawnSyncReturns<string> => runScript(buildArgs(out), { ARCHIVE_CONTENT_DIR: content });

/** Starts a build and resolves with its exit code and output once it ends. */
function buildAsync(out: string): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, buildArgs(out), { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => done({ status, output }));
  });
}

beforeAll(() => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const result = buildSync(clean);
  expect(result.status, result.stderr).toBe(0);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two builds into one output', () => {
  test('the second refuses, naming the first, and the output equals a clean build', async () => {
    const [a, b] = await Promise.all([buildAsync(shared), buildAsync(shared)]);
    const outcomes = [a, b].sort((x, y) => (x.status ?? 1) - (y.status ?? 1));
    expect(outcomes[0]?.status, outcomes[0]?.output).toBe(0);
    expect(outcomes[1]?.status).toBe(75);
    expect(outcomes[1]?.output).toMatch(new RegExp(`shared\\.lock: build \\d+ on ${hostname()}, started .* is writing this output`, 'u'));
    expect(existsSync(`${shared}.lock`)).toBe(false);
    expect(compareTrees(digestTree(clean), digestTree(shared))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
    // The state files describe what is published: the next build has nothing to render.
    const keys = JSON.parse(readFileSync(`${shared}.cache/keys.json`, 'utf8')) as { paths: Record<string, string> };
    expect(Object.keys(keys.paths).length).toBeGreaterThan(0);
  });

  test('a lock left by a build that was killed is taken over', () => {
    writeFileSync(
      `${shared}.lock`,
      `${JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), started: '2026-01-01T00:00:00.000Z', command: 'scripts/build.ts' })}\n`,
    );
    const result = buildSync(shared);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('is gone; its lock is taken over');
    expect(existsSync(`${shared}.lock`)).toBe(false);
    expect(compareTrees(digestTree(clean), digestTree(shared))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  });
});
