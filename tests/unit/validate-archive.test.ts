import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { paperSchema } from '../../src/archive/edition-meta.ts';
import type { RegistryEntry } from '../../src/archive/permalink-registry.ts';
import { assignPermalinks, titleSlug } from '../../src/archive/permalinks.ts';
import type { RawArchive, RawFile } from '../../src/archive/read-archive.ts';
import { checkPapers, validateArchive } from '../../src/archive/validate-archive.ts';

const papers: RawFile = { path: 'content/papers.yml', bytes: readFileSync(new URL('../../content/papers.yml', import.meta.url)) };
const file = (path: string, content: string | Uint8Array): RawFile => ({
  path,
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
});

/** A small page of real seed lines: a jump headline, its 上接 marker and last paragraph. */
const PAGE = '省十四届人大二次会议隆重开幕\n\n（上接A1版）\n\n部分在苏外籍友好人士、外国驻苏办事机构代表和外商投资企业代表应邀旁听大会。\n';
const META = 'paper: ntrb\ndate: 2024-01-24\npage: A2\nsources:\n  date: printed\n  page: printed\n';
const TXT = 'content/pages/x/a.txt';
const YML = 'content/pages/x/a.yml';
const LINK = '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci-xu/';

const archive = (pageFiles: RawFile[], registry: RawFile | null = null): RawArchive => ({ papers, pageFiles, registry });
const onePage = (text: string | Uint8Array = PAGE, meta: string = META): RawArchive => archive([file(TXT, text), file(YML, meta)]);
const problemsOf = (raw: RawArchive) => buildArchive(raw).problems;

/** A problem at file:line whose message holds every given word, in order. */
const problem = (path: string, line: number, ...words: string[]) => ({
  file: path,
  line,
  message: expect.stringMatching(new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('[^]*'), 'u')),
});

describe('validateArchive', () => {
  test('accepts a well-formed page and its metadata', () => {
    const result = validateArchive(onePage());
    expect(result.problems).toEqual([]);
    expect(result.pages).toEqual([
      {
        path: TXT,
        file: 'a.txt',
        digest: expect.stringMatching(/^[0-9a-f]{16}$/u),
        text: PAGE,
        meta: { paper: 'ntrb', date: '2024-01-24', page: 'A2', sources: { date: 'printed', page: 'printed' } },
      },
    ]);
  });

  test('reports a missing field', () => {
    expect(problemsOf(onePage(PAGE, META.replace('date: 2024-01-24\n', '')))).toEqual([problem(YML, 1, 'date:', 'YYYY-MM-DD')]);
  });

  test('reports a date that is not on the calendar', () => {
    expect(problemsOf(onePage(PAGE, META.replace('2024-01-24', '2025-02-30')))).toEqual([problem(YML, 2, 'date:', 'YYYY-MM-DD')]);
  });

  test('reads a page label written as a bare number, as YAML gives it (page: 5)', () => {
    const result = validateArchive(onePage(PAGE, META.replace('page: A2', 'page: 5')));
    expect(result.problems).toEqual([]);
    expect(result.pages[0]?.meta.page).toBe('5');
  });

  test('takes a page name (版名) and where the text was taken from', () => {
    const meta = META.replace('page: A2\n', 'page: A2\npageName: 看南通\n').replace(
      '  page: printed\n',
      '  page: printed\n  text: http://zgnt.net/ntrbszb/pc/c/202401/24/content_162153.html\n',
    );
    const result = validateArchive(onePage(PAGE, meta));
    expect(result.problems).toEqual([]);
    expect(result.pages[0]?.meta.pageName).toBe('看南通');
  });

  test('reports a correction that says two things at once, at its line', () => {
    const meta = `${META}corrections:\n  - { line: 1, text: 省十四届, role: headline }\n  - { line: 3, text: （上接, role: paragraph, break: story }\n`;
    expect(problemsOf(onePage(PAGE, meta))).toEqual([problem(YML, 9, 'corrections.1:', 'exactly one of role, break or photos')]);
  });

  test('reports a page label not written as printed', () => {
    expect(problemsOf(onePage(PAGE, META.replace('page: A2', 'page: 第二版')))).toEqual([problem(YML, 3, 'page:', 'page label')]);
  });

  test('reports a misspelt field name and the field it leaves missing', () => {
    expect(problemsOf(onePage(PAGE, META.replace('paper:', 'papr:')))).toEqual([
      problem(YML, 1, 'paper:', 'required'),
      problem(YML, 1, 'unknown field "papr"'),
    ]);
  });

  test('reports a house style papers.yml gives in a shape the parser does not know, with its line', () => {
    const styled = file('content/papers.yml', `${new TextDecoder().decode(papers.bytes)}  style:\n    twoLineHead: kicker-subtitle\n`);
    const lines = new TextDecoder().decode(styled.bytes).split('\n').length - 1;
    expect(buildArchive({ ...onePage(), papers: styled }).problems).toContainEqual(
      problem('content/papers.yml', lines, 'twoLineHead: one of kicker-headline, headline-subtitle, headline'),
    );
  });

  test('reports a paper that papers.yml does not list', () => {
    expect(problemsOf(onePage(PAGE, META.replace('paper: ntrb', 'paper: xhrb')))).toEqual([
      problem(YML, 1, 'unknown paper "xhrb"', 'jhwb, ntrb', 'content/papers.yml'),
    ]);
  });

  test('reports YAML that does not parse, at the line it breaks', () => {
    expect(problemsOf(onePage(PAGE, META.replace('date: 2024-01-24', 'date: 2024-01-24: x')))).toEqual([problem(YML, 2, 'not valid YAML')]);
  });

  test('reports a second page with the same paper, date and page label', () => {
    const raw = archive([
      file(TXT, PAGE),
      file(YML, META),
      file('content/pages/x/b.txt', `${PAGE}\n\n另一篇报道的正文。\n`),
      file('content/pages/x/b.yml', META),
    ]);
    expect(problemsOf(raw)).toEqual([problem('content/pages/x/b.yml', 3, 'duplicate page', TXT, 'page A2 of ntrb on 2024-01-24')]);
  });

  test('reports the same text saved with CRLF line ends and a BOM as the same page', () => {
    const other = META.replace('page: A2', 'page: A3');
    const crlf = `\uFEFF${PAGE.replaceAll('\n', '\r\n')}`;
    const raw = archive([file(TXT, PAGE), file(YML, META), file('content/pages/x/b.txt', crlf), file('content/pages/x/b.yml', other)]);
    expect(problemsOf(raw)).toEqual([problem('content/pages/x/b.txt', 1, 'duplicate page', 'same text', TXT)]);
  });

  test('reports the same text twice', () => {
    const other = META.replace('page: A2', 'page: A3');
    const raw = archive([file(TXT, PAGE), file(YML, META), file('content/pages/x/b.txt', PAGE), file('content/pages/x/b.yml', other)]);
    expect(problemsOf(raw)).toEqual([problem('content/pages/x/b.txt', 1, 'duplicate page', 'same text', TXT)]);
  });

  test('reports an empty page', () => {
    expect(problemsOf(onePage(''))).toEqual([problem(TXT, 1, 'the page is empty')]);
  });

  test('reports a page of whitespace only as empty', () => {
    expect(problemsOf(onePage(' \n\n\t\n'))).toEqual([problem(TXT, 1, 'the page is empty')]);
  });

  test('reports GBK bytes at the line they are on', () => {
    const gbk = Buffer.concat([Buffer.from('省十四届人大二次会议隆重开幕\n'), Buffer.from([0xc4, 0xcf, 0xcd, 0xa8])]); // 南通 in GBK
    expect(problemsOf(onePage(gbk))).toEqual([problem(TXT, 2, 'not UTF-8', '0xC4', 'GBK')]);
  });

  test('reports a binary file by its NUL byte', () => {
    expect(problemsOf(onePage('省十四届人大二次会议隆重开幕\n\u0000\u0001'))).toEqual([problem(TXT, 2, 'not a text file', 'U+0000')]);
  });

  test('reports a page without edition metadata', () => {
    expect(problemsOf(archive([file(TXT, PAGE)]))).toEqual([problem(TXT, 1, 'no edition metadata', 'a.yml')]);
  });

  test('reports edition metadata without a page', () => {
    expect(problemsOf(archive([file(YML, META)]))).toEqual([problem(YML, 1, 'without a page', 'a.txt is missing')]);
  });

  test('reports every problem at once, in file order', () => {
    const raw = archive([
      file(TXT, ''),
      file(YML, META),
      file('content/pages/x/b.txt', PAGE),
      file('content/pages/x/b.yml', META.replace('paper: ntrb', 'paper: xhrb')),
    ]);
    expect(problemsOf(raw)).toEqual([problem(TXT, 1, 'the page is empty'), problem('content/pages/x/b.yml', 1, 'unknown paper "xhrb"')]);
  });
});

describe('buildArchive with BOM and CRLF pages', () => {
  test('parses a page with a BOM and CRLF line ends to the same items as with LF', () => {
    const lf = buildArchive(onePage());
    const crlf = buildArchive(onePage(`\uFEFF${PAGE.replaceAll('\n', '\r\n')}`, META.replaceAll('\n', '\r\n')));
    expect(crlf.problems).toEqual([]);
    expect(crlf.articles).toEqual(lf.articles);
    expect(lf.articles.map((a) => [a.url, a.kind, a.title.text, a.continuedFrom, a.paragraphs])).toEqual([
      [LINK, 'jump', '省十四届人大二次会议隆重开幕', 'A1', ['部分在苏外籍友好人士、外国驻苏办事机构代表和外商投资企业代表应邀旁听大会。']],
    ]);
  });
});

describe('buildArchive with permalinks.tsv', () => {
  const registry = (text: string): RawFile => file('content/permalinks.tsv', text);

  test('keeps a registered link for its item', () => {
    const built = buildArchive(archive([file(TXT, PAGE), file(YML, META)], registry(`# header\n/ntrb/2024-01-24/kept/\ta.txt\t1\n`)));
    expect(built.problems).toEqual([]);
    expect(built.articles.map((a) => a.url)).toEqual(['/ntrb/2024-01-24/kept/']);
    expect(built.unregistered).toEqual([]);
  });

  test('reports a line that is not url, file and line separated by tabs', () => {
    const built = buildArchive(archive([file(TXT, PAGE), file(YML, META)], registry(`# header\n${LINK} a.txt 1\n`)));
    expect(built.problems).toEqual([problem('content/permalinks.tsv', 2, 'expected "url<TAB>file<TAB>line"')]);
  });

  test('reports a registered link whose item no longer exists', () => {
    const built = buildArchive(
      archive([file(TXT, PAGE), file(YML, META)], registry(`# header\n${LINK}\ta.txt\t1\n/ntrb/2024-01-24/gone/\ta.txt\t7\n`)),
    );
    expect(built.problems).toEqual([
      problem('content/permalinks.tsv', 3, '/ntrb/2024-01-24/gone/', 'a.txt line 7', 'no item holds that line now'),
    ]);
    expect(built.articles).toEqual([]);
  });
});

describe('assignPermalinks', () => {
  const entry: RegistryEntry = { url: LINK, file: 'a.txt', line: 1, at: 2, text: `${LINK}\ta.txt\t1` };

  test('keeps registered links and gives a new colliding item base-2', () => {
    const result = assignPermalinks(
      [
        { key: 'b.txt:1', base: LINK },
        { key: 'a.txt:1', base: '/ntrb/2024-01-24/whatever-it-would-be-now/' },
      ],
      { entries: [entry], moved: [], retired: [] },
      'content/permalinks.tsv',
    );
    expect(result.problems).toEqual([]);
    expect([...result.urls]).toEqual([
      ['a.txt:1', LINK],
      ['b.txt:1', '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci-xu-2/'],
    ]);
    expect(result.added).toEqual([{ key: 'b.txt:1', base: '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci-xu-2/' }]);
  });

  test('gives two new items with one base link base and base-2, in request order', () => {
    const result = assignPermalinks(
      [
        { key: 'a.txt:1', base: LINK },
        { key: 'b.txt:1', base: LINK },
      ],
      { entries: [], moved: [], retired: [] },
      'content/permalinks.tsv',
    );
    expect(result.added.map((r) => r.base)).toEqual([LINK, '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci-xu-2/']);
  });
});

describe('titleSlug', () => {
  test('takes the pinyin of the first eight syllables', () => {
    expect(titleSlug('潮起长江口，抢抓机遇向未来')).toBe('chao-qi-chang-jiang-kou-qiang-zhua-ji');
  });

  test('cuts a Latin word to 20 letters, so that a run of 6,000 makes a link a file system can hold', () => {
    expect(titleSlug(`市总工会${'ABCDEFGHIJ'.repeat(600)}`)).toBe('shi-zong-gong-hui-abcdefghijabcdefghij');
  });
});

describe('paperSchema', () => {
  // The papers collection stores each checked paper through this same schema
  // (src/content.config.ts), so a second reading must give the paper back whole.
  test('reads a checked paper back unchanged, its house style and the weekdays filled in kept', () => {
    const yml = file(
      'content/papers.yml',
      '- id: ntrb\n  name: 南通日报\n  from: 1949-01-01\n  style:\n    twoLineHead: headline-subtitle\n',
    );
    const [paper] = checkPapers(yml).papers;
    expect(paper).toEqual({
      id: 'ntrb',
      name: '南通日报',
      from: '1949-01-01',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      style: { twoLineHead: 'headline-subtitle' },
    });
    expect(paperSchema.parse(paper)).toEqual(paper);
  });
});
