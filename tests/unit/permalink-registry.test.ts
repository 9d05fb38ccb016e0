import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { newRegistryLines, parseRegistry } from '../../src/archive/permalink-registry.ts';
import type { RawArchive, RawFile } from '../../src/archive/read-archive.ts';
import { pageDigest } from '../../src/archive/validate-archive.ts';

/**
 * The permalink registry as an append-only log (src/archive/permalink-registry.ts):
 * links a build published stay, a tampered line is refused, a withdrawn or
 * moved story keeps its link answering. Pages are real lines of the seed
 * pages (南通日报 2024-01-24 A2, 江海晚报 2025-02-06).
 */

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const PAPERS = '- id: ntrb\n  name: 南通日报\n- id: jhwb\n  name: 江海晚报\n';
const meta = (paper: string, date: string, page: string): string =>
  `paper: ${paper}\ndate: ${date}\npage: ${page}\nsources:\n  date: printed\n  page: printed\n`;
const NTRB = '市总工会举行劳模迎新活动\n\n本报讯 （记者彭军君 实习生陈少鹏）22日，市总工会“协同创新我先行”2024年劳模迎新活动举行。\n';
const JHWB = '聚焦重大任务 坚持先行先试\n\n晚报讯 昨天下午，市委全面深化改革委员会召开会议。\n';
const NTRB_LINK = '/ntrb/2024-01-24/shi-zong-gong-hui-ju-xing-lao-mo/';
const JHWB_LINK = '/jhwb/2025-02-06/ju-jiao-zhong-da-ren-wu-jian-chi/';
const REGISTRY = 'content/permalinks.tsv';

const page = (path: string, text: string, yml: string): RawFile[] => [
  { path: `content/pages/${path}.txt`, bytes: encode(text) },
  { path: `content/pages/${path}.yml`, bytes: encode(yml) },
];
const NTRB_PAGE = page('ntrb/2024-01-24/a2', NTRB, meta('ntrb', '2024-01-24', 'A2'));
const JHWB_PAGE = page('jhwb/2025-02-06/p1', JHWB, meta('jhwb', '2025-02-06', '1'));

function archive(registry: string, pages: RawFile[][] = [NTRB_PAGE, JHWB_PAGE]): RawArchive {
  return {
    papers: { path: 'content/papers.yml', bytes: encode(PAPERS) },
    pageFiles: pages.flat(),
    registry: { path: REGISTRY, bytes: encode(registry) },
  };
}
const TAB = '\t';

describe('a build registers what it publishes, and the next keeps it', () => {
  test('new links come with the page digest; read back, they name the same items', () => {
    const first = buildArchive(archive(''));
    const lines = newRegistryLines(first.unregistered);
    expect(lines.split('\n').filter(Boolean).sort()).toEqual([
      `${JHWB_LINK}${TAB}p1.txt${TAB}1${TAB}${pageDigest(JHWB)}`,
      `${NTRB_LINK}${TAB}a2.txt${TAB}1${TAB}${pageDigest(NTRB)}`,
    ]);
    const second = buildArchive(archive(lines));
    expect(second.problems).toEqual([]);
    expect(second.unregistered).toEqual([]);
    expect(second.articles.map((a) => a.url).sort()).toEqual([JHWB_LINK, NTRB_LINK]);
  });

  test('once registered, a removed page fails the build and names what to append', () => {
    const lines = newRegistryLines(buildArchive(archive('')).unregistered);
    const built = buildArchive(archive(lines, [JHWB_PAGE]));
    expect(built.problems).toEqual([
      { file: REGISTRY, line: expect.any(Number), message: expect.stringContaining(`append "${NTRB_LINK}<TAB>retired<TAB>`) },
    ]);
  });

  test('a renamed page is recognised by its digest and the line that keeps the link is offered', () => {
    const lines = newRegistryLines(buildArchive(archive('')).unregistered);
    const renamed = page('ntrb/2024-01-24/a2-renamed', NTRB, meta('ntrb', '2024-01-24', 'A2'));
    const built = buildArchive(archive(lines, [renamed, JHWB_PAGE]));
    expect(built.problems).toEqual([
      {
        file: REGISTRY,
        line: expect.any(Number),
        message: expect.stringContaining(`append "${NTRB_LINK}<TAB>a2-renamed.txt<TAB>1" to keep the link`),
      },
    ]);
    const repointed = buildArchive(archive(`${lines}${NTRB_LINK}${TAB}a2-renamed.txt${TAB}1\n`, [renamed, JHWB_PAGE]));
    expect(repointed.problems).toEqual([]);
    expect(repointed.articles.find((a) => a.source.file === 'a2-renamed.txt')?.url).toBe(NTRB_LINK);
  });
});

describe('a tampered registry is refused at its line', () => {
  test('a link under another paper than its item’s', () => {
    const built = buildArchive(archive(`/ntrb/2025-02-06/x/${TAB}p1.txt${TAB}1\n`));
    expect(built.problems).toEqual([
      { file: REGISTRY, line: 1, message: expect.stringContaining('names paper ntrb, but p1.txt line 1 is in a page of jhwb') },
    ]);
  });

  test('a link whose date is no day of the calendar', () => {
    const built = buildArchive(archive(`/ntrb/1999-99-99/x/${TAB}p1.txt${TAB}1\n`));
    expect(built.problems).toEqual([
      { file: REGISTRY, line: 1, message: expect.stringContaining('1999-99-99 is not a day of the calendar') },
    ]);
  });

  test('a link registered under another date keeps answering, and the line that moves it is offered', () => {
    const built = buildArchive(archive(`/jhwb/2025-02-05/kept/${TAB}p1.txt${TAB}1\n`));
    expect(built.problems).toEqual([]);
    expect(built.articles.find((a) => a.paper === 'jhwb')?.url).toBe('/jhwb/2025-02-05/kept/');
    expect(built.warnings).toEqual([
      { file: REGISTRY, line: 1, message: expect.stringContaining('append "/jhwb/2025-02-05/kept/<TAB>moved"') },
    ]);
  });
});

describe('withdrawn and moved links keep answering', () => {
  test('a retired link is listed with its date and reason, and never given to another item', () => {
    const registry = `${JHWB_LINK}${TAB}gone.txt${TAB}1\n${JHWB_LINK}${TAB}retired${TAB}2026-11-26${TAB}应作者要求撤回\n`;
    const built = buildArchive(archive(registry));
    expect(built.problems).toEqual([]);
    expect(built.retired).toEqual([{ url: JHWB_LINK, date: '2026-11-26', reason: '应作者要求撤回' }]);
    expect(built.articles.find((a) => a.paper === 'jhwb')?.url).toBe(JHWB_LINK.replace(/\/$/u, '-2/'));
  });

  test('a moved link leads to wherever its story is now: after a corrected date, to its new link', () => {
    const registry = `/jhwb/2025-02-05/ju-jiao-zhong-da-ren-wu-jian-chi/${TAB}p1.txt${TAB}1\n/jhwb/2025-02-05/ju-jiao-zhong-da-ren-wu-jian-chi/${TAB}moved\n`;
    const built = buildArchive(archive(registry));
    expect(built.problems).toEqual([]);
    expect(built.articles.find((a) => a.paper === 'jhwb')?.url).toBe(JHWB_LINK);
    expect(built.moved).toEqual([{ from: '/jhwb/2025-02-05/ju-jiao-zhong-da-ren-wu-jian-chi/', to: JHWB_LINK, why: 'moved' }]);
  });

  test('a move or retirement of a link never published, a retirement without a reason, and a second word after it are refused', () => {
    const { problems } = parseRegistry(
      REGISTRY,
      [
        `${JHWB_LINK}${TAB}moved`,
        `${NTRB_LINK}${TAB}a2.txt${TAB}1`,
        `${NTRB_LINK}${TAB}retired${TAB}2026-11-26`,
        `${NTRB_LINK}${TAB}retired${TAB}2026-11-26${TAB}撤稿`,
        `${NTRB_LINK}${TAB}a2.txt${TAB}3`,
      ].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.message.split(';')[0]])).toEqual([
      [1, `${JHWB_LINK} is not published on a line above`],
      [3, `${NTRB_LINK} retired: write "url<TAB>retired<TAB>YYYY-MM-DD<TAB>why", the date it was withdrawn and why`],
      [5, `${NTRB_LINK} was retired on line 4`],
    ]);
  });
});
