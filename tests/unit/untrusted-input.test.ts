import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { formatProblem } from '../../src/archive/problems.ts';
import { readArchive, type RawArchive } from '../../src/archive/read-archive.ts';
import { validateArchive } from '../../src/archive/validate-archive.ts';

/**
 * Trust nothing read (issue 22): every file the archive reads is a regular
 * file inside its content folder, with a name that is safe in a link and a
 * registry line, and every text field of its metadata is held to the same
 * checks as the raw text. Pages are real lines of the seed page 南通日报
 * 2024-01-24 A2.
 */

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const TXT = 'content/pages/ntrb/2024-01-24/900_hostile.txt';
const YML = TXT.replace(/\.txt$/u, '.yml');
const PAPERS_PATH = 'content/papers.yml';
const PAPERS = '- id: ntrb\n  name: 南通日报\n  nameEn: Nantong Daily\n  place: 南通\n  publisher: 南通日报社\n';
const META = 'paper: ntrb\ndate: 2024-01-24\npage: A2\npageName: 看南通\nsources:\n  date: printed\n  page: printed\n';
/** Two real lines of the seed page: a headline and its dateline paragraph. */
const STORY = '市总工会举行劳模迎新活动\n\n本报讯 （记者彭军君 实习生陈少鹏）22日，市总工会“协同创新我先行”2024年劳模迎新活动举行。\n';
/** GBK bytes of 看南通 (the seed's page name), as a .yml saved in GBK holds them. */
const GBK_PAGE_NAME = [0xbf, 0xb4, 0xc4, 0xcf, 0xcd, 0xa8];

const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? encode(content) : content);

function archive(meta: string | Uint8Array = META, papers: string | Uint8Array = PAPERS, txt = TXT): RawArchive {
  return {
    papers: { path: PAPERS_PATH, bytes: bytesOf(papers) },
    pageFiles: [
      { path: txt, bytes: encode(STORY) },
      { path: txt.replace(/\.txt$/u, '.yml'), bytes: bytesOf(meta) },
    ],
    registry: null,
  };
}

/** A problem at file:line whose message holds `words`. */
const problem = (file: string, line: number, words: string) => ({ file, line, message: expect.stringContaining(words) });

describe('files linked into the content folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archive-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  /** A fresh content folder holding papers.yml and one page with its .yml, in a folder of its own. */
  function content(): { root: string; pages: string } {
    n += 1;
    const root = join(dir, `case-${n}`);
    const pages = join(root, 'content/pages/ntrb/2024-01-24');
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(root, 'content/papers.yml'), PAPERS);
    writeFileSync(join(pages, '900_hostile.txt'), STORY);
    writeFileSync(join(pages, '900_hostile.yml'), META);
    return { root, pages };
  }
  const read = (root: string) => buildArchive(readArchive(join(root, 'content'), root));
  const replaceByLink = (path: string, target: string): void => {
    rmSync(path, { recursive: true });
    symlinkSync(target, path);
  };

  test('a raw page linked to /etc/passwd is refused, and nothing of it is published', () => {
    const { root, pages } = content();
    replaceByLink(join(pages, '900_hostile.txt'), '/etc/passwd');
    const built = read(root);
    expect(built.problems).toEqual([problem(TXT, 1, 'a link leading outside the content folder (to /etc/passwd)')]);
    expect(built.articles).toEqual([]);
  });

  test.each([
    ['a raw page', 'pages/ntrb/2024-01-24/900_hostile.txt'],
    ['edition metadata', 'pages/ntrb/2024-01-24/900_hostile.yml'],
    ['papers.yml', 'papers.yml'],
    ['permalinks.tsv', 'permalinks.tsv'],
  ])('%s linked to a file outside the content folder is refused with its path', (_what, file) => {
    const { root } = content();
    const outside = join(root, 'elsewhere');
    writeFileSync(outside, file === 'permalinks.tsv' ? '' : STORY);
    writeFileSync(join(root, 'content', file), '');
    replaceByLink(join(root, 'content', file), outside);
    expect(read(root).problems).toContainEqual(problem(`content/${file}`, 1, `a link leading outside the content folder (to ${outside})`));
  });

  test('a folder linked to one outside the content folder is refused, and nothing in it is read', () => {
    const { root } = content();
    const outside = join(root, 'elsewhere');
    mkdirSync(outside);
    writeFileSync(join(outside, '901_linked.txt'), STORY);
    symlinkSync(outside, join(root, 'content/pages/jhwb'));
    expect(read(root).problems).toEqual([problem('content/pages/jhwb', 1, 'a link leading outside the content folder')]);
    const raw = readArchive(join(root, 'content'), root);
    expect(raw.pageFiles.map((f) => [f.path, f.bytes.length > 0])).toEqual([
      ['content/pages/jhwb', false],
      [TXT, true],
      [YML, true],
    ]);
  });

  test('content/pages itself linked outside the content folder is refused', () => {
    const { root } = content();
    const outside = join(root, 'elsewhere');
    mkdirSync(outside);
    rmSync(join(root, 'content/pages'), { recursive: true });
    symlinkSync(outside, join(root, 'content/pages'));
    expect(read(root).problems).toEqual([problem('content/pages', 1, 'a link leading outside the content folder')]);
  });

  test('a page linked to a file inside the content folder is read like any page', () => {
    const { root, pages } = content();
    mkdirSync(join(root, 'content/exports'));
    writeFileSync(join(root, 'content/exports/original.txt'), STORY);
    replaceByLink(join(pages, '900_hostile.txt'), '../../../exports/original.txt');
    const built = read(root);
    expect(built.problems).toEqual([]);
    expect(built.articles.map((a) => [a.source.file, a.headline])).toEqual([['900_hostile.txt', '市总工会举行劳模迎新活动']]);
  });

  test('a folder linked to another inside the content folder is refused: its pages would be read twice', () => {
    const { root } = content();
    symlinkSync('ntrb', join(root, 'content/pages/ntrb-copy'));
    expect(read(root).problems).toEqual([problem('content/pages/ntrb-copy', 1, 'a link to a folder')]);
  });

  test('a link that leads nowhere is refused', () => {
    const { root, pages } = content();
    replaceByLink(join(pages, '900_hostile.yml'), join(root, 'gone.yml'));
    expect(read(root).problems).toEqual([problem(YML, 1, 'a link that leads nowhere')]);
  });

  test('a named pipe is refused, not read (reading it would wait for ever)', () => {
    const { root, pages } = content();
    execFileSync('mkfifo', [join(pages, '902_pipe.txt')]);
    expect(read(root).problems).toEqual([problem('content/pages/ntrb/2024-01-24/902_pipe.txt', 1, 'not a regular file')]);
  });

  test('a folder whose name holds a newline is refused with its name escaped', () => {
    const { root } = content();
    mkdirSync(join(root, 'content/pages/ntrb/2024-01\n-25'));
    const built = read(root);
    expect(built.problems).toEqual([problem('content/pages/ntrb/2024-01\n-25', 1, 'may hold only')]);
    expect(built.problems.map(formatProblem)).toEqual([expect.stringMatching(/^content\/pages\/ntrb\/2024-01\\n-25:1: [^\n]+$/u)]);
  });
});

describe('file names', () => {
  test.each([
    ['a #, which ends a link before it', '900#2.txt', '"#"'],
    ['a ?, which starts a query', '900?.txt', '"?"'],
    ['a newline, which splits a registry line', '900\n.txt', 'U+000A'],
    ['a tab, which splits a registry line into fields', '900\t.txt', 'U+0009'],
    ['a space', '900 hostile.txt', '" "'],
    ['a %, which a link reads as an escape', '900%41.txt', '"%"'],
    ['a Chinese character', '南通900.txt', '"南"'],
    ['a leading hyphen, which a command reads as an option', '-900.txt', 'begin with a letter or a digit'],
  ])('a page whose name holds %s is refused, with the characters allowed', (_what, name, shown) => {
    const txt = `content/pages/ntrb/2024-01-24/${name}`;
    const problems = validateArchive(archive(META, PAPERS, txt)).problems;
    expect(problems).toContainEqual(problem(txt, 1, shown));
    expect(problems).toContainEqual(problem(txt, 1, 'may hold only ASCII letters, digits, hyphens (-), underscores (_) and dots (.)'));
    for (const line of problems.map(formatProblem)) expect(line).not.toMatch(/[\n\t]/u);
  });

  test('the names of real exports pass: 004_ca8fbf74e0fa523e.txt, slrb-20200404-03.txt', () => {
    for (const name of ['004_ca8fbf74e0fa523e.txt', 'slrb-20200404-03.txt'])
      expect(validateArchive(archive(META, PAPERS, `content/pages/ntrb/2024-01-24/${name}`)).problems).toEqual([]);
  });
});

describe('text fields of the metadata are held to the checks of raw text', () => {
  test('GBK bytes in a page .yml are refused at their line, not published as mojibake', () => {
    const gbk = new Uint8Array([
      ...encode(META.slice(0, META.indexOf('看南通'))),
      ...GBK_PAGE_NAME,
      ...encode('\nsources:\n  date: x\n  page: x\n'),
    ]);
    const built = buildArchive(archive(gbk));
    expect(built.problems).toEqual([problem(YML, 4, 'not UTF-8: byte 0xBF')]);
    expect(built.articles).toEqual([]);
  });

  test('GBK bytes in papers.yml are refused at their line', () => {
    const gbk = new Uint8Array([...encode('- id: ntrb\n  name: '), ...GBK_PAGE_NAME, 0x0a]);
    expect(buildArchive(archive(META, gbk)).problems).toEqual([problem(PAPERS_PATH, 2, 'not UTF-8: byte 0xBF')]);
  });

  const CHARACTERS = [
    ['a control character', '\u0007', 'control character U+0007'],
    ['a NUL', '\u0000', 'control character U+0000'],
    ['a form feed', '\f', 'form feed'],
    ['a C1 control, the mark of Latin-1 read as UTF-8', '\u0085', 'U+0085 (C1)'],
    ['the noncharacter U+FFFE', '\uFFFE', 'noncharacter U+FFFE'],
    ['the noncharacter U+FFFF', '\uFFFF', 'noncharacter U+FFFF'],
  ];

  test.each(
    CHARACTERS.flatMap(([what, char, words]) => [
      [what, 'pageName', 4, char, words],
      [what, 'sources.date', 6, char, words],
    ]),
  )('%s in %s of a page is refused at its line', (_what, _field, line, char, words) => {
    const meta = line === 4 ? META.replace('看南通', `看${char}南通`) : META.replace('date: printed', `date: print${char}ed`);
    const built = buildArchive(archive(meta));
    expect(built.problems).toEqual([problem(YML, line as number, words as string)]);
    expect(built.articles).toEqual([]);
  });

  test.each(
    CHARACTERS.flatMap(([what, char, words]) =>
      (['name', 'nameEn', 'place', 'publisher'] as const).map((field, i) => [what, field, i + 2, char, words]),
    ),
  )('%s in %s of papers.yml is refused at its line', (_what, field, line, char, words) => {
    const papers = PAPERS.split('\n')
      .map((l, i) => (i === (line as number) - 1 ? l.replace(/(: \S)/u, `$1${char}`) : l))
      .join('\n');
    expect(papers).toContain(`${field}: `);
    expect(buildArchive(archive(META, papers)).problems).toEqual([problem(PAPERS_PATH, line as number, words as string)]);
  });

  test.each([
    ['\\x07', 'control character U+0007'],
    ['\\0', 'control character U+0000'],
    ['\\u0085', 'U+0085 (C1)'],
    ['\\uFFFF', 'noncharacter U+FFFF'],
    ['\\f', 'form feed'],
  ])('the YAML escape "%s" in a paper\'s name is refused at its line (it would make feed.xml malformed)', (escape, words) => {
    const papers = `- id: ntrb\n  name: "南通${escape}日报"\n`;
    expect(buildArchive(archive(META, papers)).problems).toEqual([problem(PAPERS_PATH, 2, words)]);
  });

  test('a YAML escape in pageName is refused at its line', () => {
    const built = buildArchive(archive(META.replace('pageName: 看南通', 'pageName: "看\\x1b南通"')));
    expect(built.problems).toEqual([problem(YML, 4, 'control character U+001B')]);
  });

  test('U+FFFD in a page name is kept with a warning at its line, as in raw text', () => {
    const built = buildArchive(archive(META.replace('看南通', '看\uFFFD通')));
    expect(built.problems).toEqual([]);
    expect(built.warnings).toEqual([problem(YML, 4, 'U+FFFD')]);
    expect(built.articles[0]?.pageName).toBe('看\uFFFD通');
  });

  test('U+FFFD in papers.yml is warned of at its line', () => {
    const built = buildArchive(archive(META, PAPERS.replace('南通日报社', '南通日\uFFFD社')));
    expect(built.problems).toEqual([]);
    expect(built.warnings).toEqual([problem(PAPERS_PATH, 5, 'U+FFFD')]);
  });
});

describe('YAML alias bombs (billion laughs)', () => {
  /** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
  const bomb = (indent: string): string =>
    [`${indent}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]`]
      .concat(
        [...'bcdefghi'].map(
          (name, i) => `${indent}${name}: &${name} [${Array.from({ length: 9 }, () => `*${'abcdefghi'[i] ?? ''}`).join(', ')}]`,
        ),
      )
      .join('\n');

  test('in a page .yml, are refused at the line of the first alias, quickly', () => {
    const start = performance.now();
    const built = buildArchive(archive(`${META}${bomb('')}\n`));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(built.problems).toEqual([problem(YML, 9, 'aliases')]);
  });

  test('in papers.yml, are refused at the line of the first alias, quickly', () => {
    const start = performance.now();
    const built = buildArchive(archive(META, `${PAPERS}  style:\n${bomb('    ')}\n`));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(built.problems).toEqual([problem(PAPERS_PATH, 8, 'aliases')]);
  });
});
