import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { decodePageText } from '../../src/archive/decode-page-text.ts';
import { RESERVED_TOP_LEVEL } from '../../src/site/settings.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import type { RawArchive } from '../../src/archive/read-archive.ts';
import { chinaToday, validateArchive } from '../../src/archive/validate-archive.ts';
import { nearest } from '../../src/data/page-mates.ts';
import { headersFile, redirectsFile } from '../../src/data/host-files.ts';
import { pageProblems } from '../support/page-accounting.ts';

/**
 * The archive's input as an attacker or a careless archivist writes it
 * (issue "Nothing lost, nothing moved"): every case either builds what the
 * page prints or is refused with file, line and what to fix. Pages are real
 * lines of the seed page 南通日报 2024-01-24 A2.
 */

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const TXT = 'content/pages/ntrb/2024-01-24/900_hostile.txt';
const YML = TXT.replace(/\.txt$/u, '.yml');
const PAPERS = '- id: ntrb\n  name: 南通日报\n';
const META = 'paper: ntrb\ndate: 2024-01-24\npage: A2\nsources:\n  date: printed\n  page: printed\n';
/** Two real lines of the seed page: a headline and its dateline paragraph. */
const STORY = '市总工会举行劳模迎新活动\n\n本报讯 （记者彭军君 实习生陈少鹏）22日，市总工会“协同创新我先行”2024年劳模迎新活动举行。\n';

function archive(text: string | Uint8Array, meta = META, papers = PAPERS): RawArchive {
  return {
    papers: { path: 'content/papers.yml', bytes: encode(papers) },
    pageFiles: [
      { path: TXT, bytes: typeof text === 'string' ? encode(text) : text },
      { path: YML, bytes: encode(meta) },
    ],
    registry: null,
  };
}

describe('characters no text holds are refused at their line, with what to do', () => {
  test.each([
    ['U+FFFE, a noncharacter (a byte-order mark read backwards)', '\uFFFE', 'noncharacter U+FFFE'],
    ['U+FFFF', '\uFFFF', 'noncharacter U+FFFF'],
    ['a C1 control, the mark of text decoded as Latin-1', '\u0085', 'U+0085 (C1)'],
    ['a form feed, the page break of a print export', '\f', 'form feed'],
    ['a NUL byte', '\u0000', 'control character U+0000'],
  ])('%s', (_what, char, words) => {
    const text = STORY.replace('22日', `22日${char}`);
    const result = decodePageText(TXT, encode(text));
    expect(result).toEqual({ problem: { file: TXT, line: 3, message: expect.stringContaining(words) } });
    expect(buildArchive(archive(text)).articles).toEqual([]);
  });

  test('U+FFFD, what a lossy conversion leaves, is kept with a warning at its line', () => {
    const text = STORY.replace('劳模', '劳\uFFFD');
    const built = buildArchive(archive(text));
    expect(built.problems).toEqual([]);
    expect(built.articles[0]?.headline).toBe('市总工会举行劳\uFFFD迎新活动');
    expect(built.warnings).toEqual([{ file: TXT, line: 1, message: expect.stringContaining('U+FFFD') }]);
  });
});

describe('line ends', () => {
  test('CR-only line ends (an old Mac export) are line ends: the page reads as with LF, every character accounted for', () => {
    const cr = STORY.replaceAll('\n', '\r');
    const page = parsePage(cr);
    expect(page.items.map((i) => [i.headline, i.dateline, i.lines])).toEqual([
      ['市总工会举行劳模迎新活动', '本报讯 （记者彭军君 实习生陈少鹏）', [1, 3]],
    ]);
    expect(pageProblems(cr, page)).toEqual([]);
  });
});

describe('paper ids that would take a route of the site', () => {
  test.each(['search', 'pagefind', 'api', 'sitemaps', 'people', 'columns', 'calendar'])(
    '"%s" is refused at its line in papers.yml',
    (id) => {
      const built = buildArchive(archive(STORY, META.replace('ntrb', id), `${PAPERS}- id: ${id}\n  name: 测试报\n`));
      expect(built.problems).toContainEqual({
        file: 'content/papers.yml',
        line: 3,
        message: expect.stringContaining(`"${id}" is a name the site uses`),
      });
    },
  );

  test('every top-level route and folder of the site is reserved', () => {
    const routes = readdirSync(new URL('../../src/pages/', import.meta.url))
      .filter((name) => !name.startsWith('['))
      .map((name) => name.replace(/\.(astro|ts)$/u, '').replace(/\.[a-z]+$/u, ''));
    for (const name of [...routes, 'pagefind', '_astro']) expect(RESERVED_TOP_LEVEL.has(name), name).toBe(true);
  });
});

describe('dates an edition cannot have', () => {
  test('a date after today in China is refused at the date line', () => {
    const built = buildArchive(archive(STORY, META.replace('2024-01-24', '2099-12-31')));
    expect(built.problems).toEqual([{ file: YML, line: 2, message: expect.stringContaining('after today') }]);
  });

  test('a date before any Chinese periodical is refused', () => {
    const built = buildArchive(archive(STORY, META.replace('2024-01-24', '0001-01-01')));
    expect(built.problems).toEqual([{ file: YML, line: 2, message: expect.stringContaining('before any Chinese periodical') }]);
  });

  test('a date outside the span papers.yml gives the paper is warned of, not refused', () => {
    const built = buildArchive(archive(STORY, META, `${PAPERS}  from: 2025-01-01\n`));
    expect(built.problems).toEqual([]);
    expect(built.warnings).toEqual([
      { file: YML, line: 2, message: expect.stringContaining("before ntrb's first edition (from: 2025-01-01") },
    ]);
  });

  test('today is taken where the papers are printed (UTC+8)', () => {
    expect(chinaToday(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(validateArchive(archive(STORY, META.replace('2024-01-24', '2026-11-27')), new Map(), '2026-11-27').problems).toEqual([]);
  });
});

describe('every accepted page appears on the site', () => {
  test('a page of nothing but a note (（完）) is refused at its first line', () => {
    expect(buildArchive(archive('\n（完）\n')).problems).toEqual([
      { file: TXT, line: 2, message: expect.stringContaining('holds no story') },
    ]);
  });

  test('a page of nothing but a byline is an item of its own', () => {
    const built = buildArchive(archive('本报记者 张三\n'));
    expect(built.problems).toEqual([]);
    expect(built.articles.map((a) => a.byline)).toEqual(['本报记者 张三']);
  });
});

describe('a story page lists the page mates nearest it, not the whole page', () => {
  test('a page of ten lists all others; a page of 5,000 lists twelve around the story', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i);
    expect(nearest(ten, 3, 12)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    const many = Array.from({ length: 5000 }, (_, i) => i);
    expect(nearest(many, 0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(nearest(many, 2500, 12)).toEqual([2494, 2495, 2496, 2497, 2498, 2499, 2501, 2502, 2503, 2504, 2505, 2506]);
    expect(nearest(many, 4999, 12)).toEqual([4987, 4988, 4989, 4990, 4991, 4992, 4993, 4994, 4995, 4996, 4997, 4998]);
  });
});

describe('files for hosts', () => {
  test('_headers forbids framing and sniffing and caches content-named files for a year', () => {
    const text = headersFile();
    expect(text).toMatch(/^\/\*\n {2}Content-Security-Policy: frame-ancestors 'none';/u);
    expect(text).toContain('  X-Content-Type-Options: nosniff\n');
    expect(text).toContain('  Referrer-Policy: ');
    expect(text).toContain('/pagefind/*/fragment/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  });

  test('_redirects moves each link permanently', () => {
    expect(redirectsFile([{ from: '/ntrb/2024-01-24/a/', to: '/ntrb/2024-01-25/a/' }])).toBe(
      '/ntrb/2024-01-24/a/ /ntrb/2024-01-25/a/ 301\n',
    );
  });
});
