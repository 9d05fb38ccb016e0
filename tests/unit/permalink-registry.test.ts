import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { formatSeal, sealLines } from '../../src/archive/line-seal.ts';
import { newRegistryLines, parseRegistry } from '../../src/archive/permalink-registry.ts';
import { planArchive } from '../../src/archive/plan-archive.ts';
import { readArchive, type RawArchive, type RawFile } from '../../src/archive/read-archive.ts';
import { sourceLines } from '../../src/archive/source-lines.ts';
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
    const seal = (text: string): string => formatSeal(sealLines(sourceLines(text), 1, 3));
    expect(lines.split('\n').filter(Boolean).sort()).toEqual([
      `${JHWB_LINK}${TAB}p1.txt${TAB}1${TAB}${pageDigest(JHWB)}${TAB}${seal(JHWB)}`,
      `${NTRB_LINK}${TAB}a2.txt${TAB}1${TAB}${pageDigest(NTRB)}${TAB}${seal(NTRB)}`,
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
        '',
      ].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.message.split(';')[0]])).toEqual([
      [1, `${JHWB_LINK} is not published on a line above`],
      [3, `${NTRB_LINK} retired: write "url<TAB>retired<TAB>YYYY-MM-DD<TAB>why", the date it was withdrawn and why`],
      [5, `${NTRB_LINK} was retired on line 4`],
    ]);
  });
});

describe('the registry is read line by line and as a whole', () => {
  test('a last line without a line break was cut: it is named; older lines without digest or seal still read', () => {
    const registry = parseRegistry(REGISTRY, `${NTRB_LINK}${TAB}a2.txt${TAB}1\n${JHWB_LINK}${TAB}p1.txt${TAB}1`);
    expect(registry.problems).toEqual([
      {
        file: REGISTRY,
        line: 2,
        message: expect.stringMatching(/^line 2 has no line break at its end, so it may have been cut \(".*<TAB>p1\.txt<TAB>1"\)/u),
      },
    ]);
    expect(registry.entries.map((e) => [e.url, e.line, e.digest, e.seal])).toEqual([
      [NTRB_LINK, 1, null, null],
      [JHWB_LINK, 1, null, null],
    ]);
  });

  test('a line repeated word for word is named; a later line that re-points a link within its page, or seals it again, is not', () => {
    const once = `${NTRB_LINK}${TAB}a2.txt${TAB}1\n`;
    expect(parseRegistry(REGISTRY, `${once}${once}`).problems).toEqual([
      { file: REGISTRY, line: 2, message: expect.stringContaining(`${NTRB_LINK} is registered twice: this line repeats line 1`) },
    ]);
    const repointed = parseRegistry(REGISTRY, `${once}${NTRB_LINK}${TAB}a2.txt${TAB}3\n`);
    expect([repointed.problems, repointed.entries.map((e) => e.line)]).toEqual([[], [3]]);
    const sealed = parseRegistry(REGISTRY, `${once}${NTRB_LINK}${TAB}a2.txt${TAB}1${TAB}0123456789abcdef${TAB}1-3:fedcba9876543210\n`);
    expect([sealed.problems, sealed.entries.map((e) => e.seal)]).toEqual([[], [{ first: 1, last: 3, digest: 'fedcba9876543210' }]]);
  });

  test('a seal that is not first-last:digest, or without the page digest, is refused', () => {
    const { problems } = parseRegistry(
      REGISTRY,
      `${NTRB_LINK}${TAB}a2.txt${TAB}1${TAB}0123456789abcdef${TAB}3-1:fedcba9876543210\n${JHWB_LINK}${TAB}p1.txt${TAB}1${TAB}${TAB}1-3:fedcba9876543210\n`,
    );
    expect(problems.map((p) => p.line)).toEqual([1, 2]);
  });
});

/** The seed archive as stored, with the seed page's text and the registry replaced. */
function seed(registry: string, edit: (text: string) => string = (t) => t): RawArchive {
  const raw = readArchive('content');
  const page = 'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt';
  return {
    ...raw,
    pageFiles: raw.pageFiles.map((f) => (f.path === page ? { ...f, bytes: encode(edit(new TextDecoder().decode(f.bytes))) } : f)),
    registry: { path: REGISTRY, bytes: encode(registry) },
  };
}
const SEED_PAGE = 'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt';
/** The seed page with lines 13–22 deleted, as `sed -i 13,22d` does. */
const cut13to22 = (text: string): string => {
  const lines = text.split('\n');
  return [...lines.slice(0, 12), ...lines.slice(22)].join('\n');
};
const FEN_XIANG = '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/';

describe('a registered raw page is never edited unseen', () => {
  const registered = newRegistryLines(buildArchive(seed('')).unregistered);

  test('lines deleted under sealed links: each link that moved is offered the line that follows it, the others the ways out', () => {
    const built = buildArchive(seed(registered, cut13to22));
    const stories = built.problems.filter((p) => p.file === REGISTRY);
    // The first story held the deleted lines; the six after it moved up by ten lines.
    expect(stories).toHaveLength(7);
    expect(stories[0]?.message).toMatch(
      /was registered for lines 3–55 of 004_ca8fbf74e0fa523e\.txt, which no longer hold the text they held then, and nowhere on the page/u,
    );
    expect(stories[0]?.message).toContain('<TAB>retired<TAB>');
    expect(stories[1]?.message).toMatch(
      /was registered for lines 57–65 .*: its text stands at lines 47–55 now\. .*append ".*<TAB>004_ca8fbf74e0fa523e\.txt<TAB>47<TAB>/u,
    );
    // Without the copy the last build published, the page cannot say which of its lines changed.
    expect(built.problems.filter((p) => p.file === SEED_PAGE)).toEqual([
      {
        file: SEED_PAGE,
        line: 1,
        message: expect.stringContaining('the page no longer holds the lines its links were registered for; 7 published link(s)'),
      },
    ]);
  });

  test('against the copy the last build published, the page names its changed lines', () => {
    const published = new TextDecoder().decode(readArchive('content').pageFiles.find((f) => f.path === SEED_PAGE)?.bytes);
    const built = buildArchive(seed(registered, cut13to22), {
      witness: {
        out: 'dist',
        manifests: [],
        problems: [],
        publishedPage: (_paper, _date, file) => (file === '004_ca8fbf74e0fa523e.txt' ? published : null),
      },
    });
    expect(built.problems.filter((p) => p.file === SEED_PAGE)).toEqual([
      {
        file: SEED_PAGE,
        line: 13,
        message: expect.stringContaining('lines 13–22 of the page as published were removed, so every line after them moved up by 10'),
      },
    ]);
  });

  test('a line that seals a link again, for the text its lines hold now, lets the edit through', () => {
    const built = buildArchive(seed(registered, cut13to22));
    const offered = built.problems.flatMap((p) => [...p.message.matchAll(/(?:append |hold now \()"([^"]+)"/gu)].map((m) => m[1] ?? ''));
    expect(offered).toHaveLength(7);
    const accepted = `${registered}${offered.map((l) => `${l.replaceAll('<TAB>', TAB)}\n`).join('')}`;
    expect(buildArchive(seed(accepted, cut13to22)).problems).toEqual([]);
  });
});

describe('a story retired while its page is kept', () => {
  const SEED_REGISTRY = new TextDecoder().decode(readArchive('content').registry?.bytes);
  const retired = `${SEED_REGISTRY}${FEN_XIANG}${TAB}retired${TAB}2026-11-26${TAB}应作者要求撤回\n`;

  test('is left out of the archive and given no new link; its lines are given for the raw page to leave out', () => {
    const plan = planArchive(seed(retired));
    expect(plan.problems).toEqual([]);
    expect(plan.unregistered).toEqual([]);
    const records = plan.items.map((i) => i.record());
    expect(records.filter((r) => r.source.file === '004_ca8fbf74e0fa523e.txt').map((r) => r.source.lines[0])).toEqual([
      3, 67, 75, 91, 95, 115,
    ]);
    expect(records.some((r) => r.paragraphs.some((p) => p.includes('协同创新我先行')))).toBe(false);
    expect(plan.retired).toEqual([
      { url: FEN_XIANG, date: '2026-11-26', reason: '应作者要求撤回', withdrawn: { path: SEED_PAGE, lines: [57, 65] } },
    ]);
    expect(plan.links.find((l) => l.url === FEN_XIANG)).toMatchObject({ answers: 'retired', file: '004_ca8fbf74e0fa523e.txt', line: 57 });
  });

  test('its page mates keep their place on the page', () => {
    const kept = planArchive(seed(SEED_REGISTRY)).items.map((i) => i.record());
    const withdrawn = planArchive(seed(retired)).items.map((i) => i.record());
    const order = (records: typeof kept): [string, number][] => records.filter((r) => r.url !== FEN_XIANG).map((r) => [r.url, r.order]);
    expect(order(withdrawn)).toEqual(order(kept));
  });
});
