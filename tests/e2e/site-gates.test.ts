import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';

const site = inject('siteUrl');
const browser = useBrowser();

/** One page of every type the site has, with what must be on it once it settled. */
const PAGES: { name: string; path: string; ready?: (page: Page) => Promise<unknown> }[] = [
  { name: 'home', path: '/' },
  { name: 'paper', path: '/ntrb/' },
  { name: 'edition', path: '/ntrb/2024-01-24/' },
  { name: 'story', path: '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/' },
  { name: 'story with dateline', path: '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/' },
  { name: 'jump', path: '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci-xu/' },
  { name: 'photo', path: '/ntrb/2024-01-24/tu-pian-22-ri-nan-tong-liang-you/' },
  { name: 'raw page view', path: '/ntrb/2024-01-24/source/004_ca8fbf74e0fa523e/' },
  { name: 'people index', path: '/people/' },
  { name: 'person', path: `/people/${encodeURIComponent('王玮丽')}/` },
  { name: 'columns index', path: '/columns/' },
  { name: 'column', path: `/columns/${encodeURIComponent('直通省两会')}/` },
  {
    name: 'search with results',
    path: '/search/?q=%E9%95%BF%E6%B1%9F%E5%8F%A3',
    ready: (page) => page.waitForSelector('ol[aria-label="搜索结果"] > li'),
  },
  {
    name: 'story opened from a search result',
    path: '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/?highlight=%E9%95%BF%E6%B1%9F%E5%8F%A3',
    ready: (page) => page.waitForSelector('mark[data-search-highlight]'),
  },
  { name: '404', path: '/no/such/page/' },
];

/** Opens a page, recording every request it makes and every CSP violation it reports. */
async function visit(path: string, ready?: (page: Page) => Promise<unknown>) {
  const page = await browser().newPage();
  const requests: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content.Security.Policy/iu.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${site}${path}`);
  if (ready) await ready(page);
  await page.waitForLoadState('networkidle');
  return { page, requests, violations };
}

describe.each(PAGES)('$name page', ({ path, ready }) => {
  test('requests nothing from any other host and breaks no Content-Security-Policy rule', async () => {
    const { page, requests, violations } = await visit(path, ready);
    const origin = new URL(site).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'))).toEqual([]);
    expect(violations).toEqual([]);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'self'/u);
    expect(csp).not.toMatch(/unsafe-inline/u);
    await page.close();
  });

  test('has no axe violations', async () => {
    const { page } = await visit(path, ready);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('Content-Security-Policy', () => {
  test('blocks an inline event handler injected into a page', async () => {
    const { page, violations } = await visit('/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('src', 'data:,');
      img.setAttribute('onerror', 'document.title = "pwned"');
      document.body.append(img);
    });
    await page.waitForTimeout(200);
    expect(await page.title()).not.toBe('pwned');
    expect(violations.length).toBeGreaterThan(0);
    await page.close();
  });
});
