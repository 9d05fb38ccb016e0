import type { SpawnSyncReturns } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { trainOnSeed } from '../../src/bench/generate-archive.ts';
import { generatePage } from '../../src/bench/generate-page.ts';
import { Prng } from '../../src/bench/prng.ts';
import { compareTrees, digestTree } from '../support/tree-digest.ts';
import { buildArgs, printed, runScript } from '../support/build-command.ts';
import { holdsStoryPage } from '../../src/data/paths.ts';

/**
 * The hostile archive (issue "Nothing lost, nothing moved"): the seed pages
 * and a listings page of 5,000 items, built as an archivist would; then the
 * input an attacker or a careless archivist writes (a paper id that takes a
 * route, a character XML cannot hold, a tampered registry, a date not yet
 * printed), each refused with file and line while the published site stays
 * as it was. Links a build published are registered by it, and a withdrawn
 * story's link keeps answering.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'hostile-archive-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
const REGISTRY = join(content, 'permalinks.tsv');
const LISTING = join(content, 'pages/jhwb/2025-02-07/012_listings.txt');
const ITEMS = 5000;
/** Bytes a story page may take, whatever the number of its page mates (669 KB before they were capped). */
const MAX_STORY_PAGE_BYTES = 64 * 1024;

const build = (): SpawnSyncReturns<string> => runScript(buildArgs(dist), { ARCHIVE_CONTENT_DIR: content });
const output = printed;

/** Story pages of an edition: every index.html one folder below it. */
function storyPages(edition: string): string[] {
  return readdirSync(edition, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() && holdsStoryPage(e.name) ? [join(edition, e.name, 'index.html')] : [],
  );
}

let published: Map<string, string>;

beforeAll(() => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const page = generatePage({ paper: 'jhwb', date: '2025-02-07', label: '12', otherLabels: [] }, ITEMS, trainOnSeed(content), new Prng(15));
  mkdirSync(join(LISTING, '..'), { recursive: true });
  writeFileSync(LISTING, page.text);
  writeFileSync(
    LISTING.replace(/\.txt$/u, '.yml'),
    'paper: jhwb\ndate: 2025-02-07\npage: 12\nsources:\n  date: generated for a test\n  page: generated for a test\n',
  );
  const result = build();
  expect(result.status, output(result)).toBe(0);
  published = digestTree(dist);
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a listings page of 5,000 items', () => {
  test('every item has its page, each story page stays small, and the build registered every link', () => {
    const pages = storyPages(join(dist, 'jhwb/2025-02-07'));
    expect(pages.length).toBe(ITEMS);
    const sizes = pages.map((p) => statSync(p).size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_STORY_PAGE_BYTES);
    const story = readFileSync(pages[0] ?? '', 'utf8');
    expect(story).toContain(`本版共 ${ITEMS} 篇，查看全部`);
    const registered = readFileSync(REGISTRY, 'utf8')
      .split('\n')
      .filter((l) => l.includes('012_listings.txt'));
    expect(registered.length).toBe(ITEMS);
  });

  test('the host files are in the output: _headers with frame-ancestors, _redirects', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toContain("frame-ancestors 'none'");
    expect(existsSync(join(dist, '_redirects'))).toBe(true);
  });
});

describe('bad input is refused with file and line, and the site stays as published', () => {
  const refused = (change: () => () => void, where: RegExp): void => {
    const restore = change();
    try {
      const result = build();
      expect(result.status).not.toBe(0);
      expect(output(result)).toMatch(where);
      expect(compareTrees(published, digestTree(dist))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
    } finally {
      restore();
    }
  };
  const edit = (file: string, change: (text: string) => string) => () => {
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, change(before));
    return () => writeFileSync(file, before);
  };
  const PAPERS = join(content, 'papers.yml');
  const SEED = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e');

  test('a paper id that takes a route of the site', () => {
    refused(
      edit(PAPERS, (t) => `${t}- id: pagefind\n  name: 测试报\n`),
      /content\/papers\.yml:\d+: .*"pagefind" is a name the site uses/u,
    );
  });

  test('U+FFFF in a raw page', () => {
    refused(
      edit(`${SEED}.txt`, (t) => t.replace('潮起长江口', '潮起\uFFFF长江口')),
      /004_ca8fbf74e0fa523e\.txt:\d+: noncharacter U\+FFFF/u,
    );
  });

  test('a registry line that moves a story to another paper and an impossible date', () => {
    refused(
      edit(REGISTRY, (t) => `${t}/ntrb/1999-99-99/tampered/\t000_29ee23daad04a246.txt\t3\n`),
      /permalinks\.tsv:\d+: \/ntrb\/1999-99-99\/tampered\/: 1999-99-99 is not a day of the calendar/u,
    );
    refused(
      edit(REGISTRY, (t) => `${t}/ntrb/2025-02-06/tampered/\t000_29ee23daad04a246.txt\t5\n`),
      /permalinks\.tsv:\d+: \/ntrb\/2025-02-06\/tampered\/ names paper ntrb, but .* is in a page of jhwb/u,
    );
  });

  test('a date not printed yet', () => {
    refused(
      edit(`${SEED}.yml`, (t) => t.replace('date: 2024-01-24', 'date: 2099-12-31')),
      /004_ca8fbf74e0fa523e\.yml:\d+: date 2099-12-31 is after today/u,
    );
  });
});

describe('a withdrawn story', () => {
  const SEED_JHWB = join(content, 'pages/jhwb/2025-02-06/000_29ee23daad04a246');
  const ADDED = join(content, 'pages/jhwb/2025-02-08/001_withdrawn');

  test('a published page removed without a word fails the build; retired, its links keep a page saying when and why', () => {
    mkdirSync(join(ADDED, '..'), { recursive: true });
    writeFileSync(`${ADDED}.txt`, readFileSync(`${SEED_JHWB}.txt`, 'utf8').replace('晚报讯', '晚报综合消息'));
    writeFileSync(`${ADDED}.yml`, readFileSync(`${SEED_JHWB}.yml`, 'utf8').replace('date: 2025-02-06', 'date: 2025-02-08'));
    expect(build().status).toBe(0);
    const links = readFileSync(REGISTRY, 'utf8')
      .split('\n')
      .filter((l) => l.includes('\t001_withdrawn.txt\t'))
      .map((l) => l.split('\t')[0] ?? '');
    expect(links.length).toBe(2);
    const before = digestTree(dist);

    rmSync(join(ADDED, '..'), { recursive: true });
    const refused = build();
    expect(refused.status).not.toBe(0);
    expect(output(refused)).toMatch(
      /permalinks\.tsv:\d+: \/jhwb\/2025-02-08\/.* is published for 001_withdrawn\.txt line \d+, but no item holds that line now/u,
    );
    expect(compareTrees(before, digestTree(dist))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });

    appendFileSync(REGISTRY, links.map((url) => `${url}\tretired\t2026-11-26\t测试：应来源方要求撤回\n`).join(''));
    const retired = build();
    expect(retired.status, output(retired)).toBe(0);
    for (const url of links) {
      const notice = readFileSync(join(dist, url, 'index.html'), 'utf8');
      expect(notice).toContain('稿件已撤回');
      expect(notice).toContain('2026年11月26日');
      expect(notice).toContain('测试：应来源方要求撤回');
    }
    expect(existsSync(join(dist, 'jhwb/2025-02-08/index.html'))).toBe(false);
  });
});
