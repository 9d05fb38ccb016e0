import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const browser = useBrowser();
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

/** Opens a page in a context of its own (a phone unless told), with or without JavaScript. */
async function open(
  path: string,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser().newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  await page.goto(`${site}${path}`);
  return page;
}

const query = (q: string, rest = ''): string => `/search/?q=${encodeURIComponent(q)}${rest}`;

/** Waits for the status line to report a finished search. */
async function waitForAnswer(page: Page): Promise<void> {
  await page.waitForFunction(() => /^(找到|没有)/u.test(document.querySelector('#search-status')?.textContent ?? ''));
}

describe('the search page on a phone (375×667)', () => {
  test('after a query, folds the syntax and the filters to a line each so the first result shows without scrolling', async () => {
    const page = await open(query('长江口'));
    try {
      await waitForAnswer(page);
      expect(await page.locator('#search-syntax').getAttribute('open')).toBeNull();
      expect(await page.locator('#search-options').getAttribute('open')).toBeNull();
      const headline = await page.locator('#search-results > li h2').first().boundingBox();
      expect(headline).not.toBeNull();
      expect((headline?.y ?? Infinity) + (headline?.height ?? 0)).toBeLessThanOrEqual(667);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      // The folded line opens with a tap.
      await page.locator('#search-options summary').click();
      expect(await page.locator('#search-paper').isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  test('the folded line names the filters chosen', async () => {
    const page = await open(query('南通', '&paper=ntrb&from=2024-01-01&kind=photo'));
    try {
      await waitForAnswer(page);
      expect((await page.locator('#search-options summary').textContent())?.trim()).toBe('其他条件：南通日报、2024-01-01 起、图片');
    } finally {
      await page.context().close();
    }
  });

  test('without a query, and on a wide screen, the syntax and the filters stay open', async () => {
    const empty = await open('/search/');
    const wide = await open(query('长江口'), { viewport: { width: 1280, height: 900 } });
    try {
      expect(await empty.locator('#search-options').getAttribute('open')).toBe('');
      await waitForAnswer(wide);
      expect(await wide.locator('#search-syntax').getAttribute('open')).toBe('');
      expect(await wide.locator('#search-options').getAttribute('open')).toBe('');
    } finally {
      await empty.context().close();
      await wide.context().close();
    }
  });

  test("the header search box's placeholder fits in the box", async () => {
    const page = await open('/ntrb/2024-01-24/');
    try {
      const fit = await page.locator('.site-header input[type=search]').evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) return { text: 0, room: 0 };
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text: context.measureText(input.placeholder).width, room };
      });
      expect(fit.text).toBeGreaterThan(0);
      expect(fit.text).toBeLessThanOrEqual(fit.room);
    } finally {
      await page.context().close();
    }
  });
});

describe('the search page without JavaScript', () => {
  test('says search needs JavaScript and links the people and column indexes and the bulk data', async () => {
    const page = await open(query('长江口'), { javaScriptEnabled: false });
    try {
      const note = page.locator('.search-noscript');
      expect(await note.innerText()).toContain('搜索需要启用 JavaScript');
      const links = await note.locator('a').evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links).toEqual([
        ['人物索引', '/people/'],
        ['栏目索引', '/columns/'],
        ['全部数据（JSON）', '/api/articles.json'],
      ]);
      for (const [, href] of links) expect((await page.request.get(`${site}${href ?? ''}`)).status(), href ?? '').toBe(200);
      // The folds are plain <details>: they open and close with no script.
      await page.locator('#search-syntax summary').click();
      expect(await page.locator('#search-syntax').getAttribute('open')).toBeNull();
      await page.locator('#search-syntax summary').click();
      expect(await page.locator('#search-help').isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
