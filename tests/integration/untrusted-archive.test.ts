import type { SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { buildArgs, printed, runScript } from '../support/build-command.ts';
import { serveStatic, type StaticServer } from '../../src/tools/static-server.ts';
import { compareTrees, digestTree } from '../support/tree-digest.ts';

/**
 * A small archive built whole (issue 22, "Long words" and "Trust nothing
 * read"): a page whose headline and first paragraph each hold a run of 6,000
 * characters with no break, read on a phone; then input no archive should
 * hold, each refused with file and line while the published site stays as
 * it was. The story beside the long one is a real story of the seed page
 * 南通日报 2024-01-24 A2.
 */

const work = mkdtempSync(join(tmpdir(), 'untrusted-archive-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
const PAGES = join(content, 'pages/ntrb/2024-01-24');
const PAGE = join(PAGES, '900_long.txt');
const META = PAGE.replace(/\.txt$/u, '.yml');
const PAPERS = join(content, 'papers.yml');
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

/** 6,000 characters with no break opportunity: Latin letters, as a pasted code or address would be. */
const RUN = 'ABCDEFGHIJ'.repeat(600);
const TEXT = [
  `市总工会${RUN}`,
  '',
  `本报讯 （记者彭军君）22日，${RUN.toLowerCase()}。`,
  '',
  '市总工会举行劳模迎新活动',
  '',
  '本报讯 （记者彭军君 实习生陈少鹏）22日，市总工会“协同创新我先行”2024年劳模迎新活动举行。',
  '',
].join('\n');
const META_TEXT = [
  'paper: ntrb',
  'date: 2024-01-24',
  'page: A2',
  'pageName: 看南通',
  'sources:',
  '  date: printed',
  '  page: printed',
  'corrections:',
  '  - { line: 1, text: 市总工会ABCDEFGHIJ, role: headline }',
  '',
].join('\n');

const browser = useBrowser();
let server: StaticServer;
let published: Map<string, string>;
const build = (): SpawnSyncReturns<string> => runScript(buildArgs(dist), { ARCHIVE_CONTENT_DIR: content });

beforeAll(async () => {
  mkdirSync(PAGES, { recursive: true });
  writeFileSync(PAPERS, '- id: ntrb\n  name: 南通日报\n  publisher: 南通日报社\n');
  writeFileSync(PAGE, TEXT);
  writeFileSync(META, META_TEXT);
  const result = build();
  expect(result.status, printed(result)).toBe(0);
  published = digestTree(dist);
  server = await serveStatic(dist);
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** The site path of every HTML page of the build: /a/b/ for a/b/index.html, /404.html as itself. */
function htmlPaths(): string[] {
  return readdirSync(dist, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .map((p) => `/${p.replace(/(^|\/)index\.html$/u, '$1')}`)
    .sort();
}

describe('a run of 6,000 characters with no break', () => {
  test('is the headline and in the first paragraph of its story', () => {
    const stories = htmlPaths()
      .filter((p) => /^\/ntrb\/2024-01-24\/[a-z0-9-]+\/$/u.test(p) && p !== '/ntrb/2024-01-24/source/')
      .map((p) => readFileSync(join(dist, p, 'index.html'), 'utf8'));
    const long = stories.filter((html) => html.includes(`>市总工会${RUN}</h1>`));
    expect(long).toHaveLength(1);
    expect(long[0]).toContain(`22日，${RUN.toLowerCase()}。`);
  });

  test('wraps on a phone on every page, instead of widening it', async () => {
    const paths = htmlPaths();
    expect(paths).toContain('/ntrb/2024-01-24/source/900_long/');
    const context = await browser().newContext(PHONE);
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(`${server.url}${encodeURI(path)}`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      // A phone zooms out to show a page wider than itself, which widens innerWidth too: hold it to the screen's width.
      if (scrollWidth > innerWidth || innerWidth > PHONE.viewport.width)
        wide.push(`${path}: ${scrollWidth} px wide, ${innerWidth} px seen on a ${PHONE.viewport.width} px screen`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });
});

describe('input no archive should hold is refused with file and line, and the site stays as published', () => {
  const refused = (change: () => () => void, where: RegExp): void => {
    const restore = change();
    try {
      const result = build();
      expect(result.status, printed(result)).not.toBe(0);
      expect(printed(result)).toMatch(where);
      expect(compareTrees(published, digestTree(dist))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
    } finally {
      restore();
    }
  };
  const edit = (file: string, change: (bytes: Buffer) => string | Uint8Array) => () => {
    const before = readFileSync(file);
    writeFileSync(file, change(before));
    return () => writeFileSync(file, before);
  };

  test("a control character in a paper's name (it would make feed.xml malformed)", async () => {
    refused(
      edit(PAPERS, (b) => b.toString('utf8').replace('name: 南通日报', 'name: "南通\\x07日报"')),
      /content\/papers\.yml:2: control character U\+0007/u,
    );
    const context = await browser().newContext();
    const page = await context.newPage();
    const feed = readFileSync(join(dist, 'ntrb/feed.xml'), 'utf8');
    const error = await page.evaluate(
      (xml) => new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')?.textContent ?? null,
      feed,
    );
    await context.close();
    expect(error).toBeNull();
  });

  test('a page name saved as GBK', () => {
    const gbk = new Uint8Array([0xbf, 0xb4, 0xc4, 0xcf, 0xcd, 0xa8]);
    refused(
      edit(META, (b) => {
        const at = b.indexOf('看南通');
        return Buffer.concat([b.subarray(0, at), gbk, b.subarray(at + Buffer.byteLength('看南通'))]);
      }),
      /900_long\.yml:4: not UTF-8: byte 0xBF/u,
    );
  });

  test('a raw page linked to /etc/passwd', () => {
    const linked = join(PAGES, '901_passwd.txt');
    refused(() => {
      symlinkSync('/etc/passwd', linked);
      writeFileSync(linked.replace(/\.txt$/u, '.yml'), META_TEXT.replace('page: A2', 'page: A3').replace(/corrections:[^]*/u, ''));
      return () => {
        rmSync(linked);
        rmSync(linked.replace(/\.txt$/u, '.yml'));
      };
    }, /901_passwd\.txt:1: a link leading outside the content folder \(to \/etc\/passwd\)/u);
  });

  test('a file name holding #', () => {
    const hash = join(PAGES, '902#2.txt');
    refused(() => {
      writeFileSync(hash, TEXT.replace('市总工会举行', '市总工会又举行'));
      return () => rmSync(hash);
    }, /902#2\.txt:1: the name holds "#": a name may hold only ASCII letters, digits/u);
  });

  test('a YAML alias bomb (billion laughs)', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
      .concat(
        [...'bcdefghi'].map((name, i) => `${name}: &${name} [${Array.from({ length: 9 }, () => `*${'abcdefghi'[i] ?? ''}`).join(', ')}]`),
      )
      .join('\n');
    refused(
      edit(META, (b) => `${b.toString('utf8')}${bomb}\n`),
      /900_long\.yml:11: aliases \(\*name\) expand this file too far/u,
    );
  });
});
