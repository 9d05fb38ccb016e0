import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BUNDLE_FOLDER,
  CONTENT_NAMED_FOLDERS,
  FRAGMENT_FIELDS,
  FRAGMENT_SIGNATURE,
  KEPT_FILE,
  PAGEFIND_VERSION,
  SEARCH_FILES,
} from '../../src/search/pagefind/bundle.ts';
import { hideText } from '../../src/search/pagefind/hidden-text.ts';
import { shardSearch, type ShardFilters } from '../../src/search/pagefind/shard-search.ts';
import { WORD_MAP_FOLDERS } from '../../src/search/pagefind/word-map.ts';
import { writeIndex, type IndexRecord } from '../../src/search/pagefind/write-index.ts';
import type { SearchRecord } from '../../src/search/shared/search-record.ts';
import { SEARCH_LANGUAGE } from '../../src/site/settings.ts';
import { readArticles } from '../../src/tools/bulk-data.ts';
import { useBrowser } from '../support/browser.ts';
import { describeIndexContract, type ContractSubject } from '../support/index-contract.ts';
import { serveStatic, type StaticServer } from '../../src/tools/static-server.ts';

/**
 * The contract between src/search/pagefind/ and the pinned Pagefind: every
 * assumption the adapter makes about the files Pagefind writes, checked
 * against what Pagefind really writes (read here in Node, as the browser
 * reads them). An upgrade of
 * Pagefind that breaks one fails here, by name, before it breaks the site.
 * Then the contract of every search index (tests/support/index-contract.ts),
 * on the seed site's index.
 */

const ADAPTER = resolve(import.meta.dirname, '../../src/search/pagefind');
const browser = useBrowser();

/** A record of the contract's tiny archive. */
function record(url: string, words: string, paper: string, date: string, hidden = ''): IndexRecord {
  return {
    url,
    content: words,
    meta: { stories: hideText(hidden) },
    filters: { paper: [paper], year: [date.slice(0, 4)] },
    sort: { date },
  };
}

let site = '';

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'pagefind-contract-'));
  const bundle = join(site, BUNDLE_FOLDER);
  await writeIndex(
    [
      record('/a/2024-01-24/source/1.txt', 'qiao zhou', 'a', '2024-01-24', '秘密词'),
      record('/a/2024-03-01/source/1.txt', 'qiao lin', 'a', '2024-03-01'),
      record('/b/2024-02-10/source/1.txt', 'qiao', 'b', '2024-02-10'),
    ],
    join(bundle, 'one'),
  );
  await writeIndex([record('/a/2025-05-05/source/1.txt', 'qiao', 'a', '2025-05-05')], join(bundle, 'two'));
}, 120_000);

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
});

/** Searches the tiny archive's shards as the browser does, reading the files from disk; returns each result's url and meta, with its id and score. */
async function search(shards: string[], words: string[], filters: ShardFilters, order: 'score' | 'newest' | 'oldest') {
  const { search: find } = shardSearch(SEARCH_LANGUAGE, (path) => Promise.resolve(new Uint8Array(readFileSync(join(site, path)))));
  const results = await find(shards, words, filters, order);
  return Promise.all(results.map(async ({ id, score, data }) => ({ ...(await data()), id, score })));
}

describe('the Pagefind contract', () => {
  test('the installed Pagefind is the version the adapter was checked against', () => {
    const installed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../node_modules/pagefind/package.json'), 'utf8')) as {
      version: string;
    };
    expect(installed.version, 'Pagefind was upgraded: re-check src/search/pagefind/ and set PAGEFIND_VERSION').toBe(PAGEFIND_VERSION);
  });

  test('an index is laid out as bundle.ts says: kept files, content-named folders, no script or wasm', () => {
    const bundle = join(site, BUNDLE_FOLDER);
    expect(readdirSync(bundle).sort()).toEqual(['one', 'two']);
    for (const folder of [join(bundle, 'one'), join(bundle, 'two')]) {
      for (const entry of readdirSync(folder)) {
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) {
          expect(Object.keys(CONTENT_NAMED_FOLDERS)).toContain(entry);
          const extension = CONTENT_NAMED_FOLDERS[entry as keyof typeof CONTENT_NAMED_FOLDERS];
          for (const file of readdirSync(path)) expect(file.endsWith(extension), `${entry}/${file}`).toBe(true);
        } else expect(entry).toMatch(KEPT_FILE);
      }
    }
    expect(readdirSync(join(bundle, 'one')).sort()).toEqual(expect.arrayContaining(['fragment', 'index', 'filter', 'pagefind-entry.json']));
  });

  test('a fragment is gzip of the signature and the fields bundle.ts names, its content emptied', () => {
    const folder = join(site, BUNDLE_FOLDER, 'one', 'fragment');
    const files = readdirSync(folder);
    expect(files.length).toBe(3);
    for (const file of files) {
      const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
      expect(text.startsWith(FRAGMENT_SIGNATURE)).toBe(true);
      const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Record<string, unknown>;
      expect(Object.keys(fragment).sort()).toEqual([...FRAGMENT_FIELDS]);
      expect(fragment['content']).toBe('');
    }
  });

  test('the reader finds every record holding all words, as prefixes, in the shards asked only', async () => {
    const both = await search(['one', 'two'], ['qiao'], {}, 'newest');
    // Sorted by date within each index, one index's results after the
    // other's: why candidates.ts merges the shards of a period by date.
    expect(both.map((r) => r.url)).toEqual([
      '/a/2024-03-01/source/1.txt',
      '/b/2024-02-10/source/1.txt',
      '/a/2024-01-24/source/1.txt',
      '/a/2025-05-05/source/1.txt',
    ]);
    const one = await search(['one'], ['qiao', 'zhou'], {}, 'oldest');
    expect(one.map((r) => r.url)).toEqual(['/a/2024-01-24/source/1.txt']);
    // A word finds every indexed word it begins (how tokens.ts asks for a bigram or one character).
    expect((await search(['one'], ['qi', 'zho'], {}, 'oldest')).map((r) => r.url)).toEqual(['/a/2024-01-24/source/1.txt']);
    expect(await search(['one'], ['qiaoo'], {}, 'oldest')).toEqual([]);
    const onlyOne = await search(['one'], ['qiao'], {}, 'oldest');
    expect(onlyOne.map((r) => r.url)).toEqual(['/a/2024-01-24/source/1.txt', '/b/2024-02-10/source/1.txt', '/a/2024-03-01/source/1.txt']);
  });

  test('filters narrow the answer, and meta comes back whole', async () => {
    const paperB = await search(['one', 'two'], ['qiao'], { paper: 'b' }, 'newest');
    expect(paperB.map((r) => r.url)).toEqual(['/b/2024-02-10/source/1.txt']);
    const year = await search(['one', 'two'], ['qiao'], { year: { any: ['2025'] } }, 'newest');
    expect(year.map((r) => r.url)).toEqual(['/a/2025-05-05/source/1.txt']);
    const withMeta = await search(['one'], ['zhou'], {}, 'score');
    expect(withMeta[0]?.meta['stories']).toBe(hideText('秘密词'));
  });

  test("a result's id names its record in every search, and its score ranks the results of one search", async () => {
    // candidates.ts puts the answers of several searches (one per alternative of an OR) in one list by these.
    const byWord = async (word: string) => search(['one', 'two'], [word], {}, 'score');
    const [qiao, zhou, lin] = await Promise.all([byWord('qiao'), byWord('zhou'), byWord('lin')]);
    const idOf = (results: typeof qiao, url: string) => results.find((r) => r.url === url)?.id;
    expect(idOf(zhou, '/a/2024-01-24/source/1.txt')).toBe(idOf(qiao, '/a/2024-01-24/source/1.txt'));
    expect(idOf(lin, '/a/2024-03-01/source/1.txt')).toBe(idOf(qiao, '/a/2024-03-01/source/1.txt'));
    expect(new Set(qiao.map((r) => r.id)).size).toBe(qiao.length);
    for (const r of qiao) expect(typeof r.score).toBe('number');
  });

  test('text hidden in meta is not indexed as words', async () => {
    // The hidden text's code units, as the word Pagefind would have made of them.
    const hiddenWord = hideText('秘密词');
    expect(await search(['one'], [hiddenWord], {}, 'score')).toEqual([]);
    expect(await search(['one'], ['lin'], {}, 'score')).toHaveLength(1);
  });
});

// The same contract the in-memory index keeps (tests/unit/search-index.test.ts),
// run on the seed site's Pagefind index (dist/, as the e2e suite serves it)
// through the adapter's browser side, in Chromium.
let seedSite = '';
let seedServer: StaticServer | undefined;
let seedPage: Page | undefined;
let seed: ContractSubject;
let seedListed: ContractSubject;

/** The adapter's browser modules, as the search worker's bundle would hold them, and the one module outside it they import. */
const BROWSER_MODULES = [
  ...['bundle', 'cbor', 'shard-files', 'shard-search', 'hidden-text', 'tokens', 'page-record', 'word-map', 'candidates'].map((name) =>
    join(ADAPTER, `${name}.ts`),
  ),
  resolve(ADAPTER, '../../data/partitions.ts'),
];

beforeAll(async () => {
  seedSite = mkdtempSync(join(tmpdir(), 'pagefind-seed-'));
  cpSync(join('dist', SEARCH_FILES.folder), join(seedSite, SEARCH_FILES.folder), { recursive: true });
  mkdirSync(join(seedSite, 'adapter'));
  for (const file of BROWSER_MODULES) {
    // All in one folder, each import of another by its name alone.
    const script = stripTypeScriptTypes(readFileSync(file, 'utf8')).replaceAll(/'(?:\.\.?\/)+(?:[a-z]+\/)*([a-z-]+)\.ts'/gu, "'./$1.js'");
    writeFileSync(join(seedSite, 'adapter', `${basename(file, '.ts')}.js`), script);
  }
  writeFileSync(
    join(seedSite, 'index.html'),
    `<!doctype html><title>contract</title><script type="module">
      import { pagefindIndex } from '/adapter/candidates.js';
      const index = pagefindIndex(${JSON.stringify(SEARCH_LANGUAGE)});
      window.findAll = async (sets, filters, parts, order) => {
        const candidates = await index.find(sets, filters, parts, order);
        return candidates.pages(0, candidates.count);
      };
      window.holders = (sets, parts) => index.holders(sets, parts);
      // As a search asks once the word maps are read: the pages they list, when they list them (a query with no filter).
      window.findAllListed = async (sets, filters, parts, order) => {
        const listed = Object.keys(filters).length === 0 ? await index.listed(sets, parts, order) : null;
        const candidates = listed ?? (await index.find(sets, filters, parts, order));
        return candidates.pages(0, candidates.count);
      };
    </script>`,
  );
  seedServer = await serveStatic(seedSite);
  seedPage = await browser().newPage();
  await seedPage.goto(`${seedServer.url}/index.html`);
  await seedPage.waitForFunction(() => 'findAll' in window);
  /** The contract's way of asking the index behind window[find] and window[ask]. */
  const asking = (find: string, ask: string): Pick<ContractSubject, 'findAll' | 'holders'> => ({
    findAll: (termSets, filters, parts, order) =>
      (seedPage as Page).evaluate(
        async (asked) => {
          const run = (window as unknown as Record<string, (...args: unknown[]) => Promise<SearchRecord[][]>>)[asked.find];
          return run?.(asked.termSets, asked.filters, asked.parts, asked.order) ?? [];
        },
        { termSets, filters, parts, order, find },
      ),
    holders: (termSets, parts) =>
      (seedPage as Page).evaluate(
        async (asked) => {
          const run = (window as unknown as Record<string, (...args: unknown[]) => Promise<string[]>>)[asked.ask];
          return run?.(asked.termSets, asked.parts) ?? [];
        },
        { termSets, parts, ask },
      ),
  });
  const parts = readdirSync(join(seedSite, SEARCH_FILES.folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !(SEARCH_FILES.contentNamed as readonly string[]).includes(entry.name))
    .filter((entry) => !(WORD_MAP_FOLDERS as readonly string[]).includes(entry.name))
    .map((entry) => entry.name);
  const articles = readArticles('dist');
  seed = { ...asking('findAll', 'holders'), parts, articles };
  seedListed = { ...asking('findAllListed', 'holders'), parts, articles };
}, 120_000);

afterAll(async () => {
  await seedPage?.close();
  await seedServer?.close();
  rmSync(seedSite, { recursive: true, force: true });
});

describeIndexContract("Pagefind's, the seed site's index", () => seed);
// Every word of the seed is printed on few pages: the word maps list the pages of each, and no shard's own index is read.
describeIndexContract("Pagefind's, the seed site's index, the pages its word maps list first", () => seedListed, { narrows: false });
