import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../src/tools/browser.ts';

/**
 * Launches Chromium once for the calling test file and closes it after its
 * last test. Returns a getter, since the browser exists only once the file's
 * tests run.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet: call it inside a test or hook');
    return browser;
  };
}
