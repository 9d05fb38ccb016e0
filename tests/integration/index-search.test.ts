import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { planArchive } from '../../src/archive/plan-archive.ts';
import { readArchive } from '../../src/archive/read-archive.ts';
import { PhaseProgress } from '../../src/build/build-progress.ts';
import { beginBuildRun } from '../../src/build/build-run.ts';
import { moveSearchIndex, searchFolder, startSearchIndex } from '../../src/build/search-while-rendering.ts';
import { indexSearch } from '../../src/search/indexer/index-search.ts';
import type { SearchRecord } from '../../src/search/shared/search-record.ts';

const tmp = mkdtempSync(join(tmpdir(), 'index-search-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One story on page `page` of a paper's edition. */
function record(paper: string, date: string, page: number, text: string): SearchRecord {
  const source = `/${paper}/${date}/source/00${page}/`;
  return {
    url: `/${paper}/${date}/s${page}/`,
    paper,
    paperName: paper,
    date,
    page: String(page),
    pageName: null,
    kind: 'story',
    columnName: null,
    authors: [],
    title: text,
    blocks: [['paragraph', text, '']],
    source,
  };
}

/** A site folder whose search records hold the given files (name → contents). */
function siteWith(name: string, files: Record<string, string>): string {
  const site = join(tmp, name);
  mkdirSync(join(site, 'search', 'records'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(site, 'search', 'records', file), text);
  return site;
}

/** Indexes a site's records as the build does, its progress written into `lines`. */
const index = (site: string, jobs?: number, lines: string[] = []): Promise<string> =>
  indexSearch(
    site,
    join(site, 'search', 'records'),
    jobs,
    new PhaseProgress('indexing', 'search shards', { write: (t) => lines.push(t), tty: false, every: 0 }),
  );

describe('the search indexer (src/search/indexer/index-search.ts)', () => {
  test('indexes every shard into its own folder, whatever the number at a time, counting each, and removes the records', async () => {
    const shards = {
      'ntrb-2024h1.json': JSON.stringify({
        records: [record('ntrb', '2024-01-24', 1, '潮起长江口'), record('ntrb', '2024-01-24', 2, '江海')],
      }),
      'ntrb-2024h2.json': JSON.stringify({ records: [record('ntrb', '2024-07-01', 1, '南通港')] }),
      'recent-2025-02.json': JSON.stringify({ records: [record('jhwb', '2025-02-06', 1, '许昆林')] }),
    };
    for (const jobs of ['1', '3']) {
      const site = siteWith(`jobs-${jobs}`, shards);
      const lines: string[] = [];
      const said = await index(site, Number(jobs), lines);
      expect(said).toContain(`Indexed 3 search shards into ${join(site, 'pagefind')}, ${jobs} at a time`);
      // Nothing but the shards: the browser reads their files itself, with no script or wasm of Pagefind's.
      expect(readdirSync(join(site, 'pagefind')).sort()).toEqual(['ntrb-2024h1', 'ntrb-2024h2', 'recent-2025-02']);
      for (const shard of ['ntrb-2024h1', 'ntrb-2024h2', 'recent-2025-02']) {
        expect(readdirSync(join(site, 'pagefind', shard)).some((file) => file.endsWith('.pf_meta'))).toBe(true);
      }
      // One line as indexing starts, one per shard done, and the summary.
      expect(lines[0]).toBe('indexing: 0 of about 3 search shards\n');
      expect(lines.filter((line) => / of about 3 search shards/u.test(line))).toHaveLength(4);
      expect(lines.at(-1)).toMatch(/^indexing: 3 search shards in \d+\.\d s\n$/u);
      expect(existsSync(join(site, 'search', 'records'))).toBe(false);
    }
  });

  test('fails, naming the shard, when one cannot be indexed', async () => {
    const site = siteWith('broken', {
      'ntrb-2024h1.json': JSON.stringify({ records: [record('ntrb', '2024-01-24', 1, '潮起长江口')] }),
      'jhwb-2025h1.json': '{"records": [',
    });
    await expect(index(site)).rejects.toThrow(join(site, 'search', 'records', 'jhwb-2025h1.json'));
  });
});

describe('the search index made while the pages render (src/build/search-while-rendering.ts)', () => {
  test('writes the records and returns at once, indexing beside the fresh folder, then moves the shards and word maps into it', async () => {
    const plan = planArchive(readArchive('content'));
    const folders = { fresh: join(tmp, 'fresh'), cache: join(tmp, 'fresh.cache'), words: join(tmp, 'fresh.cache', 'search-words') };
    mkdirSync(folders.fresh, { recursive: true });
    const run = beginBuildRun({}, null);
    const lines: string[] = [];
    const indexing = startSearchIndex(
      folders,
      run,
      plan.items,
      new PhaseProgress('indexing', 'search shards', { write: (t) => lines.push(t), tty: false, every: 0 }),
    );
    let settled = false;
    void indexing.done.then(() => (settled = true));
    // Returned before any shard was indexed: the build renders meanwhile.
    expect(settled).toBe(false);
    expect(Object.keys(run.keys.get('search-records') ?? {}).sort()).toEqual([
      '/search/records/ntrb-2024h1.json',
      '/search/records/recent-2025-02.json',
    ]);
    const said = await indexing.done;
    expect(said[0]).toContain('Indexed 2 search shards');
    expect(said[1]).toMatch(/^Word maps: wrote words \(1 shards, \d+ words, \d+ buckets\) and recentwords \(1 shards/u);
    expect(readdirSync(join(searchFolder(folders), 'pagefind')).sort()).toEqual(['ntrb-2024h1', 'recent-2025-02', 'recentwords', 'words']);
    // Each shard's words, and the pages of its rare words.
    expect(
      readdirSync(folders.words)
        .map((file) => file.replace(/\.zh-cn_[0-9a-f]+\./u, '.'))
        .sort(),
    ).toEqual(['ntrb-2024h1.rare.json', 'ntrb-2024h1.words', 'recent-2025-02.rare.json', 'recent-2025-02.words']);
    moveSearchIndex(folders);
    expect(readdirSync(join(folders.fresh, 'pagefind')).sort()).toEqual(['ntrb-2024h1', 'recent-2025-02', 'recentwords', 'words']);
    expect(existsSync(searchFolder(folders))).toBe(false);
  });

  test('stops its indexing processes when the build ends first', async () => {
    const plan = planArchive(readArchive('content'));
    const folders = { fresh: join(tmp, 'stopped'), cache: join(tmp, 'stopped.cache'), words: join(tmp, 'stopped.cache', 'search-words') };
    const indexing = startSearchIndex(
      folders,
      beginBuildRun({}, null),
      plan.items,
      new PhaseProgress('indexing', 'search shards', { write: () => undefined, tty: false }),
    );
    indexing.stop();
    await expect(indexing.done).rejects.toThrow(/abort/iu);
    expect(existsSync(join(searchFolder(folders), 'pagefind', 'words'))).toBe(false);
  });
});
