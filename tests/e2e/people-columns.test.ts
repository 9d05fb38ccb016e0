import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { fetchArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { useBrowser } from '../support/browser.ts';

/**
 * People and columns in Chromium. What each page must list is computed here
 * from the bulk data (/api/), not by the site's own grouping code.
 */

const site = inject('siteUrl');
const browser = useBrowser();
const STORY = '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/';
const DATELINE_STORY = '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/';
const PHOTO = '/ntrb/2024-01-24/tu-pian-22-ri-nan-tong-liang-you/';
let articles: ApiArticle[];

beforeAll(async () => {
  articles = await fetchArticles(site);
});

/** Every name of a byline, 电头 or credit in the bulk data. */
const allNames = (): string[] => [...new Set(articles.flatMap((a) => [...a.bylines, ...a.credits]))].sort();

/** A column label's name: the label without a year line. */
const columnOf = (label: string | null): string | null => label?.replace(/\s*\d{4}年?$/u, '') ?? null;

/** Opens a fresh page at a site path, failing on a non-200 answer. */
async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser().newContext(options);
  const page = await context.newPage();
  const visit = await page.goto(`${site}${path}`);
  expect(visit?.status(), path).toBe(200);
  return page;
}

/** The story links a list page shows, as site paths, sorted. */
async function listedStories(page: Page): Promise<string[]> {
  const hrefs = await page.locator('.dated-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.sort();
}

const personPage = (name: string): string => `/people/${encodeURIComponent(name)}/`;

describe('people', () => {
  test('each person page lists exactly the stories whose bylines or credits hold the name, newest first', async () => {
    expect(allNames().length).toBeGreaterThan(5);
    for (const name of allNames()) {
      const page = await open(personPage(name));
      const expected = articles.filter((a) => a.bylines.includes(name) || a.credits.includes(name));
      await expect(page.locator('h1').innerText()).resolves.toBe(name);
      expect(await listedStories(page), name).toEqual(expected.map((a) => a.url).sort());
      const dates = await page.locator('.dated-where time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
      expect(dates).toEqual([...dates].sort().reverse());
      // Every other name of those stories is linked as a co-author.
      const others = [...new Set(expected.flatMap((a) => [...a.bylines, ...a.credits]).filter((n) => n !== name))].sort();
      const linked = await page.locator('.dated-with a').allInnerTexts();
      expect([...new Set(linked)].sort(), name).toEqual(others);
      await page.context().close();
    }
  });

  test('a reporter, an intern and a photographer are shown in their printed role', async () => {
    for (const [name, role] of [
      ['王玮丽', '记者'],
      ['陈少鹏', '实习生'],
      ['许丛军', '摄影'],
    ] as const) {
      const page = await open(personPage(name));
      await expect(page.locator('.dated-roles').first().innerText()).resolves.toBe(role);
      await page.context().close();
    }
  });

  test('the index lists every name once, each linking to its page', async () => {
    const page = await open('/people/');
    const names = await page.locator('.name-list a').allInnerTexts();
    expect([...names].sort()).toEqual(allNames());
    const hrefs = await page.locator('.name-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(names.map(personPage));
    await page.context().close();
  });

  test('a byline name on a story page leads to the person, and the byline reads exactly as printed', async () => {
    const page = await open(STORY);
    const story = articles.find((a) => a.url === STORY);
    await expect(page.locator('.byline').innerText()).resolves.toBe(story?.byline);
    await page.locator('.byline').getByRole('link', { name: '王玮丽' }).click();
    await page.waitForURL(`${site}${personPage('王玮丽')}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('王玮丽');
    expect(await listedStories(page)).toContain(STORY);
    await page.context().close();
  });

  test('names in a 电头 and in a photo credit are linked too, their text unchanged', async () => {
    const withDateline = await open(DATELINE_STORY);
    const dateline = articles.find((a) => a.url === DATELINE_STORY)?.dateline ?? '';
    await expect(withDateline.locator('.dateline').innerText()).resolves.toBe(dateline);
    expect(await withDateline.locator('.dateline a').allInnerTexts()).toEqual(['彭军君', '陈少鹏']);
    await withDateline.locator('.dateline').getByRole('link', { name: '陈少鹏' }).click();
    await withDateline.waitForURL(`${site}${personPage('陈少鹏')}`);
    await withDateline.context().close();
    const photo = await open(PHOTO);
    await expect(photo.locator('.credit').innerText()).resolves.toContain(articles.find((a) => a.url === PHOTO)?.credit ?? '?');
    await photo.locator('.credit').getByRole('link', { name: '许丛军' }).click();
    await photo.waitForURL(`${site}${personPage('许丛军')}`);
    expect(await listedStories(photo)).toEqual([PHOTO]);
    await photo.context().close();
  });
});

describe('columns', () => {
  test('each column page lists exactly its stories, and the story page links its label there', async () => {
    const columns = [...new Set(articles.map((a) => columnOf(a.column)).filter((c): c is string => c !== null))];
    expect(columns).toEqual(['直通省两会']);
    for (const column of columns) {
      const page = await open(`/columns/${encodeURIComponent(column)}/`);
      const expected = articles.filter((a) => columnOf(a.column) === column).map((a) => a.url);
      expect(await listedStories(page)).toEqual(expected.sort());
      await page.context().close();
    }
    const page = await open(STORY);
    await page.locator('.column-label a').click();
    await page.waitForURL(`${site}/columns/${encodeURIComponent('直通省两会')}/`);
    expect(await listedStories(page)).toContain(STORY);
    await page.context().close();
  });

  test('the index lists every column', async () => {
    const page = await open('/columns/');
    await expect(page.locator('.name-list a').allInnerTexts()).resolves.toEqual(['直通省两会']);
    await page.context().close();
  });
});

describe('people and column pages', () => {
  const PAGES = ['/people/', personPage('王玮丽'), '/columns/', `/columns/${encodeURIComponent('直通省两会')}/`];

  test('are reached by following links from the home page', async () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    // Breadth first over the site's own HTML pages, as a reader or a crawler with no JavaScript would.
    while (queue.length > 0) {
      const path = queue.shift() ?? '/';
      const response = await fetch(`${site}${path}`);
      if (!(response.headers.get('content-type') ?? '').includes('html')) continue;
      for (const match of (await response.text()).matchAll(/\shref="(\/[^"#?]*)/gu)) {
        const next = match[1] ?? '';
        if (!seen.has(next) && (next.endsWith('/') || next.endsWith('.html'))) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const path of [...PAGES, ...allNames().map(personPage)]) expect(seen, path).toContain(path);
  });

  test.each(PAGES)('%s has no axe violations in light and dark mode', async (path) => {
    const page = await open(path);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
    }
    await page.context().close();
  });

  test('work with JavaScript off: from the index to a person and on to a story', async () => {
    const page = await open('/people/', { javaScriptEnabled: false });
    await page.locator('.name-list').getByRole('link', { name: '许丛军' }).click();
    await page.waitForURL(`${site}${personPage('许丛军')}`);
    await page.locator('.dated-title a').first().click();
    await page.waitForURL(`${site}${PHOTO}`);
    await page.context().close();
  });

  test('screenshots of a person and a column, phone and desktop, light and dark', async () => {
    mkdirSync('test-results', { recursive: true });
    for (const [label, path] of [
      ['person', personPage('王玮丽')],
      ['column', `/columns/${encodeURIComponent('直通省两会')}/`],
      ['people', '/people/'],
    ] as const) {
      for (const [width, height] of [
        [390, 844],
        [1280, 900],
      ] as const) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser().newContext({ viewport: { width, height }, colorScheme });
          const page = await context.newPage();
          await page.goto(`${site}${path}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `test-results/${label}-${width}x${height}-${colorScheme}.png`, fullPage: true });
          await context.close();
        }
      }
    }
  });
});
