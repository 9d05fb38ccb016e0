import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const browser = useBrowser();

/** Opens the first result of a query; the story page's own script marks the text. */
async function openFirstResult(query: string): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(`${site}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => /^找到/u.test(document.querySelector('#search-status')?.textContent ?? ''));
  const href = await page.locator('ol[aria-label="搜索结果"] > li h2 a').first().getAttribute('href');
  expect(href).toContain('highlight=');
  await page.goto(`${site}${href ?? ''}`);
  await page.waitForSelector('mark[data-search-highlight]');
  return page;
}

describe('highlight-on-story', () => {
  test('marks every printed occurrence of the text a result found', async () => {
    const page = await openFirstResult('長江口');
    const marks = await page.locator('[data-pagefind-body] mark[data-search-highlight]').allInnerTexts();
    expect(marks.length).toBeGreaterThan(1);
    expect(new Set(marks)).toEqual(new Set(['长江口']));
    const main = await page.locator('[data-pagefind-body]').innerText();
    expect(main.split('长江口').length - 1).toBe(marks.length);
    await page.close();
  });

  test('scrolls to the first mark under the subhead the result linked to', async () => {
    const page = await openFirstResult('跨江融合');
    expect(new URL(page.url()).hash.length).toBeGreaterThan(1);
    // The script scrolls after marking; wait (bounded) for the first mark to come into view.
    const inView = await page
      .waitForFunction(
        () => {
          const box = document.querySelector('mark[data-search-highlight]')?.getBoundingClientRect();
          return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight);
        },
        undefined,
        { timeout: 5_000 },
      )
      .then(() => true, () => false);
    expect(inView).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.close();
  });
});
