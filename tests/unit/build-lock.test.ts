import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireBuildLock, BuildLockedError } from '../../src/build/build-lock.ts';

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-lock-'));
  out = join(dir, 'dist');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireBuildLock', () => {
  test('the lock names its holder from the moment it exists, and no draft is left beside it', () => {
    const release = acquireBuildLock(out);
    expect(readdirSync(dir)).toEqual(['dist.lock']);
    const holder = JSON.parse(readFileSync(`${out}.lock`, 'utf8')) as { pid: number; host: string };
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    release();
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  test('a second build refuses, naming the build that holds the lock', () => {
    writeFileSync(
      `${out}.lock`,
      `${JSON.stringify({ pid: process.ppid, host: hostname(), started: '2026-11-27T00:00:00.000Z', command: 'astro build' })}\n`,
    );
    expect(() => acquireBuildLock(out)).toThrow(BuildLockedError);
    expect(() => acquireBuildLock(out)).toThrow(
      `dist.lock: build ${process.ppid} on ${hostname()}, started 2026-11-27T00:00:00.000Z (astro build) is writing this output`,
    );
    expect(readdirSync(dir)).toEqual(['dist.lock']);
  });

  test('the lock of a build that is gone is taken over', () => {
    writeFileSync(
      `${out}.lock`,
      `${JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), started: '2026-01-01T00:00:00.000Z', command: 'astro build' })}\n`,
    );
    const release = acquireBuildLock(out);
    expect((JSON.parse(readFileSync(`${out}.lock`, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
