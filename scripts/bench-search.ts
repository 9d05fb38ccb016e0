/**
 * Measures search on a built site: for each first query, in a fresh browser
 * context, the bytes transferred (as served, and as a gzip-serving host would
 * send the uncompressed text files) and the time until results show; the time
 * to results once Pagefind and the index are loaded; then (unless --no-table)
 * runs the query table of tests/e2e/search-queries.ts both through the search
 * page and through Pagefind's default handling of the story pages, and prints
 * how many answers are exactly right.
 *
 * With --default <page>, measures the first queries on a site indexed by
 * default Pagefind (the benchmark's reference site) from that page instead.
 *
 * Usage: npm run bench:search -- [site-folder=dist] [--queries 许昆林,长江口] [--no-table] [--files] [--default /s/0/]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { traditionalToSimplified } from '../src/archive/fold-table.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { expectedUrls, SEARCH_QUERIES } from '../tests/e2e/search-queries.ts';
import { fetchArticles } from '../tests/support/api.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: 'string', default: '许昆林' },
    'no-table': { type: 'boolean', default: false },
    /** Measure a site indexed by default Pagefind instead, starting from this page. */
    default: { type: 'string' },
    files: { type: 'boolean', default: false },
  },
});
const site = positionals[0] ?? 'dist';
const firstQueries = values.queries.split(',').filter(Boolean);
const table = traditionalToSimplified();

/** What the status line says once an answer (complete or a first page) is shown. */
const ANSWERED = /^(找到|没有|已找到)/u;

/** Waits until the search page reports an answer. */
async function waitForAnswer(page: Page): Promise<void> {
  await page.waitForFunction(
    (pattern) => new RegExp(pattern, 'u').test(document.querySelector('#search-status')?.textContent ?? ''),
    ANSWERED.source,
  );
}

/**
 * Milliseconds from submitting a query on an open search page (Pagefind and
 * the index chunks already loaded by earlier queries) until the answer shows.
 */
async function timeLoadedQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(
    ({ q, pattern }) =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('#search-status') as HTMLElement;
        const input = document.querySelector('#search-q') as HTMLInputElement;
        const form = document.querySelector('#search-form') as HTMLFormElement;
        status.textContent = '';
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!new RegExp(pattern, 'u').test(status.textContent ?? '')) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        input.value = q;
        form.requestSubmit();
      }),
    { q: query, pattern: ANSWERED.source },
  );
}

/** Times each query twice on one page; the second run is the one "once loaded". */
async function measureLoadedQueries(browser: Browser, base: string, queries: string[]): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${base}/search/?q=${encodeURIComponent(queries[0] ?? '')}`);
  await waitForAnswer(page);
  const times: number[] = [];
  for (const query of queries) {
    await timeLoadedQuery(page, query);
    times.push(await timeLoadedQuery(page, query));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`results once loaded, ${times.length} queries: median ${median.toFixed(1)} ms, slowest ${(times.at(-1) ?? 0).toFixed(1)} ms`);
  await page.close();
}

/** What a fetched file is, for the --files summary: Pagefind's part by file type, or the page's own. */
function fileKind(path: string): string {
  const ending = /\.(pf_meta|pf_index|pf_filter|pf_fragment)$/u.exec(path)?.[1];
  if (ending) return ending.slice(3);
  return path.startsWith('/pagefind/') ? 'script and wasm' : 'page';
}

/** Counts the bytes a page fetches: all of them, and those under /pagefind/, as served and as gzip would send text. */
function countBytes(page: Page): { raw: number; gzipped: number; searchGzipped: number; files: string[]; byKind: Map<string, number> } {
  const counts = { raw: 0, gzipped: 0, searchGzipped: 0, files: [] as string[], byKind: new Map<string, number>() };
  page.on('response', (response) => {
    void response.body().then(
      (body) => {
        const path = new URL(response.url()).pathname;
        const compressible = /text|javascript|json|svg/u.test(response.headers()['content-type'] ?? '');
        const sent = compressible ? gzipSync(body).length : body.length;
        counts.raw += body.length;
        counts.gzipped += sent;
        if (path.startsWith('/pagefind/')) counts.searchGzipped += sent;
        counts.files.push(`${path} ${body.length}`);
        counts.byKind.set(fileKind(path), (counts.byKind.get(fileKind(path)) ?? 0) + sent);
      },
      () => undefined,
    );
  });
  return counts;
}

/** Prints one first-query figure line (and the files with --files). */
function report(label: string, query: string, counts: ReturnType<typeof countBytes>, elapsed: number, answer: string): void {
  const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
  console.log(
    `${label} ${query}: ${kb(counts.raw)} KB as served, ${kb(counts.gzipped)} KB with gzip (search files ${kb(counts.searchGzipped)} KB), ${counts.files.length} requests, ${elapsed.toFixed(0)} ms — ${answer}`,
  );
  if (!values.files) return;
  for (const file of counts.files) console.log(`  ${file}`);
  console.log(`  with gzip by kind: ${[...counts.byKind].map(([kind, bytes]) => `${kind} ${kb(bytes)} KB`).join(', ')}`);
}

/** Opens the search page for one query in a fresh context and counts what it fetched. */
async function measureFirstQuery(browser: Browser, base: string, query: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const counts = countBytes(page);
  const start = performance.now();
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  await waitForAnswer(page);
  const elapsed = performance.now() - start;
  await page.waitForTimeout(200);
  report('first query', query, counts, elapsed, (await page.locator('#search-status').textContent()) ?? '');
  await context.close();
}

/**
 * The same figure for a site indexed by default Pagefind (the reference):
 * from a loaded page at `start`, load Pagefind, search, and read the first
 * PAGE results' fragments, as a results page would.
 */
async function measureDefaultFirstQuery(browser: Browser, base: string, start: string, query: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}${start}`);
  const counts = countBytes(page);
  const began = performance.now();
  const { count } = await defaultSearch(page, query, 20);
  const elapsed = performance.now() - began;
  await page.waitForTimeout(200);
  report('default Pagefind first query', query, counts, elapsed, `${count} results`);
  await context.close();
}

/** URLs the search page returns for a query. */
async function searchPageUrls(page: Page, base: string, query: string): Promise<string[]> {
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  await waitForAnswer(page);
  return (
    await page.locator('ol[aria-label="搜索结果"] > li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))
  ).sort();
}

/**
 * Searches with Pagefind's default API on a page of a site it indexed: how
 * many results, and the sorted URLs of the first `limit` (all by default),
 * whose fragments are read as a results page would.
 */
async function defaultSearch(page: Page, query: string, limit?: number): Promise<{ count: number; urls: string[] }> {
  return page.evaluate(
    async ({ q, take }) => {
      const pagefind = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as {
        search: (term: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
      };
      const { results } = await pagefind.search(q);
      const shown = await Promise.all(results.slice(0, take ?? results.length).map((r) => r.data()));
      return { count: results.length, urls: shown.map((d) => d.url).sort() };
    },
    { q: query, take: limit },
  );
}

/** The 44-query table through the search page and through default Pagefind. */
async function compareTable(browser: Browser, base: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'pagefind-default-'));
  cpSync(site, folder, { recursive: true });
  rmSync(join(folder, 'pagefind'), { recursive: true, force: true });
  const indexed = spawnSync('pagefind', ['--site', folder], { stdio: 'ignore' });
  if (indexed.status !== 0) throw new Error('default pagefind indexing failed');
  const defaultServer = await serveStatic(folder);
  try {
    const articles = await fetchArticles(base);
    const ours = await browser.newPage();
    const theirs = await browser.newPage();
    await theirs.goto(`${defaultServer.url}/search/`);
    let oursRight = 0;
    let theirsRight = 0;
    console.log('\nquery | expected | this search | default Pagefind');
    for (const { q } of SEARCH_QUERIES) {
      const expected = expectedUrls(articles, q, table);
      const a = await searchPageUrls(ours, base, q);
      const b = (await defaultSearch(theirs, q)).urls;
      const same = (found: string[]): boolean => JSON.stringify(found) === JSON.stringify(expected);
      if (same(a)) oursRight += 1;
      if (same(b)) theirsRight += 1;
      console.log(`${q} | ${expected.length} | ${a.length}${same(a) ? '' : ' WRONG'} | ${b.length}${same(b) ? '' : ' WRONG'}`);
    }
    console.log(
      `\nexact answers: this search ${oursRight}/${SEARCH_QUERIES.length}, default Pagefind ${theirsRight}/${SEARCH_QUERIES.length}`,
    );
  } finally {
    await defaultServer.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    if (values.default !== undefined) {
      for (const query of firstQueries) await measureDefaultFirstQuery(browser, server.url, values.default, query);
      return;
    }
    for (const query of firstQueries) await measureFirstQuery(browser, server.url, query);
    await measureLoadedQueries(browser, server.url, firstQueries.length > 1 ? firstQueries : SEARCH_QUERIES.map(({ q }) => q));
    if (!values['no-table']) await compareTable(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
