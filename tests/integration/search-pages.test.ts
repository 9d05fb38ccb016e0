import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../../src/tools/static-server.ts';
import { buildGeneratedSite, type GeneratedSite } from '../support/generated-site.ts';
import { readArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { expectedUrls } from '../../src/tools/search-queries.ts';

// A generated archive large enough that a common word has more results than
// one page holds, and spread over two years so the search asks them in turn,
// with one real page of 南通日报 (2024-07-24, A02, from its e-paper; see the
// fixture's .yml) months before the rest: the only page printing 濠河.
const browser = useBrowser();
/** How long a search may take on a loaded two-core machine (vitest's default poll gives up after one second). */
const SEARCH_WAIT = 15_000;
let site: GeneratedSite;
let server: StaticServer;
const REAL_PAGES = join(import.meta.dirname, '../fixtures/real-pages/pages');
const table = traditionalToSimplified();
let articles: ApiArticle[];

beforeAll(async () => {
  site = buildGeneratedSite({ stories: 400, seed: 7, start: '2024-12-30' }, (content) => {
    const real = join(content, 'pages/ntrb/2024-07-24');
    mkdirSync(real, { recursive: true });
    cpSync(join(REAL_PAGES, 'ntrb/2024-07-24'), real, { recursive: true });
  });
  server = await serveStatic(site.out);
  articles = readArticles(site.out);
});
afterAll(async () => {
  await server.close();
  rmSync(site.work, { recursive: true, force: true });
});

describe('a search with more results than a page', () => {
  test('shows a first page of checked results, says it is not finished, and 继续查找 adds the next ones', async () => {
    const page = await browser().newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('南通')}`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: SEARCH_WAIT }).toMatch(/^已列出 \d+ 篇包含“南通”的文章（全部约 \d+ 篇/u);
    const links = page.locator('ol[aria-label="搜索结果"] > li h2 a');
    const first = await links.count();
    expect(first).toBeGreaterThanOrEqual(10);
    // Newest year first: the first page holds only 2025 stories.
    const firstUrls = await links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname));
    expect(firstUrls.every((url) => /\/2025-/u.test(url))).toBe(true);

    await page.getByRole('button', { name: '继续查找' }).click();
    await expect.poll(() => links.count(), { timeout: SEARCH_WAIT }).toBeGreaterThan(first);
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname);
    const all = await links.evaluateAll((each) => each.map((a) => (a as HTMLAnchorElement).pathname));
    expect(focused).toBe(all[first]);
    expect(new Set(all).size).toBe(all.length);
    // Every result shows the term marked.
    const marks = await page.locator('ol[aria-label="搜索结果"] mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(all.length);
    expect(new Set(marks)).toEqual(new Set(['南通']));
    await page.close();
  });
});

/** The timeline's bars as the reader reads them: span → count. */
async function timelineBars(page: Page): Promise<Map<string, string>> {
  const bars = await page
    .locator('#search-timeline-bars a')
    .evaluateAll((links) =>
      links.map((a) => [a.querySelector('.timeline-span')?.textContent ?? '', a.querySelector('.timeline-count')?.textContent ?? '']),
    );
  return new Map(bars.map(([span = '', count = '']) => [span, count]));
}

/** A 3-character term of the archive's text held by a few stories in more than one month: small enough to count. */
function countableTerm(): { q: string; urls: string[] } {
  const seen = new Set<string>();
  for (const article of articles)
    for (const paragraph of article.paragraphs)
      for (let at = 0; at + 3 <= paragraph.length; at += 1) {
        const q = paragraph.slice(at, at + 3);
        if (seen.has(q) || !/^\p{Script=Han}{3}$/u.test(q)) continue;
        seen.add(q);
        const urls = expectedUrls(articles, q, table);
        const months = new Set(urls.map((url) => url.split('/')[2]?.slice(0, 7)));
        if (urls.length >= 4 && urls.length <= 9 && months.size >= 2) return { q, urls };
      }
  throw new Error('no countable term in the generated archive');
}

describe('a search over the whole archive', () => {
  test('lists a word printed only in the oldest year with no click', async () => {
    const page = await browser().newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('濠河')}`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: SEARCH_WAIT }).toBe('找到 1 篇包含“濠河”的文章。');
    const urls = await page
      .locator('ol[aria-label="搜索结果"] > li h2 a')
      .evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname));
    expect(urls).toEqual(expectedUrls(articles, '濠河', table));
    expect(urls[0]).toMatch(/^\/ntrb\/2024-07-24\//u);
    await page.close();
  });

  test('draws a timeline whose counts, month by month, are the stories holding the query', async () => {
    const { q, urls } = countableTerm();
    const page = await browser().newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: SEARCH_WAIT })
      .toBe(`找到 ${urls.length} 篇包含“${q}”的文章。`);
    const perMonth = new Map<string, number>();
    for (const url of urls) {
      const month = url.split('/')[2]?.slice(0, 7) ?? '';
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    const shown = await timelineBars(page);
    for (const [month, count] of perMonth) {
      const [year, m] = month.split('-');
      expect(shown.get(`${year}年${Number(m)}月`), month).toBe(`${count} 篇`);
    }
    expect([...shown.values()].filter((count) => count !== '0 篇')).toHaveLength(perMonth.size);

    // A bar narrows the search to its month: the address says so, the results follow.
    const [month = '', count = 0] = [...perMonth.entries()][0] ?? [];
    const [year, m] = month.split('-');
    await page.locator('#search-timeline-bars a', { hasText: `${year}年${Number(m)}月` }).click();
    await expect.poll(() => page.url(), { timeout: SEARCH_WAIT }).toContain(`from=${month}-01`);
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: SEARCH_WAIT })
      .toBe(`找到 ${count} 篇包含“${q}”的文章。`);
    const narrowed = await page
      .locator('ol[aria-label="搜索结果"] > li h2 a')
      .evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname));
    expect(narrowed.sort()).toEqual(urls.filter((url) => url.includes(`/${month}-`)));
    await page.close();
  });

  test('停止 ends a search going on by itself and keeps what it found', async () => {
    const page = await browser().newPage();
    // Hold the older half-year's index so the search is still going when the reader stops it.
    await page.route(/\/pagefind\/[a-z]+-2024h2\//u, async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('南通')}`);
    const stop = page.getByRole('button', { name: '停止' });
    await stop.click({ timeout: SEARCH_WAIT });
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: SEARCH_WAIT }).toMatch(/^已停止。已列出 \d+ 篇包含“南通”的文章/u);
    expect(await stop.isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: '继续查找' }).isVisible()).toBe(true);
    expect(await page.locator('ol[aria-label="搜索结果"] > li').count()).toBeGreaterThan(0);
    await page.close();
  });
});
