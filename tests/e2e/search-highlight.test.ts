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
    const marks = await page.locator('article.story mark[data-search-highlight]').allInnerTexts();
    expect(marks.length).toBeGreaterThan(1);
    expect(new Set(marks)).toEqual(new Set(['长江口']));
    const main = await page.locator('article.story').innerText();
    expect(main.split('长江口').length - 1).toBe(marks.length);
    await page.close();
  });

  test('marks at most the first 500 occurrences and says how many there are, in time', async () => {
    const page = await browser().newPage({ viewport: { width: 800, height: 600 } });
    const story = '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/';
    await page.goto(`${site}${story}`);
    // Every character of the story's text asked for at once: thousands of occurrences.
    const chars = await page
      .locator('article.story .story-body')
      .evaluate((el) => [...new Set([...(el.textContent ?? '')].filter((c) => /\p{Script=Han}/u.test(c)))]);
    const total = await page
      .locator('article.story')
      .evaluate((el, asked) => [...(el.textContent ?? '')].filter((c) => asked.includes(c)).length, chars);
    expect(total).toBeGreaterThan(1000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site}${story}?${chars.map((c) => `highlight=${encodeURIComponent(c)}`).join('&')}#%E0%A4%A`);
    await page.waitForSelector('.highlight-note');
    expect(await page.locator('mark[data-search-highlight]').count()).toBe(500);
    expect(await page.locator('.highlight-note').innerText()).toBe(`共找到 ${total} 处，只标出了前 500 处。`);
    expect(errors).toEqual([]);
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
      .then(
        () => true,
        () => false,
      );
    expect(inView).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.close();
  });
});
