import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { correctionYaml } from '../../src/archive/describe-parse.ts';
import { editionMetaSchema } from '../../src/archive/edition-meta.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import { readYaml } from '../../src/archive/read-yaml.ts';
import { sourceLines } from '../../src/archive/source-lines.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { PROJECT } from '../support/build-command.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

/**
 * The parse review (src/review/): on `astro dev`, /review/ lists the raw
 * pages of the archive folder and /review/<page>/ shows one beside its parse.
 * No build holds it.
 */

const CONTENT = join(PROJECT, 'content');
const SEED = 'ntrb/2024-01-24/004_ca8fbf74e0fa523e';
/** A real page of the corpus whose parse has a note (a 副题 with no dash before it). */
const NOTED_FIXTURE = 'bzrb/2022-12-28/bzrb-20221228-01';
const browser = useBrowser();

/** A page's notes as the parser makes them (with its .yml's corrections), and the correction of each as the .yml would hold it. */
function parserNotes(contentDir: string, slug: string): { line: number; message: string; correction: string | null }[] {
  const txt = join(contentDir, 'pages', `${slug}.txt`);
  const yml = txt.replace(/\.txt$/u, '.yml');
  const corrections = readYaml(yml, readFileSync(yml, 'utf8'), editionMetaSchema).data?.corrections ?? [];
  const parsed = parsePage(readFileSync(txt, 'utf8'), corrections);
  return [...parsed.notes, ...parsed.items.flatMap((i) => i.notes)].map((n) => ({
    line: n.line,
    message: n.message,
    correction: n.fix ? correctionYaml(n.fix) : null,
  }));
}

/** Every raw page of a content folder, as slugs. */
const slugsOf = (contentDir: string): string[] =>
  readdirSync(join(contentDir, 'pages'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/u, ''));

/** Opens a fresh page at a path of the dev server, failing on any answer but `status`. */
async function open(dev: DevServer, path: string, status = 200): Promise<Page> {
  const page = await browser().newPage();
  const visit = await page.goto(`${dev.url}${path}`);
  expect(visit?.status(), `${path}\n${dev.output()}`).toBe(status);
  return page;
}

/**
 * Lets a fresh dev server settle: Vite optimises the dependencies of the
 * first page it serves and then reloads that page in the browser, which
 * would cut a test's page from under it. One visit, given time to reload,
 * leaves later pages alone.
 */
async function settle(dev: DevServer, path: string): Promise<void> {
  const page = await browser().newPage();
  await page.goto(`${dev.url}${path}`);
  await page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 10_000 }).catch(() => undefined);
  await page.waitForLoadState('load');
  await page.close();
}

/** Checks that each note is shown beside its line with its correction, exactly as the parser gives them. */
async function expectNotesBesideLines(page: Page, notes: ReturnType<typeof parserNotes>): Promise<void> {
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes) {
    const beside = page.locator(`#L${note.line} .line-note`);
    await expect(beside.locator('.note-message').innerText()).resolves.toContain(note.message);
    if (note.correction === null) continue;
    expect(note.correction).toMatch(new RegExp(`^- \\{ line: ${note.line}, text: ".+", (?:role|break): "?\\w+"? \\}$`, 'u'));
    await expect(beside.locator('code.correction').innerText()).resolves.toBe(note.correction);
  }
}

describe('the parse review on `astro dev`, reading content/', () => {
  let dev: DevServer;
  beforeAll(async () => {
    dev = await startDevServer({ ARCHIVE_CONTENT_DIR: undefined });
    await settle(dev, `/review/${SEED}/`);
  });
  afterAll(async () => {
    await dev?.stop();
  });

  test('lists every raw page of content/, newest first, each with its note count', async () => {
    const page = await open(dev, '/review/');
    const rows = page.locator('table.review-index tbody tr');
    const slugs = slugsOf(CONTENT);
    await expect(rows.count()).resolves.toBe(slugs.length);
    const dates = await rows.locator('td:nth-child(1)').allInnerTexts();
    expect(dates).toEqual([...dates].sort().reverse());
    for (const slug of slugs) {
      const row = rows.filter({ has: page.locator(`a[href="/review/${slug}/"]`) });
      await expect(row.locator('td:nth-child(6)').innerText()).resolves.toBe(String(parserNotes(CONTENT, slug).length));
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('numbers every raw line of the seed page, colours it by its role and boxes each item', async () => {
    const page = await open(dev, '/review/');
    await page.getByRole('link', { name: `content/pages/${SEED}.txt` }).click();
    await page.waitForURL(`${dev.url}/review/${SEED}/`);
    const text = readFileSync(join(CONTENT, 'pages', `${SEED}.txt`), 'utf8');
    const count = sourceLines(text).length - (/\n$/u.test(text) ? 1 : 0);
    const numbers = await page.locator('.review-line .line-number').allInnerTexts();
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));

    const item2 = page.getByRole('region', { name: '2 稿件 第57–65行 市总工会举行劳模迎新活动' });
    await expect(item2.locator('#L57 .line-text').innerText()).resolves.toBe('分享工作经历 畅谈感受体会');
    await expect(item2.locator('#L57 .line-roles').innerText()).resolves.toBe('引题');
    await expect(item2.locator('#L57').getAttribute('class')).resolves.toContain('role-kicker');
    await expect(item2.locator('#L59 .line-roles').innerText()).resolves.toBe('主题');
    await expect(item2.locator('#L61 .line-roles').innerText()).resolves.toBe('电头 + 正文');
    await expect(page.locator('#item-1 #L57').count()).resolves.toBe(0);
    await expect(page.locator('#item-2 .review-line').first().getAttribute('id')).resolves.toBe('L57');
    await expect(page.locator('#item-2 .review-line').last().getAttribute('id')).resolves.toBe('L65');

    const legend = page.getByRole('region', { name: '图例' });
    await expect(legend.getByRole('listitem').allInnerTexts()).resolves.toContain('引题 kicker');
    await expect(legend.getByRole('listitem').count()).resolves.toBe(12);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('shows each note beside its line with the correction to paste, and copies it', async () => {
    const slug = slugsOf(CONTENT).find((s) => parserNotes(CONTENT, s).length > 0);
    expect(slug, 'a page of content/ with a note').toBeDefined();
    const notes = parserNotes(CONTENT, slug ?? '');
    const context = await browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: dev.url });
    const page = await context.newPage();
    await page.goto(`${dev.url}/review/${slug}/`);
    await expectNotesBesideLines(page, notes);
    const first = notes.find((n) => n.correction !== null);
    await page.getByRole('button', { name: `复制第${first?.line}行的更正` }).click();
    await page.locator(`#L${first?.line} .copy-status`).filter({ hasText: '已复制' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(first?.correction);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('works without JavaScript: the correction is text to select, and no copy button is offered', async () => {
    const slug = slugsOf(CONTENT).find((s) => parserNotes(CONTENT, s).length > 0) ?? '';
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${dev.url}/review/${slug}/`);
    await expectNotesBesideLines(page, parserNotes(CONTENT, slug));
    await expect(page.getByRole('button').count()).resolves.toBe(0);
    await context.close();
  });

  test('answers 404 for a page the archive does not hold, and never leaves pages/', async () => {
    for (const path of ['/review/ntrb/2024-01-24/no-such-page/', '/review/..%2F..%2Fpackage/']) {
      const page = await open(dev, path, 404);
      await page.close();
    }
  });
});

describe('the parse review of the archive folder the dev server reads (ARCHIVE_CONTENT_DIR)', () => {
  const fixtures = join(PROJECT, 'tests/fixtures/real-pages');
  const folder = mkdtempSync(join(tmpdir(), 'review-archive-'));
  let dev: DevServer;
  beforeAll(async () => {
    cpSync(join(fixtures, 'papers.yml'), join(folder, 'papers.yml'));
    for (const ext of ['.txt', '.yml']) {
      const to = join(folder, 'pages', `${NOTED_FIXTURE}${ext}`);
      mkdirSync(dirname(to), { recursive: true });
      cpSync(join(fixtures, 'pages', `${NOTED_FIXTURE}${ext}`), to);
    }
    dev = await startDevServer({ ARCHIVE_CONTENT_DIR: folder });
    await settle(dev, '/review/');
  });
  afterAll(async () => {
    await dev?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('lists the pages of that folder and shows their notes with their corrections', async () => {
    const page = await open(dev, '/review/');
    const links = page.locator('table.review-index tbody th a');
    await expect(links.allInnerTexts()).resolves.toEqual([join(folder, 'pages', `${NOTED_FIXTURE}.txt`)]);
    await links.first().click();
    await page.waitForURL(`${dev.url}/review/${NOTED_FIXTURE}/`);
    await expectNotesBesideLines(page, parserNotes(folder, NOTED_FIXTURE));
    await page.close();
  });
});

describe('the build', () => {
  test('holds no review route: the routes are injected by `astro dev` only', () => {
    const dist = join(PROJECT, 'dist');
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'review'))).toBe(false);
    const html = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const linking = html.filter((f) => readFileSync(join(dist, f), 'utf8').includes('/review/'));
    expect(linking.map((f) => relative(dist, join(dist, f)))).toEqual([]);
  });
});
