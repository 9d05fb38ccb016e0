import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { PAGE_TYPES } from '../support/page-types.ts';

/**
 * Every page type on a phone and a desktop, light and dark: screenshots for
 * a reviewer in test-results/screenshots/, and the checks that make a page
 * usable on a phone: nothing wider than the screen, a compact header,
 * controls a finger can hit with text iOS does not zoom on.
 */

const site = inject('siteUrl');
const browser = useBrowser();
const OUT = join('test-results', 'screenshots');

/** The page types a reader meets that are photographed. */
const PAGES = PAGE_TYPES.filter((type) => type.shot);

const DEVICES = [
  { device: 'phone', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
  { device: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false },
] as const;

mkdirSync(OUT, { recursive: true });

describe.each(DEVICES)('on a $device', ({ device, viewport, isMobile, hasTouch }) => {
  describe.each(PAGES)('the $name page', ({ shot, path, ready }) => {
    test.each(['light', 'dark'] as const)('in %s mode fits the screen, and is photographed', async (colorScheme) => {
      const context = await browser().newContext({ viewport, isMobile, hasTouch, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${site}${path}`);
      if (ready) await ready(page);
      await page.waitForLoadState('networkidle');
      const layout = await page.evaluate(() => {
        const controls = [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, button, textarea')]
          .filter((el) => el.getClientRects().length > 0 && el.closest('[hidden]') === null)
          .map((el) => ({
            what: `${el.tagName.toLowerCase()}#${el.id}`,
            height: el.getBoundingClientRect().height,
            fontSize: parseFloat(getComputedStyle(el).fontSize),
          }));
        return {
          scrollWidth: document.documentElement.scrollWidth,
          headerHeight: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
          searchBoxes: document.querySelectorAll('form[role=search]').length,
          controls,
        };
      });
      await page.screenshot({ path: join(OUT, `${shot ?? ''}-${device}-${colorScheme}.png`), fullPage: true });
      await context.close();
      expect(layout.scrollWidth, 'nothing wider than the screen').toBeLessThanOrEqual(viewport.width);
      expect(layout.searchBoxes, 'one search box').toBe(1);
      if (device === 'phone') expect(layout.headerHeight, 'a compact header').toBeLessThanOrEqual(72);
      for (const control of layout.controls) {
        expect(control.fontSize, `${control.what}: 16px text`).toBeGreaterThanOrEqual(16);
        if (control.what.startsWith('textarea')) continue;
        expect(control.height, `${control.what}: a target a finger can hit`).toBeGreaterThanOrEqual(44);
      }
    });
  });
});
