import {
  appendFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareTrees, digestTree } from '../support/tree-digest.ts';
import { buildArgs, printed, runScript } from '../support/build-command.ts';
import { launchBrowser } from '../../src/tools/browser.ts';
import { serveStatic } from '../../src/tools/static-server.ts';

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

/** What a build did, as it records it in <out>.cache/changes.json. */
interface BuildLog {
  /** Archive pages rendered (every other was kept from the last output), as site paths: /ntrb/2024-01-24/index.html. */
  rendered: string[];
  /** Whether build.ts laid the new files over the last output or rendered everything. */
  mode: 'incremental' | 'full';
}

/** Builds the temp content into `out`, with `env` added; fails with the build's own output. */
function build(out: string, env: NodeJS.ProcessEnv = {}): BuildLog {
  const result = runScript(buildArgs(out), { ARCHIVE_CONTENT_DIR: content, ...env });
  expect(result.status, `build into ${out} failed:\n${printed(result)}`).toBe(0);
  const record = JSON.parse(readFileSync(`${out}.cache/changes.json`, 'utf8')) as { build: 'incremental' | 'full'; rendered: string[] };
  return { rendered: record.rendered.map((file) => `/${file}`), mode: record.build };
}

/** The files the last build into `cached` wrote and removed, as build.ts records them for deployment. */
const lastChanges = (): { build: string; written: string[]; removed: string[] } =>
  JSON.parse(readFileSync(`${cached}.cache/changes.json`, 'utf8'));

/** Archive pages: everything under a paper and date. */
const archivePages = (pages: string[]): string[] => pages.filter((page) => /^\/(ntrb|jhwb)\/\d{4}-\d{2}-\d{2}\//u.test(page));

/** Builds the current content into a fresh folder (no cache) and expects the incremental build to match it byte for byte, search index included. */
function expectSameAsCleanBuild(name: string): void {
  const clean = join(work, name);
  expect(build(clean).mode).toBe('full');
  expect(compareTrees(digestTree(clean), digestTree(cached))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
}

const REGISTRY = join(content, 'permalinks.tsv');
/** The registry as it was before each added page's build registered its links. */
const registryBefore = new Map<string, string>();

/**
 * Takes an added page out again as a day's commit is reverted: the page and
 * the registry lines its build appended. (A published page removed alone
 * fails the build; see tests/integration/hostile-archive.test.ts.) The
 * output was never deployed, so its manifest goes too: otherwise the build
 * would refuse to let the page's links stop answering (link-witness.test.ts).
 */
function revertAddedPage(page: string): void {
  rmSync(join(page, '..'), { recursive: true });
  writeFileSync(REGISTRY, registryBefore.get(page) ?? '');
  for (const manifest of [join(cached, 'permalinks.json'), `${cached}.cache/permalinks.json`]) rmSync(manifest);
}

/** The path (without extension) of the test's added jhwb page dated `date`, named by its date: a file name names one page in the archive. */
const addedPage = (date: string): string =>
  JHWB_PAGE.replace('2025-02-06/000_29ee23daad04a246', `${date}/000_0123${date.replaceAll('-', '')}cdef`);

/**
 * Adds a jhwb page dated `date`: the seed page with its date changed and a
 * different text, since the archive refuses the same page twice. Returns its
 * path without extension.
 */
function addJhwbPage(date: string, source = '晚报综合消息'): string {
  const page = addedPage(date);
  registryBefore.set(page, readFileSync(REGISTRY, 'utf8'));
  mkdirSync(join(page, '..'), { recursive: true });
  writeFileSync(`${page}.txt`, readFileSync(`${JHWB_PAGE}.txt`, 'utf8').replace('晚报讯', source));
  writeFileSync(`${page}.yml`, readFileSync(`${JHWB_PAGE}.yml`, 'utf8').replace('date: 2025-02-06', `date: ${date}`));
  return page;
}

beforeAll(() => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  expect(build(cached).mode).toBe('full');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the build rebuilding only what changed', () => {
  test('a rebuild of unchanged content renders no archive page and changes no file', () => {
    const before = digestTree(cached);
    const again = build(cached);
    expect(again.mode).toBe('incremental');
    expect(archivePages(again.rendered)).toEqual([]);
    expect(compareTrees(before, digestTree(cached))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  });

  test('after an edit to one raw page, only pages showing it are rendered, the old output is never written into, and the site equals a clean build', () => {
    // A link to the page as the last build wrote it: the rebuild must replace the file, not write into it.
    const oldCopy = join(work, 'old-story.html');
    linkSync(join(cached, EDITED_STORY), oldCopy);
    writeFileSync(NTRB_PAGE, readFileSync(NTRB_PAGE, 'utf8').replace(OLD_TEXT, NEW_TEXT));
    // A registered page edited is refused until the archivist seals its story's lines again, as the refusal offers.
    const refused = runScript(buildArgs(cached), { ARCHIVE_CONTENT_DIR: content });
    const offered = /hold now \("([^"]+)"\)/u.exec(printed(refused))?.[1];
    expect(offered, printed(refused)).toMatch(/^\/ntrb\/2024-01-24\/chao-qi-chang-jiang-kou-qiang-zhua-ji\/<TAB>/u);
    appendFileSync(REGISTRY, `${offered?.replaceAll('<TAB>', '\t')}\n`);
    // The output's trees (src/build/versioned-output.ts): the published one and the one kept before it.
    const builds = join(work, '.cached.builds');
    const kept = readdirSync(builds).find((id) => id !== basename(readlinkSync(cached))) ?? '';
    const keptFolder = statSync(join(builds, kept)).ino;
    const rebuilt = build(cached);
    // The last build was incremental: the kept tree is recycled into the new one, not made anew of a link per file.
    expect(statSync(cached).ino).toBe(keptFolder);
    expect(rebuilt.rendered).toContain(`/${EDITED_STORY}`);
    // The other paper's pages do not show the edited page at all.
    expect(rebuilt.rendered.filter((page) => page.startsWith('/jhwb/'))).toEqual([]);
    const story = readFileSync(join(cached, EDITED_STORY), 'utf8');
    expect(story).toContain(NEW_TEXT);
    expect(story).not.toContain(OLD_TEXT);
    expect(readFileSync(oldCopy, 'utf8')).toContain(OLD_TEXT);
    expectSameAsCleanBuild('clean-after-edit');
  });

  test('after a new page in a new edition, neighbours link to it and the site equals a clean build', () => {
    addJhwbPage('2025-02-07');
    // The words each shard holds are state the word map is made of; when lost, they are read back from the shards kept.
    rmSync(`${cached}.cache/search-words`, { recursive: true, force: true });
    const rebuilt = build(cached);
    expect(rebuilt.rendered).toContain('/jhwb/2025-02-07/index.html');
    expect(rebuilt.rendered.filter((page) => page.startsWith('/ntrb/'))).toEqual([]);
    // Its own year's calendar, and the edition before it (for its 下一期 link), not every year.
    expect(rebuilt.rendered.filter((page) => /^\/[a-z]+\/\d{4}\/index\.html$/u.test(page))).toEqual(['/jhwb/2025/index.html']);
    expect(rebuilt.rendered).toContain('/jhwb/2025-02-06/index.html');
    expect(readFileSync(join(cached, 'jhwb/2025-02-06/index.html'), 'utf8')).toContain('href="/jhwb/2025-02-07/"');
    // Its 版 (the page prints no label: page-1), and the 版 before it, whose 下一版 now leads into the new edition.
    expect(rebuilt.rendered).toContain('/jhwb/2025-02-07/page-1/index.html');
    expect(rebuilt.rendered).toContain('/jhwb/2025-02-06/page-1/index.html');
    expect(readFileSync(join(cached, 'jhwb/2025-02-06/page-1/index.html'), 'utf8')).toContain(
      '<a rel="next" href="/jhwb/2025-02-07/page-1/">',
    );
    expect(rebuilt.rendered.filter((page) => /^\/ntrb\/[^/]+\/A2\//u.test(page))).toEqual([]);
    // The added page's story is signed 记者朱文君 张彤 范译: their pages list it, no other person's or column's list changed.
    expect(rebuilt.rendered.filter((page) => /^\/(people|columns)\/[^/]+\//u.test(page)).sort()).toEqual(
      ['/people/张彤/index.html', '/people/朱文君/index.html', '/people/范译/index.html'].sort(),
    );
    // What a deployment uploads: the new edition, and nothing of the other paper.
    const changes = lastChanges();
    expect(changes.build).toBe('incremental');
    expect(changes.written).toContain('jhwb/2025-02-07/index.html');
    expect(changes.written.filter((file) => file.startsWith('ntrb/'))).toEqual([]);
    // Search re-indexed the newest month's shard only.
    expect(changes.written.some((file) => file.startsWith('pagefind/recent-2025-02/'))).toBe(true);
    expect(changes.written.filter((file) => /^pagefind\/[^/]+-\d{4}h[12](?:-\d{2})?\//u.test(file))).toEqual([]);
    // The month shards' word map was made again (the same as a clean build's, below), from the words of the shard re-indexed;
    // the half-year shards' map was kept as written, its shards' words not even read.
    expect(readdirSync(`${cached}.cache/search-words`).sort()).toEqual([
      expect.stringMatching(/^recent-2025-02\.zh-cn_[0-9a-f]+\.rare\.json$/u),
      expect.stringMatching(/^recent-2025-02\.zh-cn_[0-9a-f]+\.words$/u),
    ]);
    expect(changes.written.filter((file) => file.startsWith('pagefind/words/'))).toEqual([]);
    expectSameAsCleanBuild('clean-after-new-page');
  });

  test('a reader walks calendar → edition → page bar → story → previous edition, with JavaScript off', async () => {
    const server = await serveStatic(cached);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/jhwb/`);
      await expect(page.locator('.paper-span').innerText()).resolves.toMatch(/2025年2月6日\s*至\s*2025年2月7日，共 2 期/u);
      await page.locator('.year-switcher a', { hasText: '2025年' }).click();
      await expect(page.locator('h1').innerText()).resolves.toContain('2025年往期');
      // February 2025: the 6th and 7th are linked, the 8th is greyed.
      await expect(page.locator('#d2025-02-08 a').count()).resolves.toBe(0);
      await page.locator('#d2025-02-07 a').click();
      expect(new URL(page.url()).pathname).toBe('/jhwb/2025-02-07/');
      await expect(page.locator('h1').innerText()).resolves.toContain('星期五');
      await expect(page.locator('.edition-counts').innerText()).resolves.toMatch(/本期 1 版 \d+ 篇/u);
      await page.locator('.page-bar a').first().click();
      expect(new URL(page.url()).pathname).toBe('/jhwb/2025-02-07/page-1/');
      await page.locator('.item-list .item-headline a').first().click();
      expect(new URL(page.url()).pathname).toMatch(/^\/jhwb\/2025-02-07\/[^/]+\/$/u);
      await page.locator('.edition-nav a[rel=prev]').click();
      expect(new URL(page.url()).pathname).toBe('/jhwb/2025-02-06/');
      await expect(page.locator('.edition-nav a[rel=next]').getAttribute('href')).resolves.toBe('/jhwb/2025-02-07/');
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('a page missing from the last output is rendered again although its key is unchanged', () => {
    rmSync(join(cached, EDITED_STORY));
    expect(build(cached).rendered).toContain(`/${EDITED_STORY}`);
    expect(existsSync(join(cached, EDITED_STORY))).toBe(true);
  });

  test('after a page is removed, its pages and folders are gone and the site equals a clean build', () => {
    revertAddedPage(addedPage('2025-02-07'));
    expect(build(cached).mode).toBe('incremental');
    expect(existsSync(join(cached, 'jhwb/2025-02-07'))).toBe(false);
    expect(lastChanges().removed).toContain('jhwb/2025-02-07/index.html');
    expectSameAsCleanBuild('clean-after-removal');
  });

  test('a page of a new month starts a shard of its own and leaves the month before as written; a new half-year puts the one before into its papers’ shards', () => {
    const shards = (): string[] =>
      readdirSync(join(cached, 'pagefind'), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() && /\d$/u.test(e.name) ? [e.name] : [],
      );
    const touched = (shard: string): boolean =>
      [...lastChanges().written, ...lastChanges().removed].some((file) => file.startsWith(`pagefind/${shard}/`));
    const next = addJhwbPage('2025-03-01');
    expect(build(cached).mode).toBe('incremental');
    expect(shards().sort()).toEqual(['ntrb-2024h1', 'recent-2025-02', 'recent-2025-03']);
    expect(touched('recent-2025-02')).toBe(false);
    expect(touched('ntrb-2024h1')).toBe(false);
    expect(touched('recent-2025-03')).toBe(true);
    expectSameAsCleanBuild('clean-after-new-month');
    const nextHalf = addJhwbPage('2025-07-01', '晚报消息');
    expect(build(cached).mode).toBe('incremental');
    expect(shards().sort()).toEqual(['jhwb-2025h1', 'ntrb-2024h1', 'recent-2025-07']);
    expect(lastChanges().removed.some((file) => file.startsWith('pagefind/recent-2025-02/'))).toBe(true);
    expect(touched('ntrb-2024h1')).toBe(false);
    expectSameAsCleanBuild('clean-after-new-half-year');
    revertAddedPage(nextHalf);
    expect(build(cached).mode).toBe('incremental');
    expect(shards().sort()).toEqual(['ntrb-2024h1', 'recent-2025-02', 'recent-2025-03']);
    revertAddedPage(next);
    expect(build(cached).mode).toBe('incremental');
    expect(shards().sort()).toEqual(['ntrb-2024h1', 'recent-2025-02']);
    expectSameAsCleanBuild('clean-after-new-month-removed');
  });

  test('a change of the site settings (its public address) renders everything afresh', () => {
    expect(build(cached, { SITE_URL: 'https://example.org' }).mode).toBe('full');
    expect(readFileSync(join(cached, EDITED_STORY), 'utf8')).toContain('https://example.org/ntrb/2024-01-24/');
  });
});
