import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { foldString } from '../../src/archive/fold-text.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { columnName } from '../../src/data/column-name.ts';
import { readPageMeta } from '../../src/search/pagefind/page-record.ts';
import { shardSearch } from '../../src/search/pagefind/shard-search.ts';
import { SEARCH_LANGUAGE } from '../../src/site/settings.ts';
import { charWord } from '../../src/search/pagefind/tokens.ts';
import { fetchArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { useBrowser } from '../support/browser.ts';
import { expectedUrls as expectedFor, markedTerms, SEARCH_QUERIES } from '../../src/tools/search-queries.ts';

const site = inject('siteUrl');
const table = traditionalToSimplified();
const browser = useBrowser();
let page: Page;
let articles: ApiArticle[];
const expectedUrls = (query: string): string[] => expectedFor(articles, query, table);

/** Waits for the status line to report a finished search. */
async function waitForAnswer(on: Page): Promise<string> {
  await on.waitForFunction(() => /^(找到|没有)/u.test(document.querySelector('#search-status')?.textContent ?? ''));
  return on.locator('#search-status').innerText();
}

/** Result links without their ?highlight and #section. */
async function resultUrls(on: Page): Promise<string[]> {
  const hrefs = await on
    .locator('ol[aria-label="搜索结果"] > li h2 a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return hrefs.sort();
}

beforeAll(async () => {
  page = await browser().newPage();
  articles = await fetchArticles(site);
});

describe('search page', () => {
  test.each(SEARCH_QUERIES)('$q ($note) finds exactly the items holding every term', async ({ q, expect: literal }) => {
    await page.goto(`${site}/search/?q=${encodeURIComponent(q)}`);
    const status = await waitForAnswer(page);
    const found = await resultUrls(page);
    const expected = expectedUrls(q);
    expect(found).toEqual(expected);
    if (literal) expect(found).toEqual(literal.map((slug) => articles.find((a) => a.url.includes(`/${slug}/`))?.url).sort());
    expect(status).toContain(expected.length > 0 ? `找到 ${expected.length} 篇` : '没有找到');
    const terms = markedTerms(q, table);
    const marks = await page.locator('ol[aria-label="搜索结果"] mark').allInnerTexts();
    if (expected.length > 0) expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(terms, mark).toContain(foldString(mark, table));
  });

  test('a paper the archive does not hold is named as unknown and the search runs over every paper', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&paper=nosuchpaper`);
    await page.waitForFunction(() => /找到/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#search-status').innerText()).toMatch(/^没有报纸“nosuchpaper”这一筛选项，已按不限查找。/u);
    expect((await resultUrls(page)).length).toBeGreaterThan(0);
    expect(await page.locator('#search-paper').inputValue()).toBe('');
  });

  test('ranks headline matches first', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('长江口')}`);
    await waitForAnswer(page);
    const first = await page.locator('ol[aria-label="搜索结果"] > li h2 a').first().getAttribute('href');
    expect(first).toMatch(/^\/ntrb\/2024-01-24\/chao-qi-chang-jiang-kou-qiang-zhua-ji\//u);
  });

  test('filters by paper, kind and year and sorts by date', async () => {
    // Both seed pages' stories say 南通; the jhwb page is in the recent shard,
    // which a search for either paper asks, filtered by paper.
    for (const paper of ['jhwb', 'ntrb']) {
      await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&paper=${paper}`);
      await waitForAnswer(page);
      const urls = await resultUrls(page);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(url.startsWith(`/${paper}/`), url).toBe(true);
    }
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&kind=photo`);
    await waitForAnswer(page);
    expect(await resultUrls(page)).toEqual(['/ntrb/2024-01-24/tu-pian-22-ri-nan-tong-liang-you/']);
    // A column, by the name its page has (its label without the year line): exactly its stories.
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&column=${encodeURIComponent('直通省两会')}`);
    await waitForAnswer(page);
    const inColumn = new Set(articles.filter((a) => columnName(a.column) === '直通省两会').map((a) => a.url));
    const columnAnswer = expectedUrls('南通').filter((url) => inColumn.has(url));
    expect(columnAnswer.length).toBeGreaterThan(0);
    expect(columnAnswer.length).toBeLessThan(expectedUrls('南通').length);
    expect(await resultUrls(page)).toEqual(columnAnswer);
    expect(await page.locator('#search-column').inputValue()).toBe('直通省两会');
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&from=2025`);
    await waitForAnswer(page);
    expect((await resultUrls(page)).length).toBeGreaterThan(0);
    for (const url of await resultUrls(page)) expect(url).toMatch(/\/2025-/u);
    // Days: exactly the stories of the days asked, the form showing them; a span with no edition finds nothing.
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&from=2024-01-24&to=2024-01-24`);
    await waitForAnswer(page);
    expect(await resultUrls(page)).toEqual(expectedUrls('南通').filter((url) => url.includes('/2024-01-24/')));
    expect(await page.locator('#search-from').inputValue()).toBe('2024-01-24');
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&from=2024-01-25&to=2025-02-05`);
    expect(await waitForAnswer(page)).toContain('没有找到');
    // A year in an old link is read as its first day (from) or last day (to).
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&to=2024`);
    await waitForAnswer(page);
    expect(await page.locator('#search-to').inputValue()).toBe('2024-12-31');
    expect(await resultUrls(page)).toEqual(expectedUrls('南通').filter((url) => url.includes('/2024-')));
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}&sort=oldest`);
    await waitForAnswer(page);
    const dates = await page
      .locator('ol[aria-label="搜索结果"] .search-source time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort());
    await expect(page.locator('ol[aria-label="搜索结果"] .search-source').first().innerText()).resolves.toMatch(
      /\d{4}年\d{1,2}月\d{1,2}日/u,
    );
  });

  test('a complete answer gives the count of each paper and kind in the filters, and a narrowed filter is not counted', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}`);
    await waitForAnswer(page);
    const expected = expectedUrls('南通').map((url) => articles.find((a) => a.url === url));
    const options = async (name: string): Promise<string[]> => page.locator(`#search-${name} option`).allTextContents();
    const count = (field: 'paper' | 'kind', value: string): number => expected.filter((a) => a?.[field] === value).length;
    expect(await options('paper')).toEqual(['全部', `江海晚报（${count('paper', 'jhwb')}）`, `南通日报（${count('paper', 'ntrb')}）`]);
    expect(await options('kind')).toEqual([
      '全部',
      `报道（${count('kind', 'story')}）`,
      `转版（${count('kind', 'jump')}）`,
      `图片（${count('kind', 'photo')}）`,
    ]);
    await page.locator('#search-paper').selectOption('ntrb');
    await expect.poll(() => options('paper')).toEqual(['全部', '江海晚报', '南通日报']);
  });

  test('a result names its paper, date and page as the story page does, and none where the page is unknown', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('长江口')}`);
    await waitForAnswer(page);
    const lines = await page
      .locator('ol[aria-label="搜索结果"] > li')
      .evaluateAll((items) =>
        items.map((li) => [
          li.querySelector('h2 a')?.getAttribute('href')?.split('?')[0] ?? '',
          li.querySelector('.search-source')?.textContent ?? '',
        ]),
      );
    expect(lines).toHaveLength(2);
    for (const [url = '', line] of lines) {
      const article = articles.find((a) => a.url === url);
      const printed = article?.page ? ` · ${article.page}版${article.pageName ? ` ${article.pageName}` : ''} · ` : ' · 报道';
      expect(line, url).toContain(printed);
    }
    // The seed 南通日报 page prints 第A2版 看南通.
    expect(lines.map(([, line]) => line)).toContain('南通日报 · 2024年1月24日 · A2版 看南通 · 报道');
  });

  test('marks a title the site made up 本站拟题, as the story page does, and no printed headline', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('南通')}`);
    await waitForAnswer(page);
    const shown = await page
      .locator('ol[aria-label="搜索结果"] > li h2')
      .evaluateAll((headings) =>
        headings.map(
          (h2) =>
            [
              h2.querySelector('a')?.pathname ?? '',
              h2.querySelector('.added-label')?.textContent ?? null,
              h2.querySelector('a')?.textContent ?? '',
            ] as const,
        ),
      );
    expect(shown.some(([, label]) => label !== null)).toBe(true);
    for (const [url, label, title] of shown) {
      const article = articles.find((a) => a.url === url);
      expect(label, url ?? '').toBe(article?.title.added ? '本站拟题' : null);
      expect(title, url ?? '').toBe(article?.title.text);
    }
    const [photo = ''] = shown.find(([, label]) => label !== null) ?? [];
    await page.goto(`${site}${photo}`);
    expect(await page.locator('h1 .added-label').innerText()).toBe('本站拟题');
  });

  test('links a hit under a subhead to that subhead', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('跨江融合')}`);
    await waitForAnswer(page);
    const hrefs = await page
      .locator('ol[aria-label="搜索结果"] > li h2 a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash));
    expect(hrefs.some((hash) => hash.length > 1)).toBe(true);
  });

  test('works from the keyboard and keeps the query in history', async () => {
    const keyboard = await browser().newPage();
    await keyboard.goto(`${site}/search/`);
    await keyboard.keyboard.press('Tab');
    await keyboard.locator('#search-q').focus();
    await keyboard.keyboard.type('许昆林');
    await keyboard.keyboard.press('Enter');
    await waitForAnswer(keyboard);
    expect(new URL(keyboard.url()).searchParams.get('q')).toBe('许昆林');
    await keyboard.locator('#search-q').fill('长江三角洲');
    await keyboard.keyboard.press('Enter');
    expect(await waitForAnswer(keyboard)).toContain('没有找到');
    await keyboard.goBack();
    await keyboard.waitForFunction(() => (document.querySelector('#search-q') as HTMLInputElement).value === '许昆林');
    expect(await waitForAnswer(keyboard)).toContain('找到 2 篇');
    await keyboard.keyboard.press('Tab');
    expect(await keyboard.evaluate(() => document.activeElement?.tagName)).toBeTruthy();
    await keyboard.close();
  });

  test('reads each candidate printed page of the served index with its stories', async () => {
    // The reader of the search worker, fetching the files as the site serves them.
    const shards = JSON.parse(
      (await page.goto(`${site}/search/`), await page.locator('#search-form').getAttribute('data-shards')) ?? '[]',
    ) as {
      id: string;
    }[];
    const load = async (path: string): Promise<Uint8Array> => new Uint8Array(await (await fetch(`${site}${path}`)).arrayBuffer());
    const results = await shardSearch(SEARCH_LANGUAGE, load).search(
      shards.map(({ id }) => id),
      [charWord('长')],
      {},
      'score',
    );
    const pages = await Promise.all(results.map((result) => result.data()));
    expect(pages.length).toBe(shards.length);
    for (const data of pages) {
      expect(data.url).toMatch(/\/source\/[^/]+\/$/u);
      expect(readPageMeta(data.meta['stories'] ?? '').length).toBeGreaterThan(0);
    }
  });

  test('reads the index in a worker, with no script or wasm of Pagefind: the page itself loads none of the index', async () => {
    const fresh = await browser().newPage();
    try {
      await fresh.goto(`${site}/search/?q=${encodeURIComponent('许昆林')}`);
      expect(await waitForAnswer(fresh)).toContain('找到 2 篇');
      const loaded = (from: Pick<Page, 'evaluate'>): Promise<string[]> =>
        from.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
      const [worker] = fresh.workers();
      expect(worker?.url()).toMatch(/\/_astro\/search-worker[.-][\w-]+\.js$/u);
      const inWorker = await loaded(worker as NonNullable<typeof worker>);
      // The newest month from its shard's index; then the word maps, which list the older page printing 许昆林, so that shard's index is not read.
      expect(inWorker.filter((path) => path.endsWith('.pf_meta'))).toEqual([expect.stringMatching(/^\/pagefind\/recent-2025-02\//u)]);
      expect(inWorker.some((path) => path.endsWith('.pf_index'))).toBe(true);
      expect(inWorker.some((path) => /^\/pagefind\/words\/index\/.*\.pf_words$/u.test(path))).toBe(true);
      expect(inWorker.some((path) => /^\/pagefind\/ntrb-2024h1\/fragment\//u.test(path))).toBe(true);
      expect(inWorker.filter((path) => /\/pagefind\/.*\.(js|pagefind)$/u.test(path))).toEqual([]);
      expect((await loaded(fresh)).filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test('says the search failed when its worker cannot load, and searches again once it can', async () => {
    const fresh = await browser().newPage();
    try {
      await fresh.route(/\/_astro\/search-worker[.-]/u, (route) => route.abort());
      await fresh.goto(`${site}/search/?q=${encodeURIComponent('许昆林')}`);
      await fresh.waitForFunction(() => document.querySelector('#search-status')?.textContent === '搜索出错，请稍后再试。');
      await fresh.unroute(/\/_astro\/search-worker[.-]/u);
      await fresh.locator('#search-q').fill('长江口');
      await fresh.locator('#search-q').press('Enter');
      expect(await waitForAnswer(fresh)).toContain(`找到 ${expectedUrls('长江口').length} 篇`);
    } finally {
      await fresh.close();
    }
  });

  test('a search that finds nothing says so, shows the query as compared, counts each word alone and offers dropping a filter', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('長江三角洲 南通')}&paper=ntrb`);
    expect(await waitForAnswer(page)).toBe('没有找到包含“長江三角洲”、“南通”的文章。');
    expect(await page.locator('#search-timeline').isHidden()).toBe(true);
    const help = page.locator('#search-none');
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.locator('q').innerText()).toBe('长江三角洲 南通');
    // Each word alone, under the same filter: the truth from the bulk data, counted in full on the seed archive.
    const alone = expectedUrls('南通').filter((url) => url.startsWith('/ntrb/')).length;
    await expect.poll(() => help.innerText()).toContain(`逐个词查：長江三角洲（0 篇）、南通（${alone} 篇）`);
    const wordLink = help.getByRole('link', { name: '南通', exact: true });
    expect(new URL((await wordLink.getAttribute('href')) ?? '', site).search).toBe(`?q=${encodeURIComponent('南通')}&paper=ntrb`);
    await help.getByRole('link', { name: '不限报纸' }).click();
    expect(await waitForAnswer(page)).toBe('没有找到包含“長江三角洲”、“南通”的文章。');
    expect(new URL(page.url()).searchParams.get('paper')).toBeNull();
    await expect.poll(() => help.innerText()).toContain(`南通（${expectedUrls('南通').length} 篇）`);
    expect(await help.innerText()).not.toContain('去掉筛选');
  });

  test('announces the count in a live region', async () => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('许昆林')}`);
    await waitForAnswer(page);
    expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
  });
});
