import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ArticleRecord } from '../../src/archive/article-record.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { decodePageText } from '../../src/archive/decode-page-text.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import { formatProblem } from '../../src/archive/problems.ts';
import type { RawArchive } from '../../src/archive/read-archive.ts';
import { renderBody } from '../../src/archive/render-body.ts';
import type { ParsedPage } from '../../src/archive/types.ts';
import { validateArchive } from '../../src/archive/validate-archive.ts';
import { elementsOf, escapedAsText, unsafeParts } from '../support/html-elements.ts';
import { pageProblems } from '../support/page-accounting.ts';

const PAGE_PATH = 'content/pages/ntrb/2024-01-24/900_hostile.txt';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const seedPage = (path: string): string => readFileSync(new URL(`../../content/pages/${path}`, import.meta.url), 'utf8');
const SEED_NTRB = seedPage('ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
const SEED_JHWB = seedPage('jhwb/2025-02-06/000_29ee23daad04a246.txt');

const PAPERS = '- id: ntrb\n  name: 南通日报\n';
const META = 'paper: ntrb\ndate: 2024-01-24\npage: A2\nsources:\n  date: printed\n  page: printed\n';

/** A one-page archive in memory: papers.yml, the page and its metadata, no registry. */
function archiveOf(bytes: Uint8Array): RawArchive {
  return {
    papers: { path: 'content/papers.yml', bytes: encode(PAPERS) },
    pageFiles: [
      { path: PAGE_PATH, bytes },
      { path: PAGE_PATH.replace(/\.txt$/u, '.yml'), bytes: encode(META) },
    ],
    registry: null,
  };
}

/** Every rendered body of a parsed page, item by item. */
const renderAll = (page: ParsedPage): string[] => page.items.map((item) => renderBody(item.body, { dateline: item.dateline }).html);

/**
 * Live markup a hostile page could smuggle in, found by a plain text search.
 * Escaped text never holds a raw `<`, so each alternative only matches a real tag.
 */
const LIVE_MARKUP = /<(?:script|img|iframe|style)\b|<a\s[^>]*href="(?!#)|<[a-z][^>]*\son[a-z]+=/iu;
/** The first live markup in some HTML, or null; short, so a failure prints no 10 MB string. */
const liveMarkup = (html: string): string | null => LIVE_MARKUP.exec(html)?.[0] ?? null;

/**
 * Asserts the page is shown exactly as text: the parse accounts for every
 * printed character, each body block is in the HTML escaped, and the HTML
 * parses to renderBody's own elements only.
 */
async function expectShownAsText(text: string): Promise<ParsedPage> {
  const page = parsePage(text);
  expect(pageProblems(text, page)).toEqual([]);
  const htmls = renderAll(page);
  page.items.forEach((item, n) => {
    const html = htmls[n] ?? '';
    for (const block of item.body) expect(html).toContain(escapedAsText(block.text));
    if (item.dateline) expect(html).toContain(`<span class="dateline">${escapedAsText(item.dateline)}</span>`);
  });
  for (const html of htmls) {
    expect(liveMarkup(html)).toBeNull();
    const unsafe = (await elementsOf(html)).flatMap(unsafeParts);
    expect(unsafe).toEqual([]);
  }
  return page;
}

/** Builds a one-page archive and returns its records, failing on any problem. */
function buildRecords(text: string): ArticleRecord[] {
  const built = buildArchive(archiveOf(encode(text)));
  expect(built.problems.map(formatProblem)).toEqual([]);
  for (const a of built.articles) {
    expect(a.url).toMatch(/^\/ntrb\/2024-01-24\/[a-z0-9-]+\/$/u);
    expect(liveMarkup(a.html)).toBeNull();
  }
  return built.articles;
}

describe('the markup checks these tests rely on', () => {
  test('find live markup that was not escaped', async () => {
    const html = '<p id="p1">x<img src=x onerror=alert(1)><a href="javascript:alert(1)">y</a></p>';
    expect(liveMarkup(html)).toBe('<img');
    expect((await elementsOf(html)).flatMap(unsafeParts)).toEqual([
      '<img> element',
      'src="x" on <img>',
      'onerror handler on <img>',
      'href="javascript:alert(1)" on <a>',
    ]);
  });
});

describe('hostile raw pages: HTML and script are shown as text', () => {
  const page = [
    '<script>alert(1)</script>',
    '',
    '本报讯（记者彭军君）<img src=x onerror=alert(1)>昨天，会议举行。',
    '',
    '<a href="javascript:alert(1)">点此</a>与<iframe src=//x>都是文字。',
  ].join('\n');

  test('parses the markup into pieces as printed, every character accounted for', async () => {
    const parsed = await expectShownAsText(page);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]?.pieces).toEqual([
      { role: 'headline', text: '<script>alert(1)</script>', lines: [1, 1] },
      { role: 'dateline', text: '本报讯（记者彭军君）', lines: [3, 3] },
      { role: 'paragraph', text: '<img src=x onerror=alert(1)>昨天，会议举行。', lines: [3, 3] },
      { role: 'paragraph', text: '<a href="javascript:alert(1)">点此</a>与<iframe src=//x>都是文字。', lines: [5, 5] },
    ]);
  });

  test('renders the markup escaped, with only the body’s own elements live', () => {
    const [item] = parsePage(page).items;
    const { html } = renderBody(item?.body ?? [], { dateline: item?.dateline ?? null });
    expect(html).toBe(
      '<p id="p1"><span class="dateline">本报讯（记者彭军君）</span> &#x3C;img src=x onerror=alert(1)>昨天，会议举行。' +
        '<a class="para-link" href="#p1" aria-label="链接到第1段">¶</a></p>\n' +
        '<p id="p2">&#x3C;a href="javascript:alert(1)">点此&#x3C;/a>与&#x3C;iframe src=//x>都是文字。' +
        '<a class="para-link" href="#p2" aria-label="链接到第2段">¶</a></p>',
    );
  });

  test('buildArchive keeps a <script> headline as plain text and gives it an ASCII permalink', () => {
    const [record] = buildRecords(page);
    expect(record?.headline).toBe('<script>alert(1)</script>');
    expect(record?.title).toEqual({ text: '<script>alert(1)</script>', added: false });
    expect(record?.url).toBe('/ntrb/2024-01-24/script-alert-1-script/');
  });

  test('a <script> line inside the body is a paragraph, escaped', async () => {
    const text = '会议举行\n\n本报讯 昨天，会议举行。\n\n<script>alert(1)</script>\n\n会议指出，要抓落实。';
    const parsed = await expectShownAsText(text);
    const html = renderAll(parsed).join('\n');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});

describe('hostile raw pages: Markdown syntax is shown as text', () => {
  const page = [
    '标题',
    '',
    '本报讯 昨天，会议举行。',
    '',
    '# 标题',
    '',
    '[x](javascript:alert(1))是链接语法。',
    '',
    '| a | b |',
    '| - | - |',
    '',
    '**粗**与`代码`以及```围栏```。',
    '',
    '> 引用 <!-- 注释 --> &amp; &lt;b&gt;。',
  ].join('\n');

  test('every Markdown line lands in a piece as printed', async () => {
    const parsed = await expectShownAsText(page);
    expect(parsed.items.flatMap((i) => i.pieces.map((p) => [p.role, p.text]))).toEqual([
      ['headline', '标题'],
      ['dateline', '本报讯'],
      ['paragraph', '昨天，会议举行。'],
      ['subhead', '# 标题'],
      ['paragraph', '[x](javascript:alert(1))是链接语法。'],
      // Two short unpunctuated lines after a finished sentence, then text, head a new story.
      ['headline', '| a | b |'],
      ['subtitle', '| - | - |'],
      ['paragraph', '**粗**与`代码`以及```围栏```。'],
      ['paragraph', '> 引用 <!-- 注释 --> &amp; &lt;b&gt;。'],
    ]);
  });

  test('renders no heading, link, table, emphasis or code from the syntax', () => {
    const html = renderAll(parsePage(page)).join('\n');
    expect(html).toContain('<h2 id="-标题"># 标题</h2>');
    expect(html).toContain('[x](javascript:alert(1))是链接语法。');
    expect(parsePage(page).items[1]?.title).toEqual({ text: '| a | b |', added: false });
    expect(html).toContain('**粗**与`代码`以及```围栏```。');
    // Entities in the source are text too: & is escaped, so &amp; shows as typed.
    expect(html).toContain('> 引用 &#x3C;!-- 注释 --> &#x26;amp; &#x26;lt;b&#x26;gt;。');
    expect(html).not.toMatch(/<(?:h1|table|strong|em|code|pre|blockquote)\b/u);
  });
});

describe('hostile raw pages: invisible and direction characters are kept', () => {
  const RLO = '\u202E';
  const ZWSP = '\u200B';
  const page = `会议${RLO}举行\n\n本报讯 昨天，会议${ZWSP}举行。\n\n${ZWSP}\n\n会议指出，要抓${RLO}落实。`;

  test('U+202E and U+200B stay in the text, each accounted for once', async () => {
    const parsed = await expectShownAsText(page);
    const [item] = parsed.items;
    expect(item?.headline).toBe(`会议${RLO}举行`);
    expect(item?.body.map((b) => b.text)).toEqual([`昨天，会议${ZWSP}举行。`, ZWSP, `会议指出，要抓${RLO}落实。`]);
  });

  test('the permalink slug drops them', () => {
    const [record] = buildRecords(page);
    expect(record?.url).toBe('/ntrb/2024-01-24/hui-yi-ju-xing/');
  });
});

describe('hostile raw pages: line ends, BOM and size', () => {
  test('CRLF line ends parse exactly like LF', async () => {
    const crlf = SEED_NTRB.replaceAll('\n', '\r\n');
    await expectShownAsText(crlf);
    expect(parsePage(crlf)).toEqual(parsePage(SEED_NTRB));
  });

  test('a BOM is accepted by decodePageText, which drops it (TextDecoder does)', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(SEED_JHWB)]);
    expect(decodePageText(PAGE_PATH, bytes)).toEqual({ text: SEED_JHWB, warnings: [] });
  });

  test('a BOM that reaches the parser is whitespace: the parse is unchanged', async () => {
    const text = `\uFEFF${SEED_JHWB}`;
    await expectShownAsText(text);
    expect(parsePage(text)).toEqual(parsePage(SEED_JHWB));
  });

  test('a BOM on a page whose first line is the headline does not reach the headline', () => {
    expect(parsePage('\uFEFF潮起长江口\n\n本报讯 昨天，会议举行。').items[0]?.headline).toBe('潮起长江口');
  });

  test('a single 200,000-character line is one paragraph, parsed and rendered whole', async () => {
    const line = '长江口产业创新协同区建设'.repeat(200_000 / 12).padEnd(200_000, '长');
    expect(line).toHaveLength(200_000);
    const text = `潮起长江口\n\n${line}`;
    const parsed = await expectShownAsText(text);
    expect(parsed.items[0]?.body).toEqual([{ type: 'paragraph', text: line, lines: [3, 3] }]);
  });

  test('a 200,000-character line of markup alone is shown as text', async () => {
    await expectShownAsText('<img src=x onerror=alert(1)>'.repeat(200_000 / 28));
  });

  const MB10 = 10 * 1024 * 1024;
  const repeatTo = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

  /** Parses and renders a 10 MB page, checking fidelity; returns the parse. */
  function parseLarge(text: string): ParsedPage {
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(MB10);
    const page = parsePage(text);
    expect(pageProblems(text, page)).toEqual([]);
    for (const html of renderAll(page)) expect(liveMarkup(html)).toBeNull();
    return page;
  }

  test('a 10 MB page of seed stories parses and renders in seconds', { timeout: 20_000 }, () => {
    const page = parseLarge(repeatTo(`${SEED_NTRB}\n${SEED_JHWB}\n`, MB10));
    expect(page.items.length).toBeGreaterThan(2000);
  });

  test('a 10 MB story of 80,000 paragraphs parses and renders in seconds', { timeout: 20_000 }, () => {
    const page = parseLarge(`潮起长江口\n\n${repeatTo('昨天开幕的江苏省十四届人大二次会议上，省政府工作报告提出要联动推进。\n\n', MB10)}`);
    expect(page.items).toHaveLength(1);
  });

  test('a 10 MB paragraph cut by 80,000 column breaks parses in seconds', { timeout: 20_000 }, () => {
    const page = parseLarge(`潮起长江口\n\n${repeatTo('昨天开幕的江苏省十四届人大二次会议上，省政府工作报告提出要联动推进\n\n', MB10)}`);
    expect(page.items[0]?.body).toHaveLength(1);
  });
});

describe('hostile raw pages: rejected input names the file and line', () => {
  // GBK bytes of 潮起长江口 (the seed headline), as a GBK export would hold them.
  const GBK_HEADLINE = [0xb3, 0xb1, 0xc6, 0xf0, 0xb3, 0xa4, 0xbd, 0xad, 0xbf, 0xda];

  test('decodePageText rejects GBK bytes at their line', () => {
    const bytes = new Uint8Array([...encode('2024\n\n'), ...GBK_HEADLINE, 0x0a]);
    expect(decodePageText(PAGE_PATH, bytes)).toEqual({
      problem: {
        file: PAGE_PATH,
        line: 3,
        message: 'not UTF-8: byte 0xB3 at offset 6 is not valid UTF-8 (a GBK export?); re-export the page as UTF-8',
      },
    });
  });

  test('buildArchive publishes nothing from a GBK page and says where', () => {
    const built = buildArchive(archiveOf(new Uint8Array([...encode('潮起长江口\n\n'), ...GBK_HEADLINE])));
    expect(built.articles).toEqual([]);
    expect(built.problems.map(formatProblem)).toEqual([
      `${PAGE_PATH}:3: not UTF-8: byte 0xB3 at offset 17 is not valid UTF-8 (a GBK export?); re-export the page as UTF-8`,
    ]);
  });

  test.each([
    ['an empty file', new Uint8Array()],
    ['a file of blank lines', encode(' \n\r\n\t\n')],
    ['a file holding only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
  ])('validateArchive rejects %s as empty', (_, bytes) => {
    const validated = validateArchive(archiveOf(bytes));
    expect(validated.pages).toEqual([]);
    expect(validated.problems.map(formatProblem)).toEqual([
      `${PAGE_PATH}:1: the page is empty: export it again or remove it and its .yml file`,
    ]);
  });

  test('validateArchive rejects a binary file at the line of its first control character', () => {
    const validated = validateArchive(archiveOf(encode('潮起长江口\n\n\u0000\u0001')));
    expect(validated.problems.map(formatProblem)).toEqual([
      `${PAGE_PATH}:3: not a text file: control character U+0000; export the page as plain text`,
    ]);
  });

  test('parsePage of empty text is an empty page, not an error', () => {
    expect(parsePage('')).toEqual({ items: [], layout: [], notes: [] });
  });
});
