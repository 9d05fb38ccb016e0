import { describe, expect, inject, test } from 'vitest';
import { fetchArticles } from '../../src/tools/bulk-data.ts';
import { useBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const browser = useBrowser();

describe('dist/api/articles.json', () => {
  test('every url resolves to a page that shows the story text', async () => {
    const articles = await fetchArticles(site);
    expect(articles).toHaveLength(9);
    const page = await browser().newPage();
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
