import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { readArticles } from '../../src/tools/bulk-data.ts';
import { WORD_MAP_FOLDERS, wordMapOf, wordMapPath, type WordMapInfo } from '../../src/search/pagefind/word-map.ts';

const DIST = 'dist';
const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .map((f) => join(DIST, f))
  .filter((f) => statSync(f).isFile());
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const xmlFiles = files.filter((f) => f.endsWith('.xml'));

/** The site path a built file is served at. */
const pathOf = (file: string): string => `/${relative(DIST, file).replace(/index\.html$/u, '')}`;

/** Ids in a built HTML file, for anchor checks. */
function idsOf(file: string): Set<string> {
  return new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/gu)].map((m) => m[1] ?? ''));
}

/** The built file a site path resolves to, as a static host would serve it. */
function fileFor(path: string): string | null {
  const local = join(DIST, decodeURIComponent(path));
  if (existsSync(local) && statSync(local).isFile()) return local;
  const index = join(local, 'index.html');
  return existsSync(index) ? index : null;
}

/** Every same-site link in a file: href and src in HTML, <loc> and <link href> in XML. */
function linksOf(file: string, site: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/\s(?:href|src)="([^"]+)"/gu), ...text.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1] ?? '');
  return found
    .map((u) => u.replaceAll('&amp;', '&'))
    .filter((u) => !u.startsWith('data:') && !u.startsWith('mailto:'))
    .map((u) => (u.startsWith(site) ? u.slice(site.length) : u))
    .map((u) => (u.startsWith('/') || u.startsWith('#') || /^[a-z]+:/iu.test(u) ? u : new URL(u, `http://x${pathOf(file)}`).pathname));
}

describe('the built site', () => {
  test('every HTML page passes html-validate with its recommended rules', async () => {
    expect(htmlFiles.length).toBeGreaterThan(10);
    // The search results list is named by aria-label as the search issue asks;
    // an <ol> is a namable list, so the rule is told to allow namable elements.
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'aria-label-misuse': ['error', { allowAnyNamable: true }] },
    });
    const errors: string[] = [];
    for (const file of htmlFiles) {
      const report = await validator.validateFile(file);
      for (const r of report.results) for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(errors).toEqual([]);
  });

  test('no link or anchor in any page, feed or sitemap is broken', () => {
    const site = (process.env['SITE_URL'] ?? 'http://localhost:4321').replace(/\/$/u, '');
    const broken: string[] = [];
    for (const file of [...htmlFiles, ...xmlFiles]) {
      for (const link of linksOf(file, site)) {
        if (/^[a-z]+:/iu.test(link)) {
          broken.push(`${file}: ${link} leaves the site`);
          continue;
        }
        const [path = '', hash] = link.split('#');
        const target = path === '' ? file : fileFor(path.split('?')[0] ?? '');
        if (!target) broken.push(`${file}: ${link} has no file`);
        else if (hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(hash)))
          broken.push(`${file}: ${link} has no anchor #${hash}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('the sitemap index lists parts of at most 50,000 URLs that together list every story of the bulk data', () => {
    const articles = readArticles(DIST);
    const parts = [...readFileSync(join(DIST, 'sitemap.xml'), 'utf8').matchAll(/<sitemap><loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/gu)].map(
      (m) => m[1] ?? '',
    );
    expect(parts.length).toBeGreaterThan(1);
    const texts = parts.map((part) => readFileSync(join(DIST, part), 'utf8'));
    for (const text of texts) expect(text.split('<url>').length - 1).toBeLessThanOrEqual(50_000);
    const all = texts.join('\n');
    for (const a of articles) expect(all).toContain(`${a.url}</loc>`);
    const counts = JSON.parse(readFileSync(join(DIST, 'api/articles.json'), 'utf8')) as { parts: { count: number }[] };
    expect(counts.parts.reduce((sum, part) => sum + part.count, 0)).toBe(articles.length);
  });
});

describe('search index', () => {
  test('is one Pagefind shard for each month of the newest half-year and one per paper and half-year before it, with the build input removed', () => {
    const articles = readArticles(DIST);
    const half = (date: string): string => `${date.slice(0, 4)}h${date.slice(5, 7) <= '06' ? 1 : 2}`;
    const newest = half(
      articles
        .map(({ date }) => date)
        .sort()
        .at(-1) ?? '',
    );
    const expected = [
      ...new Set(articles.map(({ paper, date }) => (half(date) === newest ? `recent-${date.slice(0, 7)}` : `${paper}-${half(date)}`))),
    ].sort();
    const shards = readdirSync(join(DIST, 'pagefind'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /-\d{4}(h[12](-\d\d)?|-\d\d)$/u.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect(shards).toEqual(expected);
    for (const shard of shards) expect(readdirSync(join(DIST, 'pagefind', shard)).some((f) => f.endsWith('.pf_meta'))).toBe(true);
    // The search reads the index files itself: no script, wasm or index of Pagefind's beside the shards, only the word maps.
    expect(
      readdirSync(join(DIST, 'pagefind'))
        .filter((f) => !shards.includes(f))
        .sort(),
    ).toEqual([...WORD_MAP_FOLDERS].sort());
    for (const folder of WORD_MAP_FOLDERS) {
      const map = JSON.parse(readFileSync(join(DIST, wordMapPath(folder)), 'utf8')) as WordMapInfo;
      expect(map.shards).toEqual(shards.filter((shard) => wordMapOf(shard) === folder));
      expect(map.shards.length).toBeGreaterThan(0);
      // A bucket each, and the shares listing the pages of its rare words.
      expect(readdirSync(join(DIST, 'pagefind', folder, 'index')).filter((file) => /^[0-9a-f]+-\d+\.pf_words$/u.test(file))).toHaveLength(
        map.buckets,
      );
    }
    for (const shard of shards) expect(readdirSync(join(DIST, 'pagefind', shard)).filter((f) => /\.(js|pagefind)$/u.test(f))).toEqual([]);
    expect(existsSync(join(DIST, 'search', 'records'))).toBe(false);
    expect(files.some((f) => /pagefind-(ui|component-ui|modular-ui|worker|highlight)\./u.test(f))).toBe(false);
  });
});
