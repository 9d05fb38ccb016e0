import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareTrees, digestTree } from '../support/tree-digest.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'incremental-build-'));
const content = join(work, 'content');
/** Built again and again into the same folder, so each build reuses <out>.cache/. */
const cached = join(work, 'cached');

const NTRB_PAGE = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
const JHWB_PAGE = join(content, 'pages/jhwb/2025-02-06/000_29ee23daad04a246');
const EDITED_STORY = 'ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/index.html';
const OLD_TEXT = '正蹄疾步稳地从设想迈向现实';
const NEW_TEXT = '正一步一个脚印地从设想迈向现实';

/** What a build did with each page it wrote, read from Astro's log. */
interface BuildLog {
  /** Pages rendered afresh. */
  rendered: string[];
  /** Pages copied from the incremental cache. */
  restored: string[];
}

/** Runs scripts/build.ts on the temp content into `out`; fails with the build's own output. */
function build(out: string): BuildLog {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`, ARCHIVE_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(result.status, `build into ${out} failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  const log: BuildLog = { rendered: [], restored: [] };
  for (const line of stripVTControlCharacters(result.stdout).split('\n')) {
    const page = /├─ (\S+)/u.exec(line)?.[1];
    if (page) (/\((restored|cached)\)/u.test(line) ? log.restored : log.rendered).push(page);
  }
  return log;
}

/** Files of a built site with their digests, without the search index (built by its own step). */
const siteDigest = (out: string): Map<string, string> => new Map([...digestTree(out)].filter(([path]) => !path.startsWith('pagefind/')));

/** Builds the current content into a fresh folder (no cache) and expects the cached build to match it byte for byte. */
function expectSameAsCleanBuild(name: string): void {
  const clean = join(work, name);
  const fresh = build(clean);
  expect(fresh.restored).toEqual([]);
  expect(compareTrees(siteDigest(clean), siteDigest(cached))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
}

beforeAll(() => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const first = build(cached);
  expect(first.restored).toEqual([]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scripts/build.ts with the incremental cache', () => {
  test('a rebuild of unchanged content renders no archive page and changes no file', () => {
    const before = siteDigest(cached);
    const again = build(cached);
    expect(again.rendered.filter((page) => /^\/(ntrb|jhwb)\/\d{4}-\d{2}-\d{2}\//u.test(page))).toEqual([]);
    expect(compareTrees(before, siteDigest(cached))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  });

  test('after an edit to one raw page, only pages showing it are rendered and the site equals a clean build', () => {
    writeFileSync(NTRB_PAGE, readFileSync(NTRB_PAGE, 'utf8').replace(OLD_TEXT, NEW_TEXT));
    const rebuilt = build(cached);
    expect(rebuilt.rendered).toContain(`/${EDITED_STORY}`);
    // The other paper's pages do not show the edited page at all.
    expect(rebuilt.restored.filter((page) => page.startsWith('/jhwb/2025-02-06/')).length).toBeGreaterThan(0);
    expect(rebuilt.rendered.filter((page) => page.startsWith('/jhwb/2025-02-06/'))).toEqual([]);
    const story = readFileSync(join(cached, EDITED_STORY), 'utf8');
    expect(story).toContain(NEW_TEXT);
    expect(story).not.toContain(OLD_TEXT);
    expectSameAsCleanBuild('clean-after-edit');
  });

  test('after a new page in a new edition, neighbours link to it and the site equals a clean build', () => {
    const next = JHWB_PAGE.replace('2025-02-06/000_29ee23daad04a246', '2025-02-07/000_0123456789abcdef');
    mkdirSync(join(next, '..'), { recursive: true });
    // A different text: the archive refuses the same page twice.
    writeFileSync(`${next}.txt`, readFileSync(`${JHWB_PAGE}.txt`, 'utf8').replace('晚报讯', '晚报综合消息'));
    writeFileSync(`${next}.yml`, readFileSync(`${JHWB_PAGE}.yml`, 'utf8').replace('date: 2025-02-06', 'date: 2025-02-07'));
    const rebuilt = build(cached);
    expect(rebuilt.rendered).toContain('/jhwb/2025-02-07/index.html');
    expect(rebuilt.restored.filter((page) => page.startsWith('/ntrb/')).length).toBeGreaterThan(0);
    expectSameAsCleanBuild('clean-after-new-page');
  });
});
