/**
 * Measures search on a built site: for each first query, in a fresh browser
 * context, the bytes transferred (as served, and as a gzip-serving host would
 * send the uncompressed text files), the requests and the time until the
 * first page of results shows, and again once the search has gone on by
 * itself as far as it goes (every span asked for the timeline, a short answer
 * listed whole), each beside the figures of the run before when --record
 * names a file to keep them in; the time
 * to results once Pagefind and the index are loaded; then (unless --no-table)
 * runs the query table of src/tools/search-queries.ts both through the search
 * page and through Pagefind's default handling of the story pages, and prints
 * how many answers are exactly right.
 *
 * With --default <page>, measures the first queries on a site indexed by
 * default Pagefind (the benchmark's reference site) from that page instead.
 *
 * Usage: npm run bench:search -- [site-folder=dist] [--queries 许昆林,长江口] [--no-table] [--files] [--default /s/0/]
 *          [--record figures.json]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { traditionalToSimplified } from '../src/archive/fold-table.ts';
import type { SearchStage } from '../src/search/browser/status-line.ts';
import { WORD_MAP_FOLDERS } from '../src/search/pagefind/word-map.ts';
import { launchBrowser } from '../src/tools/browser.ts';
import { serveStatic } from '../src/tools/static-server.ts';
import { expectedUrls, SEARCH_QUERIES } from '../src/tools/search-queries.ts';
import { fetchArticles } from '../src/tools/bulk-data.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: 'string', default: '许昆林' },
    'no-table': { type: 'boolean', default: false },
    /** Measure a site indexed by default Pagefind instead, starting from this page. */
    default: { type: 'string' },
    files: { type: 'boolean', default: false },
    /** A JSON file of first-query figures: those of the run before are printed beside, then replaced. */
    record: { type: 'string' },
  },
});
const site = positionals[0] ?? 'dist';
const firstQueries = values.queries.split(',').filter(Boolean);
const table = traditionalToSimplified();

/**
 * The stages of a search (the status line's data-stage, SearchStage in
 * src/search/browser/status-line.ts) once an answer, complete or a first
 * page, is shown.
 */
const ANSWERED: readonly SearchStage[] = ['going-on', 'settled'];

/**
 * The stage once the search has gone on by itself as far as it goes: the
 * answer complete, or every span asked and the rest left to 继续查找.
 */
const SETTLED: readonly SearchStage[] = ['settled'];

/** Waits until the search page's status line carries one of the stages. */
async function waitForStatus(page: Page, stages: readonly SearchStage[] = ANSWERED): Promise<void> {
  await page.waitForFunction(
    (wanted) => wanted.includes(document.querySelector<HTMLElement>('#search-status')?.dataset['stage'] ?? ''),
    stages as readonly string[],
    { timeout: 300_000 },
  );
}

/** Waits until the search page shows a first page of results. */
const waitForAnswer = (page: Page): Promise<void> => waitForStatus(page);

/**
 * Milliseconds from submitting a query on an open search page (Pagefind and
 * the index chunks already loaded by earlier queries) until the answer shows.
 */
async function timeLoadedQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(
    ({ q, answered }) =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('#search-status') as HTMLElement;
        const input = document.querySelector('#search-q') as HTMLInputElement;
        const form = document.querySelector('#search-form') as HTMLFormElement;
        delete status.dataset['stage'];
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!answered.includes(status.dataset['stage'] ?? '')) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(status, { attributes: true, attributeFilter: ['data-stage'] });
        input.value = q;
        form.requestSubmit();
      }),
    { q: query, answered: ANSWERED as readonly string[] },
  );
}

/**
 * Times each query on one page once its index chunks are loaded: with the
 * search worker idle (the search before went as far as it goes by itself),
 * and again at once, while that search is still asking older spans.
 */
async function measureLoadedQueries(browser: Browser, base: string, queries: string[]): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`${base}/search/?q=${encodeURIComponent(queries[0] ?? '')}`);
  await waitForAnswer(page);
  const idle: number[] = [];
  const busy: number[] = [];
  for (const query of queries) {
    await timeLoadedQuery(page, query);
    await waitForStatus(page, SETTLED);
    idle.push(await timeLoadedQuery(page, query));
    busy.push(await timeLoadedQuery(page, query));
    await waitForStatus(page, SETTLED);
  }
  const summary = (times: number[]): string => {
    const sorted = [...times].sort((a, b) => a - b);
    return `median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
  };
  console.log(`results once loaded, ${queries.length} queries: ${summary(idle)}; while the search before still goes on: ${summary(busy)}`);
  await page.close();
}

/** What a fetched file is, for the --files summary: a part of the index by file type (an entry file is meta), the word map, the search's scripts, or the page. */
function fileKind(path: string): string {
  if (WORD_MAP_FOLDERS.some((folder) => path.startsWith(`/pagefind/${folder}/`))) return 'word map';
  const ending = /\.(pf_meta|pf_index|pf_filter|pf_fragment)$/u.exec(path)?.[1];
  if (ending) return ending.slice(3);
  if (path.startsWith('/pagefind/')) return path.endsWith('.json') ? 'meta' : 'script and wasm';
  return path.endsWith('.js') ? 'scripts' : 'page';
}

/** Counts what a page fetches: each file, the bytes by kind, and each response's arrival, as served and as gzip would send text. */
function countBytes(page: Page): {
  files: string[];
  byKind: Map<string, number>;
  /** Each response: when it arrived (this process's performance.now()), its bytes as served and as gzip would send them. */
  arrivals: { at: number; sent: number; raw: number; search: boolean }[];
} {
  const counts = {
    files: [] as string[],
    byKind: new Map<string, number>(),
    arrivals: [] as { at: number; sent: number; raw: number; search: boolean }[],
  };
  page.on('response', (response) => {
    const at = performance.now();
    void response.body().then(
      (body) => {
        const path = new URL(response.url()).pathname;
        const compressible = /text|javascript|json|svg/u.test(response.headers()['content-type'] ?? '');
        const sent = compressible ? gzipSync(body).length : body.length;
        counts.files.push(`${path} ${body.length}`);
        counts.arrivals.push({ at, sent, raw: body.length, search: path.startsWith('/pagefind/') });
        counts.byKind.set(fileKind(path), (counts.byKind.get(fileKind(path)) ?? 0) + sent);
      },
      () => undefined,
    );
  });
  return counts;
}

/** A first query's cost over a stretch of time: bytes with gzip (and as served, and of search files with gzip), requests and milliseconds. */
interface Cost {
  kb: number;
  servedKb: number;
  searchKb: number;
  requests: number;
  ms: number;
}

/** What the --record file holds: the costs of each first query, by query, up to each moment. */
type FigureRecord = Record<string, { first: Cost; settled?: Cost }>;

const recordFile = values.record;
const before: FigureRecord = recordFile && existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as FigureRecord) : {};
const now: FigureRecord = {};

/** A cost as printed, with the run before's beside it when there was one. */
function costLine(cost: Cost, earlier: Cost | undefined): string {
  const line = `${cost.kb.toFixed(1)} KB with gzip, ${cost.requests} requests, ${cost.ms.toFixed(0)} ms`;
  return earlier ? `${line} (before: ${earlier.kb.toFixed(1)} KB, ${earlier.requests} requests, ${earlier.ms.toFixed(0)} ms)` : line;
}

/** The cost of the responses that arrived from `start` until `end` (performance.now() of this process). */
function costOf(counts: ReturnType<typeof countBytes>, start: number, end: number): Cost {
  const arrived = counts.arrivals.filter(({ at }) => at >= start && at <= end);
  const sum = (of: (a: (typeof arrived)[number]) => number): number => arrived.reduce((total, a) => total + of(a), 0) / 1024;
  return {
    kb: sum((a) => a.sent),
    servedKb: sum((a) => a.raw),
    searchKb: sum((a) => (a.search ? a.sent : 0)),
    requests: arrived.length,
    ms: end - start,
  };
}

/** Prints a first query's figure line: what it cost and what the page said (or how many results). */
function printFirstQuery(label: string, query: string, cost: Cost, answer: string): void {
  const kb = (n: number): string => n.toFixed(1);
  console.log(
    `${label} ${query}: ${kb(cost.servedKb)} KB as served, ${kb(cost.kb)} KB with gzip (search files ${kb(cost.searchKb)} KB), ${cost.requests} requests, ${cost.ms.toFixed(0)} ms — ${answer}`,
  );
}

/** Prints every file fetched and the bytes by kind (--files). */
function report(counts: ReturnType<typeof countBytes>): void {
  const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
  for (const file of counts.files) console.log(`  ${file}`);
  console.log(`  with gzip by kind: ${[...counts.byKind].map(([kind, bytes]) => `${kind} ${kb(bytes)} KB`).join(', ')}`);
}

/**
 * Opens the search page for one query in a fresh context and counts what it
 * fetched until the first page of results shows, then until the search has
 * gone on by itself as far as it goes.
 */
async function measureFirstQuery(browser: Browser, base: string, query: string): Promise<void> {
  const context = await browser.newContext();
  // The page notes when its status line first reaches each stage (ms since navigation), without a round trip per check.
  await context.addInitScript(
    ({ answered, settled }) => {
      const marks: Record<string, number> = {};
      (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
      const note = (): void => {
        const stage = document.querySelector<HTMLElement>('#search-status')?.dataset['stage'] ?? '';
        if (marks['answered'] === undefined && answered.includes(stage)) marks['answered'] = performance.now();
        if (marks['settled'] === undefined && settled.includes(stage)) marks['settled'] = performance.now();
      };
      new MutationObserver(note).observe(document, { attributes: true, attributeFilter: ['data-stage'], subtree: true });
    },
    { answered: ANSWERED as readonly string[], settled: SETTLED as readonly string[] },
  );
  const page = await context.newPage();
  const counts = countBytes(page);
  const start = performance.now();
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  const firstStatus = await page.evaluate(async () => {
    const marks = (window as unknown as { benchMarks: Record<string, number> }).benchMarks;
    while (marks['answered'] === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    return document.querySelector('#search-status')?.textContent ?? '';
  });
  await waitForStatus(page, SETTLED);
  const marks = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);
  // Bodies are counted as they are read, a moment after each response.
  await page.waitForTimeout(200);
  const answered = start + (marks['answered'] ?? 0);
  const settledAt = start + (marks['settled'] ?? 0);
  const first = costOf(counts, start, answered);
  const more = costOf(counts, answered, settledAt);
  const settled = costOf(counts, start, settledAt);
  printFirstQuery('first query', query, first, firstStatus);
  if (values.files) report(counts);
  const earlier = before[query];
  console.log(`  first page of results: ${costLine(first, earlier?.first)}`);
  console.log(
    `  then by itself until ${(await page.locator('#search-status').textContent()) ?? ''}: ${costLine(more, earlier?.settled)}; ${settled.kb.toFixed(1)} KB and ${settled.ms.toFixed(0)} ms in all`,
  );
  now[query] = { first, settled: more };
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
  const ended = performance.now();
  // Bodies are counted as they are read, a moment after each response.
  await page.waitForTimeout(200);
  printFirstQuery('default Pagefind first query', query, costOf(counts, began, ended), `${count} results`);
  if (values.files) report(counts);
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
  // The site is a link to its current tree (src/build/versioned-output.ts): the tree is copied.
  cpSync(realpathSync(site), folder, { recursive: true });
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
    if (recordFile) writeFileSync(recordFile, `${JSON.stringify({ ...before, ...now }, null, 2)}\n`);
    await measureLoadedQueries(browser, server.url, firstQueries.length > 1 ? firstQueries : SEARCH_QUERIES.map(({ q }) => q));
    if (!values['no-table']) await compareTable(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
