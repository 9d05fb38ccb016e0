import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { PAGE_TYPES as PAGES } from '../support/page-types.ts';

const site = inject('siteUrl');
const browser = useBrowser();

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

  test('has no axe violations in dark mode', async () => {
    const { page } = await visit(path, ready);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
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
