import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { buildArgs, runScript } from '../support/build-command.ts';

// A generated archive large enough that a common word has more results than
// one page holds, and spread over two years so the search asks them in turn.
const work = mkdtempSync(join(tmpdir(), 'archive-search-pages-'));
const content = join(work, 'content');
const out = join(work, 'dist');
const browser = useBrowser();
/** How long a search may take on a loaded two-core machine (vitest's default poll gives up after one second). */
const SEARCH_WAIT = 15_000;
let server: StaticServer;

function run(script: string, ...args: string[]): void {
  const r = runScript([script, ...args], { ARCHIVE_CONTENT_DIR: content });
  expect(r.status, `${script}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(0);
}

beforeAll(async () => {
  run('scripts/generate-archive.ts', '--stories', '400', '--seed', '7', '--out', content, '--start', '2024-12-30');
  run(...(buildArgs(out) as [string, ...string[]]));
  server = await serveStatic(out);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a search with more results than a page', () => {
  test('shows a first page of checked results, says it is not finished, and 继续查找 adds the next ones', async () => {
    const page = await browser().newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('南通')}`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: SEARCH_WAIT }).toMatch(/^已找到 \d+ 篇包含“南通”的文章，尚未查完/u);
    const links = page.locator('ol[aria-label="搜索结果"] > li h2 a');
    const first = await links.count();
    expect(first).toBeGreaterThanOrEqual(10);
    // Newest year first: the first page holds only 2025 stories.
    const firstUrls = await links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname));
    expect(firstUrls.every((url) => /\/2025-/u.test(url))).toBe(true);

    await page.getByRole('button', { name: '继续查找' }).click();
    await expect.poll(() => links.count(), { timeout: SEARCH_WAIT }).toBeGreaterThan(first);
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname);
    const all = await links.evaluateAll((each) => each.map((a) => (a as HTMLAnchorElement).pathname));
    expect(focused).toBe(all[first]);
    expect(new Set(all).size).toBe(all.length);
    // Every result shows the term marked.
    const marks = await page.locator('ol[aria-label="搜索结果"] mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(all.length);
    expect(new Set(marks)).toEqual(new Set(['南通']));
    await page.close();
  });
});
