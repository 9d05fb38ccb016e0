import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { PageCache } from '../../src/archive/page-summaries.ts';
import { planArchive } from '../../src/archive/plan-archive.ts';
import { readArchive, type RawArchive, type RawFile } from '../../src/archive/read-archive.ts';
import type { MetaCache } from '../../src/archive/validate-archive.ts';
import { anchoredBody, printedBody } from '../../src/data/printed-text.ts';

const seeds = readArchive('content');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const withPages = (raw: RawArchive, ...files: RawFile[]): RawArchive => ({
  ...raw,
  pageFiles: [...raw.pageFiles, ...files].sort((a, b) => a.path.localeCompare(b.path)),
});

/** A third page: a real seed paragraph with a headline, dated after the seeds. */
const ADDED: RawFile[] = [
  {
    path: 'content/pages/ntrb/2024-01-25/001_added.txt',
    bytes: encode('潮起长江口\n\n本报讯 部分在苏外籍友好人士、外国驻苏办事机构代表和外商投资企业代表应邀旁听大会。\n'),
  },
  {
    path: 'content/pages/ntrb/2024-01-25/001_added.yml',
    bytes: encode('paper: ntrb\ndate: 2024-01-25\npage: A1\nsources:\n  date: test\n  page: test\n'),
  },
];

const digests = (raw: RawArchive, cache?: PageCache, version = 'v1'): Map<string, string> =>
  new Map(planArchive(raw, { ...(cache ? { cache } : {}), version }).items.map((item) => [item.id, item.digest]));

describe('planArchive', () => {
  test('gives the same records from its page cache as a clean build', () => {
    const cache: PageCache = new Map();
    const first = planArchive(seeds, { cache, version: 'v1' });
    expect(cache.size).toBe(2);
    const again = planArchive(seeds, { cache, version: 'v1' });
    expect(again.items.map((i) => i.record())).toEqual(buildArchive(seeds).articles);
    expect(again.items.map((i) => i.digest)).toEqual(first.items.map((i) => i.digest));
  });

  test('takes the summaries of cached pages from the cache instead of making them again', () => {
    const cache: PageCache = new Map();
    planArchive(seeds, { cache, version: 'v1', summarise: (records) => records.map((r) => r.id).join(',') });
    const plan = planArchive(seeds, { cache, version: 'v1', summarise: () => 'never called for cached pages' });
    expect(plan.extras.join(',')).toBe(
      buildArchive(seeds)
        .articles.map((a) => a.id)
        .join(','),
    );
  });

  test('adding a page leaves the digest of every existing item as it was', () => {
    const cache: PageCache = new Map();
    const before = digests(seeds, cache);
    const after = digests(withPages(seeds, ...ADDED), cache);
    for (const [id, digest] of before) expect(after.get(id)).toBe(digest);
    expect(after.size).toBe(before.size + 1);
    expect(after.has('ntrb/2024-01-25/chao-qi-chang-jiang-kou')).toBe(true);
  });

  test('editing a page changes the digests of its items and of no other', () => {
    const edited = seeds.pageFiles.map((f) =>
      f.path.endsWith('000_29ee23daad04a246.txt')
        ? { ...f, bytes: encode(new TextDecoder().decode(f.bytes).replace('晚报讯', '晚报讯 ')) }
        : f,
    );
    const before = digests(seeds);
    const after = digests({ ...seeds, pageFiles: edited });
    for (const [id, digest] of before) expect(after.get(id) === digest).toBe(!id.startsWith('jhwb/'));
  });

  test('reads each edition metadata text once: a text already read is taken from the cache, not parsed again', () => {
    const metaCache: MetaCache = new Map();
    planArchive(seeds, { metaCache });
    expect(metaCache.size).toBe(2);
    const [text, meta] = [...metaCache].find(([, m]) => m.paper === 'ntrb') ?? [];
    if (!text || !meta) throw new Error('no ntrb metadata read');
    // A value only the cache holds shows the second plan did not read the file.
    metaCache.set(text, { ...meta, page: 'Z9' });
    expect(
      planArchive(seeds, { metaCache })
        .items.filter((i) => i.record().paper === 'ntrb')
        .map((i) => i.record().page),
    ).toContain('Z9');
  });

  test('a new code version changes every digest', () => {
    const before = digests(seeds, new Map(), 'v1');
    const after = digests(seeds, new Map(), 'v2');
    for (const [id, digest] of before) expect(after.get(id)).not.toBe(digest);
  });
});

describe('printedBody', () => {
  test('reads exactly the blocks and anchors the archive built, from the raw page', () => {
    for (const article of buildArchive(seeds).articles) {
      expect(anchoredBody(article)).toEqual(article.body);
      expect(printedBody(article).map((b) => b.text)).toEqual(article.body.map((b) => b.text));
    }
  });

  test('names the file and line when no item begins there any more', () => {
    const [article] = buildArchive(seeds).articles;
    if (!article) throw new Error('no seed article');
    expect(() => printedBody({ source: { ...article.source, lines: [2, 2] } })).toThrow(
      `${article.source.path}:2: no item begins here any more`,
    );
  });
});

describe('a paper’s house style', () => {
  const corpus = readArchive('tests/fixtures/real-pages');
  const page = 'tests/fixtures/real-pages/pages/zhjrb/2006-04-06/zhjrb-20060406-00004';
  /** The corpus with the zhjrb page's corrections taken out, and papers.yml as given. */
  const uncorrected = (papers: string): RawArchive => ({
    ...corpus,
    papers: corpus.papers && { ...corpus.papers, bytes: encode(papers) },
    pageFiles: corpus.pageFiles.map((f) =>
      f.path === `${page}.yml` ? { ...f, bytes: encode(new TextDecoder().decode(f.bytes).replace(/\ncorrections:[\s\S]*$/u, '\n')) } : f,
    ),
  });
  const papersText = new TextDecoder().decode(corpus.papers?.bytes);
  const headlines = (raw: RawArchive): (string | null)[] =>
    buildArchive(raw)
      .articles.filter((a) => a.source.path === `${page}.txt`)
      .map((a) => a.headline);

  test('is weighed on the paper’s pages as the archive plans them (浙江日报: a two-line head is 引题 over 主题)', () => {
    expect(papersText).toContain('twoLineHead: kicker-headline');
    expect(headlines(uncorrected(papersText))).toEqual(['希腊一客机幸免 与两架战机相撞', '韩国外长表示愤慨']);
    const unstyled = papersText.replace(
      /\n {2}# Proposed by npm run parse:style -- zhjrb[^\n]*\n {2}style:\n {4}twoLineHead: kicker-headline/u,
      '',
    );
    expect(unstyled).not.toBe(papersText);
    expect(headlines(uncorrected(unstyled))).toEqual(['希腊一客机幸免 与两架战机相撞', '日本歪曲韩对日政策韩国外长表示愤慨']);
  });

  test('gives the printed bodies the archive built (pages whose papers have a style among them)', () => {
    for (const article of buildArchive(corpus).articles)
      expect(printedBody(article).map((b) => b.text)).toEqual(article.body.map((b) => b.text));
  });
});
