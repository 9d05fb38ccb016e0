import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../../src/tools/static-server.ts';
import { buildGeneratedSite, type GeneratedSite } from '../support/generated-site.ts';
import { readArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { expectedUrls } from '../../src/tools/search-queries.ts';
import { comparableLabel } from '../../src/archive/page-address.ts';
import { columnName } from '../../src/data/column-name.ts';
import { storyNames } from '../../src/data/people.ts';
import { answerValues } from '../../src/search/browser/answer-choices.ts';
import { aroundDays, SEARCH_FILTERS, type FilteredStory } from '../../src/search/shared/filters.ts';

// A generated archive of 1,500 stories over two half-years (late December
// 2024 and January 2025), where field and minus queries hold few of the
// stories on the pages Pagefind offers: the first page of results must still
// fill with no click, and its list is compared with the truth from the bulk data.
const browser = useBrowser();
/** How long a search may take on a loaded two-core machine. */
const SEARCH_WAIT = 30_000;
const table = traditionalToSimplified();
let site: GeneratedSite;
let server: StaticServer;
let articles: ApiArticle[];

beforeAll(async () => {
  site = buildGeneratedSite({ stories: 1500, seed: 3, start: '2024-12-24' });
  server = await serveStatic(site.out);
  articles = readArticles(site.out);
});
afterAll(async () => {
  await server?.close();
  rmSync(site.work, { recursive: true, force: true });
});

const truth = (q: string): string[] => expectedUrls(articles, q, table);

/** The name most bylines of the generated archive hold. */
function commonByline(): string {
  const counts = new Map<string, number>();
  for (const article of articles) for (const name of article.bylines) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

/** The stories of the bulk data as the search's filters read them: the column by its name, and the names of its people. */
const filtered = (article: ApiArticle): FilteredStory & ApiArticle => ({
  ...article,
  columnName: columnName(article.column),
  authors: storyNames(article),
});

/** What the page showed at one moment: the status line, the timeline (when shown), and the links and dates of the results listed. */
interface Snapshot {
  status: string;
  bars: { span: string; count: string }[];
  urls: string[];
  dates: string[];
}

/** A status line that answers the first page of results. */
const ANSWERED = /^(找到|没有|已列出)/u;

/**
 * Opens a search and records what the page shows at every change until the
 * first page of results is answered, then returns the records, the last
 * being that answer. The recorder runs in the page, so no state between two
 * checks is missed.
 */
async function openSearch(page: Page, q: string, filters = ''): Promise<Snapshot[]> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { snapshots: unknown[] }).snapshots = seen;
    const take = (): void => {
      const timeline = document.querySelector<HTMLElement>('#search-timeline');
      seen.push({
        status: document.querySelector('#search-status')?.textContent ?? '',
        bars:
          timeline && !timeline.hidden
            ? [...timeline.querySelectorAll('a')].map((a) => ({
                span: a.querySelector('.timeline-span')?.textContent ?? '',
                count: a.querySelector('.timeline-count')?.textContent ?? '',
              }))
            : [],
        urls: [...document.querySelectorAll('#search-results h2 a')].map((a) => (a as HTMLAnchorElement).pathname),
        dates: [...document.querySelectorAll('#search-results time')].map((time) => time.getAttribute('datetime') ?? ''),
      });
    };
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver(take).observe(document.querySelector('main') ?? document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
  });
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}${filters}`);
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: SEARCH_WAIT }).toMatch(ANSWERED);
  const snapshots = await page.evaluate(() => (window as unknown as { snapshots: Snapshot[] }).snapshots);
  const answered = snapshots.findIndex((snapshot) => ANSWERED.test(snapshot.status));
  expect(answered).toBeGreaterThanOrEqual(0);
  return snapshots.slice(0, answered + 1);
}

/** Result links, in the order listed. */
async function listed(page: Page): Promise<string[]> {
  return page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

/** Pages through 继续查找 until the answer is complete, and returns every result listed. */
async function listAll(page: Page): Promise<string[]> {
  const status = page.locator('#search-status');
  await expect.poll(() => status.textContent(), { timeout: SEARCH_WAIT }).toMatch(/^(找到|没有)|继续查找/u);
  while (/继续查找/u.test((await status.textContent()) ?? '')) {
    const before = (await listed(page)).length;
    await page.getByRole('button', { name: '继续查找' }).click();
    await expect.poll(async () => (await listed(page)).length, { timeout: SEARCH_WAIT }).toBeGreaterThan(before);
    await expect.poll(() => status.textContent(), { timeout: SEARCH_WAIT }).toMatch(/^(找到|没有)|继续查找/u);
  }
  return listed(page);
}

/** Checks that each result listed is marked 本站拟题 exactly when the bulk data says the site made its title up. */
async function expectAddedTitlesMarked(page: Page): Promise<void> {
  const shown = await page
    .locator('#search-results > li h2')
    .evaluateAll((headings) =>
      headings.map((h2) => [h2.querySelector('a')?.pathname ?? '', h2.querySelector('.added-label') !== null] as const),
    );
  for (const [url, marked] of shown) expect(marked, url).toBe(articles.find((article) => article.url === url)?.title.added);
}

/** The number a count label states (约 12 篇 → 12), or null for 尚未查完. */
function stated(label: string): number | null {
  const number = /(\d[\d,]*) 篇/u.exec(label)?.[1];
  return number === undefined ? null : Number(number.replace(/,/gu, ''));
}

/**
 * Checks every moment recorded: no count says 约 0 or 至少 0, and no figure,
 * the whole answer's or a year's, is below the results already listed in it.
 */
function expectHonestCounts(snapshots: Snapshot[]): void {
  expect(snapshots.length).toBeGreaterThan(0);
  for (const { status, bars, dates } of snapshots) {
    expect(status, status).not.toMatch(/约 0 篇|至少/u);
    const whole = /全部约 (\d+) 篇/u.exec(status)?.[1];
    if (whole !== undefined) expect(Number(whole), status).toBeGreaterThanOrEqual(dates.length);
    for (const bar of bars) {
      expect(bar.count, status).not.toMatch(/约 0 篇|至少/u);
      const year = /^(\d{4})年(?:(\d+)月)?$/u.exec(bar.span);
      const inSpan = dates.filter((date) => year && date.startsWith(year[2] ? `${year[1]}-${year[2].padStart(2, '0')}` : `${year[1]}`));
      const count = stated(bar.count);
      if (count !== null) expect(count, `${bar.span} ${bar.count}: ${status}`).toBeGreaterThanOrEqual(inSpan.length);
    }
  }
}

describe('field, minus and OR queries on a generated archive of 1,500 stories', () => {
  test.each([
    ['标题:长江口', 'a heading term whose trigram the body of most pages holds'],
    ['长江口 -协同区', 'a minus term'],
    ['标题:高质量 -南通', 'a heading term and a minus term, fewer than a page'],
    ['作者:', 'the most common byline name'],
    ['标题:长江口 | 标题:长三角 -南通', 'OR of two heading terms, and a minus term'],
    ['标题:长江口 OR 作者:', 'OR of a heading term and a byline name'],
  ])('%s (%s) fills its first page with no click, counts honestly, and pages to exactly the truth', async (asked) => {
    const q = asked.endsWith('作者:') ? `${asked}${commonByline()}` : asked;
    const expected = truth(q);
    // The archive is generated from a fixed seed; these are the shapes the test needs.
    expect(expected.length, q).toBeGreaterThan(q === '标题:高质量 -南通' ? 3 : 10);
    const page = await browser().newPage();
    try {
      const snapshots = await openSearch(page, q);
      const first = snapshots.at(-1)?.urls ?? [];
      expect(first.length, q).toBeGreaterThanOrEqual(Math.min(10, expected.length));
      if (expected.length <= 10) expect([...first].sort()).toEqual(expected);
      for (const url of first) expect(expected, url).toContain(url);
      expectHonestCounts(snapshots);
      const all = await listAll(page);
      expect([...all].sort()).toEqual(expected);
      await expectAddedTitlesMarked(page);
      expect(await page.locator('#search-status').textContent()).toContain(`找到 ${expected.length} 篇`);
      // The full pages of results stayed in place: the first page heads the list.
      expect(all.slice(0, first.length)).toEqual(first);
      expectHonestCounts(await page.evaluate(() => (window as unknown as { snapshots: Snapshot[] }).snapshots));
    } finally {
      await page.close();
    }
  });

  test('长江口 | 长三角 lists a first page of stories holding either, and counts more than either alone', async () => {
    const page = await browser().newPage();
    try {
      const snapshots = await openSearch(page, '长江口 | 长三角');
      const expected = truth('长江口 | 长三角');
      expect(expected.length).toBeGreaterThan(Math.max(truth('长江口').length, truth('长三角').length));
      const first = snapshots.at(-1)?.urls ?? [];
      expect(first.length).toBeGreaterThanOrEqual(10);
      for (const url of first) expect(expected, url).toContain(url);
      expect(new Set(first).size).toBe(first.length);
      expectHonestCounts(snapshots);
      expect(await page.locator('#search-status').textContent()).toContain('包含“长江口”或“长三角”');
      const marks = new Set(await page.locator('#search-results mark').allTextContents());
      expect(
        [...marks].every((mark) => ['长江口', '长三角'].includes(mark)),
        [...marks].join(),
      ).toBe(true);
    } finally {
      await page.close();
    }
  });

  test('a query no story answers says so, with no bars, and counts each word alone', async () => {
    const q = '标题:长江口 作者:龙智婷 -南通';
    expect(truth(q)).toEqual([]);
    const page = await browser().newPage();
    try {
      const snapshots = await openSearch(page, q);
      expect(snapshots.at(-1)?.status).toBe('没有找到标题含“长江口”、作者含“龙智婷”、不含“南通”的文章。');
      expectHonestCounts(snapshots);
      expect(snapshots.every((snapshot) => snapshot.bars.length === 0)).toBe(true);
      const help = page.locator('#search-none');
      await expect.poll(() => help.innerText(), { timeout: SEARCH_WAIT }).toMatch(/龙智婷（[^正]+）$/u);
      for (const word of ['标题:长江口', '作者:龙智婷']) {
        const label = /^（(约 )?(\d+) 篇）$/u.exec(
          (await help.getByRole('link', { name: word }).locator('xpath=following-sibling::span[1]').innerText()) ?? '',
        );
        expect(label, word).not.toBeNull();
        // Exact when the single word's answer was read whole, else an estimate no smaller than a first page.
        if (!label?.[1]) expect(Number(label?.[2])).toBe(truth(word).length);
        else expect(Number(label[2])).toBeGreaterThanOrEqual(Math.min(10, truth(word).length));
      }
    } finally {
      await page.close();
    }
  });
});

/** The options each filter's <select> shows after 全部, by filter id: [value, text]. */
async function filterOptions(page: Page): Promise<Map<string, [string, string][]>> {
  const shown = new Map<string, [string, string][]>();
  for (const { id } of SEARCH_FILTERS) {
    const options = await page
      .locator(`#search-${id} option`)
      .evaluateAll((all) => all.map((option) => [(option as HTMLOptionElement).value, option.textContent] as [string, string]));
    shown.set(id, options.slice(1));
  }
  return shown;
}

describe('the 版, 版名 and author facets on a generated archive of 1,500 stories', () => {
  /** The most common byline name, the 版 A3 and the 版名 看南通, each with what a story holds of it, independent of the filter table. */
  const facets = [
    { id: 'page', value: () => 'A3', holds: (a: ApiArticle, v: string) => a.page !== null && comparableLabel(a.page) === v },
    { id: 'pageName', value: () => '看南通', holds: (a: ApiArticle, v: string) => a.pageName === v },
    { id: 'author', value: commonByline, holds: (a: ApiArticle, v: string) => a.bylines.includes(v) || a.credits.includes(v) },
  ] as const;

  test.each(facets)(
    '?$id=… lists its first page with no click, pages to exactly the truth, and the other filters count the answer',
    async ({ id, value, holds }) => {
      const q = '长江口';
      const chosen = value();
      const expected = truth(q).filter((url) => holds(articles.find((a) => a.url === url) as ApiArticle, chosen));
      // The archive is generated from a fixed seed; these are the shapes the test needs.
      expect(expected.length, `${id}=${chosen}`).toBeGreaterThan(3);
      expect(expected.length, `${id}=${chosen}`).toBeLessThan(truth(q).length);
      const page = await browser().newPage();
      try {
        const snapshots = await openSearch(page, q, `&${id}=${encodeURIComponent(chosen)}`);
        const first = snapshots.at(-1)?.urls ?? [];
        expect(first.length).toBeGreaterThanOrEqual(Math.min(10, expected.length));
        for (const url of first) expect(expected, url).toContain(url);
        expectHonestCounts(snapshots);
        const all = await listAll(page);
        expect([...all].sort()).toEqual(expected);
        const status = (await page.locator('#search-status').textContent()) ?? '';
        expect(status).toContain(`找到 ${expected.length} 篇`);
        // The value chosen is searched and shown, never set aside as one the form does not offer.
        expect(status).not.toContain('筛选项');
        expect(await page.locator(`#search-${id}`).inputValue()).toBe(chosen);
        expect(new URL(page.url()).searchParams.get(id)).toBe(chosen);

        // Once complete, each filter left at 全部 counts the answer; the one chosen is not counted.
        const answer = expected.map((url) => filtered(articles.find((a) => a.url === url) as ApiArticle));
        const shown = await filterOptions(page);
        for (const filter of SEARCH_FILTERS) {
          const options = shown.get(filter.id) ?? [];
          if (filter.id === id) {
            expect(
              options.every(([, text]) => !text.includes('（')),
              filter.id,
            ).toBe(true);
            continue;
          }
          const count = (v: string): number => answer.filter((story) => filter.read(story).includes(v)).length;
          if (filter.choices === 'answer') {
            const listed = answerValues(filter, answer).map(([v, n]) => [v, `${v}（${n}）`]);
            expect(listed.length, filter.id).toBeGreaterThan(0);
            expect(options, filter.id).toEqual(listed);
          } else for (const [v, text] of options) expect(text, filter.id).toMatch(new RegExp(`（${count(v)}）$`, 'u'));
        }
      } finally {
        await page.close();
      }
    },
  );

  test('an author chosen from a complete answer’s list narrows the search to that name, and the address keeps it', async () => {
    const page = await browser().newPage();
    try {
      await openSearch(page, '长江口');
      await listAll(page);
      // The name most results hold comes first.
      const name = (await page.locator('#search-author option').nth(1).getAttribute('value')) ?? '';
      const expected = truth('长江口').filter((url) => filtered(articles.find((a) => a.url === url) as ApiArticle).authors.includes(name));
      expect(await page.locator('#search-author option').nth(1).textContent()).toBe(`${name}（${expected.length}）`);
      const names = await page.locator('#search-author option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
      await page.locator('#search-author').selectOption(name);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: SEARCH_WAIT }).toMatch(ANSWERED);
      expect([...(await listAll(page))].sort()).toEqual(expected);
      expect([...new URL(page.url()).searchParams]).toEqual([
        ['q', '长江口'],
        ['author', name],
      ]);
      // The list stays, without counts, so that a reader arrowing through it (a search at every step) can go on to the next name.
      const options = page.locator('#search-author option');
      expect(await options.evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))).toEqual(names);
      expect(await options.nth(1).textContent()).toBe(name);
      await page.locator('#search-author').focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => new URL(page.url()).searchParams.get('author'), { timeout: SEARCH_WAIT }).toBe(names[2]);
      await expect.poll(() => page.locator('#search-status').textContent(), { timeout: SEARCH_WAIT }).toMatch(ANSWERED);
      expect(await options.evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))).toEqual(names);
      // The address and the form name where a story was printed before the days, and what it is after.
      expect(aroundDays(({ id }) => id, 'days')).toEqual(['paper', 'page', 'pageName', 'days', 'kind', 'column', 'author']);
    } finally {
      await page.close();
    }
  });
});
