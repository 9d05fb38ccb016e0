import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { fetchArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { useBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const STORY = '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/';
const browser = useBrowser();
let articles: ApiArticle[];

beforeAll(async () => {
  articles = await fetchArticles(site);
});

/** Opens a fresh page at a site path, failing on a non-200 answer. */
async function open(path: string): Promise<Page> {
  const page = await browser().newPage();
  const visit = await page.goto(`${site}${path}`);
  expect(visit?.status(), path).toBe(200);
  return page;
}

describe('reading the archive', () => {
  test('walks from the home page to a story through paper and date', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: '南通日报' }).first().click();
    await page.waitForURL(`${site}/ntrb/`);
    await page.getByRole('link', { name: '2024年1月24日' }).first().click();
    await page.waitForURL(`${site}/ntrb/2024-01-24/`);
    await page.getByRole('link', { name: '潮起长江口，抢抓机遇向未来' }).click();
    await page.waitForURL(`${site}${STORY}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('潮起长江口，抢抓机遇向未来');
    await page.close();
  });

  test('shows kicker above and column label with the headline', async () => {
    const page = await open(STORY);
    const header = page.locator('.story-header');
    await expect(header.locator('.kicker').innerText()).resolves.toBe('省政府工作报告明确“规划建设长江口产业创新协同区”——');
    await expect(header.locator('.column-label').innerText()).resolves.toContain('直通省两会 2024');
    await expect(header.locator('.byline').innerText()).resolves.toBe('本报记者 王玮丽 沈雪梅');
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });

  test('follows next and previous in print order', async () => {
    const ntrb = articles.filter((a) => a.paper === 'ntrb');
    const page = await open(ntrb[0]!.url);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`${site}${ntrb[1]!.url}`);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(`${site}${ntrb[0]!.url}`);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    await page.close();
  });

  test('breadcrumbs lead back to the date and the paper', async () => {
    const page = await open(STORY);
    const crumbs = page.getByRole('navigation', { name: '位置' });
    await expect(crumbs.innerText()).resolves.toMatch(/南通日报.*2024年1月24日.*A2版 看南通/su);
    await crumbs.getByRole('link', { name: '2024年1月24日' }).click();
    await page.waitForURL(`${site}/ntrb/2024-01-24/`);
    await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '南通日报' }).click();
    await page.waitForURL(`${site}/ntrb/`);
    await page.close();
  });

  test('paragraph and subhead links point at their anchors', async () => {
    const page = await open(STORY);
    await page.locator('#p2 .para-link').focus();
    await expect(page.locator('#p2 .para-link').evaluate((a) => getComputedStyle(a).opacity)).resolves.toBe('1');
    await page.locator('#p2 .para-link').click();
    expect(new URL(page.url()).hash).toBe('#p2');
    await expect(page.locator('#p2').evaluate((p) => p.matches(':target'))).resolves.toBe(true);
    const subhead = articles.find((a) => a.url === STORY)!.sections[0]!;
    await page.goto(`${site}${STORY}#${encodeURIComponent(subhead.anchor)}`);
    const target = page.locator(':target');
    await expect(target.innerText()).resolves.toBe(subhead.title);
    await expect(target.evaluate((el) => el.tagName)).resolves.toBe('H2');
    await page.close();
  });

  test('the citation matches the bulk data for every item', async () => {
    const page = await browser().newPage();
    for (const a of articles) {
      await page.goto(`${site}${a.url}`);
      const permalink = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(permalink!).pathname).toBe(a.url);
      // A photo is cited by its photographers, a title the site made up marked as on the page; the script puts the reader's date in.
      const names = a.kind === 'photo' ? [...new Set([...a.bylines, ...a.credits])] : a.bylines;
      const authors = names.length > 0 ? `${names.join(',')}.` : '';
      const title = a.title.added ? `${a.title.text}（本站拟题）` : a.title.text;
      const printed = a.page === null ? '' : `(${a.page})`;
      const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
      const expected = `${authors}${title}[N/OL].${a.paperName},${a.date}${printed}[${today}].${permalink}.`;
      await expect(page.locator('.citation textarea').inputValue(), a.url).resolves.toBe(expected);
      await expect(page.locator('.citation .permalink a').getAttribute('href')).resolves.toBe(permalink);
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
        '@type': string;
        headline: string;
      };
      expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: a.title.text });
      await expect(page.locator('meta[property="og:url"]').getAttribute('content')).resolves.toBe(permalink);
    }
    await page.close();
  });

  test('a site-added title is marked as such', async () => {
    const added = articles.find((a) => a.title.added)!;
    const page = await open(added.url);
    await expect(page.locator('h1 .added-label').innerText()).resolves.toBe('本站拟题');
    await expect(page.locator('.credit').innerText()).resolves.toContain('记者 许丛军摄');
    await page.close();
  });

  test('a jump says where it began', async () => {
    const jump = articles.find((a) => a.kind === 'jump')!;
    const page = await open(jump.url);
    await expect(page.locator('.jump-note').innerText()).resolves.toContain('上接A1版');
    await page.close();
  });

  test('the raw page view marks the story lines and the raw text is published unchanged', async () => {
    const page = await open(STORY);
    await page.getByRole('link', { name: /查看原始版面文字/u }).click();
    const story = articles.find((a) => a.url === STORY)!;
    const target = page.locator(':target');
    await expect(target.getAttribute('id')).resolves.toBe('chao-qi-chang-jiang-kou-qiang-zhua-ji');
    await expect(target.locator('.source-line').first().getAttribute('id')).resolves.toBe(`L${story.source.lines[0]}`);
    await expect(target.locator('.source-line').last().getAttribute('id')).resolves.toBe(`L${story.source.lines[1]}`);
    const txtHref = await page.getByRole('link', { name: /下载原始文本/u }).getAttribute('href');
    const served = Buffer.from(await (await fetch(`${site}${txtHref}`)).arrayBuffer());
    expect(served.equals(readFileSync(`content/pages/ntrb/2024-01-24/${story.source.file}`))).toBe(true);
    await page.close();
  });

  test('the copy button is added by script and the citation is readable without it', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site}${STORY}`);
    expect(await noJs.locator('.copy-button').count()).toBe(0);
    await expect(noJs.locator('.citation textarea').inputValue()).resolves.toContain(
      '[N/OL].南通日报,2024-01-24(A2)[引用日期 YYYY-MM-DD].',
    );
    await expect(noJs.locator('#cite-date-note').innerText()).resolves.toContain('[引用日期 YYYY-MM-DD]');
    await context.close();
    const page = await open(STORY);
    await expect(page.getByRole('button', { name: '复制引文' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  test('feeds, sitemap and robots.txt list the stories', async () => {
    const index = await (await fetch(`${site}/sitemap.xml`)).text();
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1] ?? '').pathname);
    const sitemap = (await Promise.all(parts.map(async (part) => (await fetch(`${site}${part}`)).text()))).join('\n');
    const feed = await (await fetch(`${site}/ntrb/feed.xml`)).text();
    for (const a of articles) expect(sitemap).toContain(`${a.url}</loc>`);
    for (const a of articles.filter((x) => x.paper === 'ntrb')) expect(feed).toContain(`${a.url}"`);
    await expect((await fetch(`${site}/robots.txt`)).text()).resolves.toContain('Sitemap: ');
    const missing = await fetch(`${site}/no/such/page/`);
    expect(missing.status).toBe(404);
    await expect(missing.text()).resolves.toContain('role="search"');
  });

  test.each([
    '/',
    '/ntrb/',
    '/ntrb/2024-01-24/',
    STORY,
    '/ntrb/2024-01-24/tu-pian-22-ri-nan-tong-liang-you/',
    '/ntrb/2024-01-24/source/004_ca8fbf74e0fa523e/',
    '/404.html',
  ])('axe finds no violations on %s', async (path) => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser().newPage({ colorScheme: scheme });
      await page.goto(`${site}${path}`);
      expect(await axeViolations(page), `${path} (${scheme})`).toEqual([]);
      await page.close();
    }
  });

  test('prints just the story and its citation', async () => {
    const page = await open(STORY);
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector: string): Promise<boolean> => page.locator(selector).first().isVisible();
    await expect(shown('.site-header')).resolves.toBe(false);
    await expect(shown('.story-nav')).resolves.toBe(false);
    await expect(shown('.same-page')).resolves.toBe(false);
    await expect(shown('.site-footer')).resolves.toBe(false);
    await expect(shown('article h1')).resolves.toBe(true);
    // The citation as text (a textarea prints as an empty box), and the
    // paper, date and page on top: the breadcrumbs without the story's title.
    await expect(shown('.citation textarea')).resolves.toBe(false);
    await expect(shown('.citation-print')).resolves.toBe(true);
    await expect(page.locator('.citation-print').innerText()).resolves.toMatch(/南通日报/u);
    await expect(shown('.breadcrumbs')).resolves.toBe(true);
    await expect(page.locator('.breadcrumbs').innerText()).resolves.toMatch(/南通日报.*2024年1月24日.*A2版/su);
    await expect(shown('.breadcrumbs li:last-child')).resolves.toBe(false);
    await page.close();
  });

  test('screenshots of a story on a phone and a desktop', async () => {
    mkdirSync('test-results', { recursive: true });
    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      const page = await browser().newPage({ viewport: { width, height } });
      await page.goto(`${site}${STORY}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/story-${width}x${height}.png`, fullPage: true });
      await page.close();
    }
  });
});
