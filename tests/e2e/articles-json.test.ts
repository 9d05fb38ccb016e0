import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

interface ApiArticle {
  url: string;
  title: { text: string };
  paragraphs: string[];
}

const site = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('dist/api/articles.json', () => {
  test('every url resolves to a page that shows the story text', async () => {
    const response = await fetch(`${site}/api/articles.json`);
    expect(response.status).toBe(200);
    const { articles } = (await response.json()) as { articles: ApiArticle[] };
    expect(articles).toHaveLength(9);
    const page = await browser.newPage();
    for (const article of articles) {
      const visit = await page.goto(`${site}${article.url}`);
      expect(visit?.status(), article.url).toBe(200);
      const shown = await page.locator('main').innerText();
      expect(shown).toContain(article.title.text);
      for (const paragraph of article.paragraphs) expect(shown, article.url).toContain(paragraph);
    }
    await page.close();
  });
});
