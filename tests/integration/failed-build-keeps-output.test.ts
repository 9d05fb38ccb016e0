import type { SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArgs, printed, runScript } from '../support/build-command.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'archive-build-'));
const content = join(tmp, 'content');
const dist = join(tmp, 'dist');
const SEED_YML = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.yml');
const EMPTY_TXT = join(content, 'pages/jhwb/2025-02-07/001_empty.txt');

const env = { ARCHIVE_CONTENT_DIR: content };
const build = (): SpawnSyncReturns<string> => runScript(buildArgs(dist), env);
const output = printed;

/** sha256 of every file under a folder, by relative path. */
function hashTree(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((path) => [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')]),
  );
}

/** Names a paper that papers.yml does not list; returns a function that restores the file. */
function writeUnknownPaper(): () => void {
  const good = readFileSync(SEED_YML, 'utf8');
  writeFileSync(SEED_YML, good.replace(/^paper: ntrb$/mu, 'paper: xhrb'));
  return () => writeFileSync(SEED_YML, good);
}

/** Adds an empty page with valid edition metadata beside it. */
function addEmptyPage(): void {
  mkdirSync(dirname(EMPTY_TXT), { recursive: true });
  writeFileSync(EMPTY_TXT.replace(/\.txt$/u, '.yml'), 'paper: jhwb\ndate: 2025-02-07\npage: null\nsources:\n  date: test\n  page: test\n');
  writeFileSync(EMPTY_TXT, '');
}

/** How the build and the checker name a file: relative to the project root they run in. */
const shown = (path: string): string => relative(ROOT, path);

let before: Record<string, string>;

beforeAll(() => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const first = build();
  expect(first.status, output(first)).toBe(0);
  before = hashTree(dist);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the build with bad input', () => {
  test('the good build wrote the site and its search index', () => {
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['index.html', 'api/articles.json']));
    expect(Object.keys(before).some((f) => f.startsWith('pagefind/'))).toBe(true);
  });

  test('an unknown paper fails the build, names file:line and leaves dist as it was', () => {
    const restore = writeUnknownPaper();
    try {
      const result = build();
      expect(result.status).not.toBe(0);
      expect(output(result)).toContain(`${shown(SEED_YML)}:2: unknown paper "xhrb"`);
      expect(hashTree(dist)).toEqual(before);
    } finally {
      restore();
    }
  });

  test('an empty page fails the build, names file:line and leaves dist as it was', () => {
    addEmptyPage();
    const result = build();
    expect(result.status).not.toBe(0);
    expect(output(result)).toContain(`${shown(EMPTY_TXT)}:1: the page is empty`);
    expect(hashTree(dist)).toEqual(before);
  });
});

describe('scripts/check-content.ts', () => {
  test('prints every problem as file:line: message and exits 1', () => {
    addEmptyPage();
    writeUnknownPaper();
    const result = runScript(['scripts/check-content.ts', content], env);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines).toContain(`${shown(EMPTY_TXT)}:1: the page is empty: export it again or remove it and its .yml file`);
    expect(lines).toContain(`${shown(SEED_YML)}:2: unknown paper "xhrb": use one of jhwb, ntrb or add it to content/papers.yml`);
    const count = lines.filter((l) => /^\S+:\d+: /u.test(l)).length;
    expect(result.stderr).toContain(`${count} problem(s) in ${content}`);
  });
});
