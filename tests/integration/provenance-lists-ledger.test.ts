import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePages, trainOnSeed, type GeneratedFile } from '../../src/bench/generate-archive.ts';
import { readArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { buildArgs, PROJECT, printed, runScript } from '../support/build-command.ts';
import { serveStatic, type StaticServer } from '../../src/tools/static-server.ts';

/**
 * Issue 24's provenance, citations, lists split by year, people filter,
 * completeness ledger and the SITE_URL warning, on a generated archive of
 * two years (2024-12-27 to 2025-01-07) made to need them: half its bylines
 * are one reporter's (林晓峰) and every column label is one column's
 * (民生关注), both more than a page of stories; jhwb's span starts a week
 * before its first edition held, hmrb appears Monday to Friday, one ntrb
 * edition and one page a jump names are taken out. What each page must show
 * is computed here from the bulk data and the files written, not by the
 * site's own code.
 */

const work = mkdtempSync(join(tmpdir(), 'archive-provenance-ledger-'));
const content = join(work, 'content');
const out = join(work, 'dist');
const browser = useBrowser();
const REPORTER = '林晓峰';
const COLUMN = '民生关注';
const EPAPER = 'https://epaper.example.org/jhwb/2024-12-27/A1.html';
const MISSING_EDITION = { paper: 'ntrb', date: '2025-01-02' };
let server: StaticServer;
let articles: ApiArticle[];
let buildOutput = '';
let checkOutput = '';
/** The page taken out for the ledger: its edition, its label, and the jump naming it. */
let removed: { paper: string; date: string; label: string; held: string[] };
let provenancePage: GeneratedFile;

const labelOf = (page: GeneratedFile): string => /^page: (\S+)$/mu.exec(page.meta)?.[1] ?? '';
const dateOf = (page: GeneratedFile): string => page.path.split('/')[2] ?? '';
const paperOf = (page: GeneratedFile): string => page.path.split('/')[1] ?? '';

/** The generated pages, with the bylines and column labels rewritten as described above. */
function pagesOfTheArchive(): GeneratedFile[] {
  const pages = [...generatePages({ stories: 1300, seed: 24, model: trainOnSeed(join(PROJECT, 'content')), startDate: '2024-12-27' })];
  let signed = 0;
  for (const page of pages) {
    for (const item of page.items) {
      if (item.byline !== null && signed++ % 2 === 0) page.text = page.text.replace(`\n${item.byline}\n`, `\n记者 ${REPORTER}\n`);
      const label = item.column?.split(' ')[0];
      if (label) page.text = page.text.replace(`\n${label}\n`, `\n${COLUMN}\n`);
    }
  }
  return pages;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(content, path)), { recursive: true });
  writeFileSync(join(content, path), text);
}

beforeAll(async () => {
  const pages = pagesOfTheArchive();
  // A page of jhwb that a 下转 names, not the edition's last: taking it out leaves a gap and a jump whose other end is not held.
  const edition = (page: GeneratedFile): GeneratedFile[] => pages.filter((p) => p.path.startsWith(dirname(page.path)));
  const source = pages.find((page) => {
    if (paperOf(page) !== 'jhwb') return false;
    const labels = edition(page).map(labelOf);
    return page.items.some((item) => item.continuesOn !== null && item.continuesOn !== labels.at(-1) && item.continuesOn !== 'A1');
  });
  if (!source) throw new Error('no jhwb page with a 下转 to a middle page');
  const jump = source.items.find((item) => item.continuesOn !== null && item.continuesOn !== edition(source).map(labelOf).at(-1))!;
  const label = jump.continuesOn ?? '';
  const gone = edition(source).find((p) => labelOf(p) === label)!;
  removed = {
    paper: 'jhwb',
    date: dateOf(source),
    label,
    held: edition(source)
      .map(labelOf)
      .filter((l) => l !== label),
  };
  provenancePage = pages[0]!;
  for (const page of pages) {
    if (page === gone) continue;
    if (paperOf(page) === MISSING_EDITION.paper && dateOf(page) === MISSING_EDITION.date) continue;
    write(page.path, page.text);
    const meta = page === provenancePage ? page.meta.replace(/(\n {2}page: .*\n)/u, `$1  text: ${EPAPER}\n`) : page.meta;
    write(page.path.replace(/\.txt$/u, '.yml'), meta);
  }
  write(
    'papers.yml',
    readFileSync(join(PROJECT, 'content/papers.yml'), 'utf8')
      .replace('- id: jhwb\n', '- id: jhwb\n  from: 2024-12-20\n')
      .concat('- id: hmrb\n  name: 海门日报\n  weekdays: [1, 2, 3, 4, 5]\n'),
  );
  const check = runScript(['scripts/check-content.ts', content]);
  expect(check.status, printed(check)).toBe(0);
  checkOutput = `${check.stdout}\n${check.stderr}`;
  const build = runScript(buildArgs(out), { SITE_URL: undefined, ARCHIVE_CONTENT_DIR: content });
  expect(build.status, printed(build)).toBe(0);
  buildOutput = `${build.stdout}\n${build.stderr}`;
  articles = readArticles(out);
  server = await serveStatic(out);
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens a fresh page at a site path, failing on a non-200 answer. */
async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser().newContext(options);
  const page = await context.newPage();
  const visit = await page.goto(`${server.url}${path}`);
  expect(visit?.status(), path).toBe(200);
  return page;
}

/** axe's violations in light and dark mode. */
async function axeBoth(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await axeViolations(page)).map((v) => `${colorScheme}: ${v}`));
  }
  return found;
}

const encoded = (path: string): string => path.split('/').map(encodeURIComponent).join('/');
const hrefs = (page: Page, selector: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));

describe('the SITE_URL warning', () => {
  test('a build without SITE_URL says once that links will point at localhost', () => {
    const lines = buildOutput.split('\n').filter((line) => line.includes('SITE_URL'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'SITE_URL is not set: canonical links, feeds, the sitemap and citations will point at http://localhost:4321/.',
    );
  });
});

describe('provenance of a raw page', () => {
  test('the raw-page view shows the sources of its .yml, the address as text, and the SHA-256 of the file it serves', async () => {
    const requests: string[] = [];
    const first = articles.find((a) => a.source.file === provenancePage.path.split('/').at(-1))!;
    const sourceView = `/${first.paper}/${first.date}/source/${first.source.file.replace(/\.txt$/u, '')}/`;
    const page = await open(sourceView);
    page.on('request', (request) => requests.push(request.url()));
    await page.reload();
    const facts = await page.locator('.provenance dt').allInnerTexts();
    expect(facts).toEqual(['日期依据', '版次依据', '文字来源', '文件摘要（SHA-256，按文件字节计算）']);
    await expect(page.locator('.provenance dd').nth(0).innerText()).resolves.toBe('Synthetic, from the generator.');
    await expect(page.locator('.provenance-address').innerText()).resolves.toBe(EPAPER);
    expect(await page.locator(`.provenance a[href="${EPAPER}"]`).count()).toBe(0);
    const served = Buffer.from(await (await fetch(`${server.url}${sourceView.replace(/\/$/u, '.txt')}`)).arrayBuffer());
    const digest = createHash('sha256').update(served).digest('hex');
    expect(digest).toBe(
      createHash('sha256')
        .update(readFileSync(join(content, provenancePage.path)))
        .digest('hex'),
    );
    await expect(page.locator('.provenance-digest').innerText()).resolves.toBe(digest);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    expect(await axeBoth(page)).toEqual([]);
    await page.context().close();
  });
});

describe('citations', () => {
  test('carry the reader’s date as 引用日期 with JavaScript, and a placeholder the reader fills in without it', async () => {
    const story = articles.find((a) => a.kind === 'story' && a.bylines.length > 0 && a.page !== null)!;
    const withJs = await open(story.url);
    const today = await withJs.evaluate(() => new Date().toLocaleDateString('sv'));
    await expect(withJs.locator('#cite-text').inputValue()).resolves.toBe(
      `${story.bylines.join(',')}.${story.title.text}[N/OL].${story.paperName},${story.date}(${story.page})[${today}].http://localhost:4321${story.url}.`,
    );
    await withJs.context().close();
    const withoutJs = await open(story.url, { javaScriptEnabled: false });
    await expect(withoutJs.locator('#cite-text').inputValue()).resolves.toContain(`(${story.page})[引用日期 YYYY-MM-DD].http://`);
    await expect(withoutJs.locator('#cite-date-note').isVisible()).resolves.toBe(true);
    await withoutJs.context().close();
  });

  test('a photo is cited by its photographer, and a title the site made up is marked as on the page', async () => {
    const photo = articles.find((a) => a.kind === 'photo' && a.title.added && a.credits.length > 0)!;
    const page = await open(photo.url, { javaScriptEnabled: false });
    await expect(page.locator('h1 .added-label').innerText()).resolves.toBe('本站拟题');
    await expect(page.locator('#cite-text').inputValue()).resolves.toMatch(
      new RegExp(`^${photo.credits.join(',')}\\.${photo.title.text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}（本站拟题）\\[N/OL\\]`, 'u'),
    );
    await page.context().close();
  });
});

describe('lists split by year', () => {
  const person = `/people/${REPORTER}/`;
  const column = `/columns/${COLUMN}/`;
  const storiesOf = (name: string): ApiArticle[] => articles.filter((a) => a.bylines.includes(name) || a.credits.includes(name));
  const columnStories = (): ApiArticle[] => articles.filter((a) => a.column?.split(' ')[0] === COLUMN);
  const yearOf = (a: ApiArticle): string => a.date.slice(0, 4);

  test.each([
    ['person', person, () => storiesOf(REPORTER)],
    ['column', column, columnStories],
  ] as const)('a %s of more than 100 stories has a page per year, its own address showing the newest', async (_kind, entry, expected) => {
    const all = expected();
    expect(all.length).toBeGreaterThan(100);
    const years = [...new Set(all.map(yearOf))].sort().reverse();
    expect(years).toEqual(['2025', '2024']);
    const page = await open(encoded(entry));
    expect(await hrefs(page, '.list-years a')).toEqual(years.map((y) => `${entry}${y}/`));
    expect((await hrefs(page, '.dated-title a')).sort()).toEqual(
      all
        .filter((a) => yearOf(a) === '2025')
        .map((a) => a.url)
        .sort(),
    );
    for (const year of years) {
      await page
        .locator('.list-years')
        .getByRole('link', { name: `${year}年` })
        .click();
      await page.waitForURL(`${server.url}${encoded(`${entry}${year}/`)}`);
      expect((await hrefs(page, '.dated-title a')).sort()).toEqual(
        all
          .filter((a) => yearOf(a) === year)
          .map((a) => a.url)
          .sort(),
      );
      await expect(page.locator('.list-years [aria-current="page"]').innerText()).resolves.toBe(`${year}年`);
      await expect(page.locator('.breadcrumbs a').last().getAttribute('href')).resolves.toBe(encoded(entry));
      expect(await axeBoth(page)).toEqual([]);
    }
    // An old link to a year's section of the one-page list lands on the year's link.
    await page.goto(`${server.url}${encoded(entry)}#y2024`);
    await expect(page.locator(':target a').innerText()).resolves.toBe('2024年');
    expect(await axeBoth(page)).toEqual([]);
    await page.context().close();
  });

  test('a person page links to a search of the name as author', async () => {
    const page = await open(encoded(person));
    const href = await page.locator('.browse-search a').getAttribute('href');
    expect(new URL(href ?? '', server.url).searchParams.get('q')).toBe(`作者:${REPORTER}`);
    await page.context().close();
  });

  test('the sitemap lists every page of people and columns, year pages too', async () => {
    const index = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(index).toContain('/sitemaps/names.xml</loc>');
    const names = await (await fetch(`${server.url}/sitemaps/names.xml`)).text();
    const listed = [...names.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => decodeURIComponent(new URL(m[1] ?? '').pathname));
    for (const path of [person, `${person}2024/`, `${person}2025/`, column, `${column}2024/`, '/people/', '/columns/'])
      expect(listed).toContain(path);
    const people = new Set(articles.flatMap((a) => [...a.bylines, ...a.credits]));
    for (const name of people) expect(listed).toContain(`/people/${name}/`);
  });
});

describe('the people index', () => {
  test('without JavaScript is the plain list of every name, with no filter box', async () => {
    const page = await open('/people/', { javaScriptEnabled: false });
    await expect(page.locator('.name-filter').isVisible()).resolves.toBe(false);
    const names = await page.locator('.name-list a').allInnerTexts();
    expect(names.sort()).toEqual([...new Set(articles.flatMap((a) => [...a.bylines, ...a.credits]))].sort());
    await page.context().close();
  });

  test('with JavaScript filters the names as the reader types', async () => {
    const page = await open('/people/');
    const box = page.getByLabel('筛选姓名');
    await box.pressSequentially(REPORTER.slice(0, 2));
    const visible = await page.locator('.name-list li:visible a').allInnerTexts();
    const expected = [...new Set(articles.flatMap((a) => [...a.bylines, ...a.credits]))].filter((n) => n.includes(REPORTER.slice(0, 2)));
    expect(visible.sort()).toEqual(expected.sort());
    await expect(page.locator('.name-filter-status').innerText()).resolves.toBe(
      `名字含“${REPORTER.slice(0, 2)}”的有 ${expected.length} 个。`,
    );
    // Only the letters holding a name left stay, in the list and in the bar.
    await expect(page.locator('.name-letter:visible h2').allInnerTexts()).resolves.toEqual(['L']);
    await expect(page.locator('.letter-bar li:visible').allInnerTexts()).resolves.toEqual(['L']);
    expect(await axeBoth(page)).toEqual([]);
    await box.fill('不存在的名字');
    await expect(page.locator('.name-list li:visible').count()).resolves.toBe(0);
    await expect(page.locator('.name-filter-status').innerText()).resolves.toBe('没有名字含“不存在的名字”。');
    await box.fill('');
    await expect(page.locator('.name-list li:visible').count()).resolves.toBe(await page.locator('.name-list li').count());
    await page.context().close();
  });
});

describe('the completeness ledger', () => {
  const ledgerText = async (path: string): Promise<{ page: Page; text: string }> => {
    const page = await open(path);
    for (const summary of await page.locator('.ledger summary').all()) await summary.click();
    return { page, text: await page.locator('.ledger').innerText() };
  };

  test('a year page counts the editions held against the days of publication from papers.yml', async () => {
    const { page, text } = await ledgerText('/jhwb/2024/');
    // from: 2024-12-20, every day: 12 days to the year's end, the 5 from the 27th held.
    expect(text).toContain('2024年12月20日至2024年12月31日，每天出版，应有 12 期；本档案存 5 期，缺 7 期。');
    expect(text).toContain('2024年12月20日至2024年12月26日');
    expect(await axeBoth(page)).toEqual([]);
    await page.context().close();
    const ntrb = await ledgerText('/ntrb/2025/');
    expect(ntrb.text).toContain('缺 1 期。');
    expect(ntrb.text).toContain('2025年1月2日');
    await ntrb.page.context().close();
  });

  test('a paper that appears on weekdays lists the editions held on other days apart', async () => {
    const { page, text } = await ledgerText('/hmrb/2025/');
    expect(text).toContain('每周一、二、三、四、五出版');
    expect(text).toContain('无缺期。');
    const weekend = [...new Set(articles.filter((a) => a.paper === 'hmrb' && a.date.startsWith('2025')).map((a) => a.date))].filter(
      (date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()),
    );
    expect(weekend.length).toBeGreaterThan(0);
    expect(await hrefs(page, '.ledger details:has(summary:text("出版日以外")) a')).toEqual(weekend.map((date) => `/hmrb/${date}/`));
    await page.context().close();
  });

  test('names the page missing inside an edition and the jump whose other end is not held', async () => {
    const { page, text } = await ledgerText(`/jhwb/${removed.date.slice(0, 4)}/`);
    const [y, m, d] = removed.date.split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日：存 ${removed.held.join('、')}，缺 ${removed.label}`);
    expect(text).toMatch(new RegExp(`${y}年${m}月${d}日 A\\d+版《[^》]+》\\s*下转\\s*${removed.label}版，该版未收`, 'u'));
    await page.context().close();
  });

  test('check:content prints the same ledger as notes with counts', () => {
    expect(checkOutput).toMatch(/jhwb 2024: 5 edition\(s\) held of 12 day\(s\) of publication, 7 missing: 2024-12-20–2024-12-26;/u);
    expect(checkOutput).toMatch(/ntrb 2025: \d+ edition\(s\) held of \d+ day\(s\) of publication, 1 missing: 2025-01-02;/u);
    // hmrb appears Monday to Friday: of its five editions of 2024 (from Friday the 27th), the weekend's two are apart.
    expect(checkOutput).toContain(
      'hmrb 2024: 5 edition(s) held of 3 day(s) of publication, none missing; 2 held on days not of publication (2024-12-28–2024-12-29)',
    );
    expect(checkOutput).toContain(`completeness: jhwb ${removed.date} holds ${removed.held.join(', ')} but not ${removed.label} (note)`);
    const jumps = articles.filter((a) => a.paper === 'jhwb' && a.date === removed.date && a.continuesOn === removed.label);
    expect(jumps.length).toBeGreaterThan(0);
    for (const jump of jumps)
      expect(checkOutput).toContain(
        `${jump.source.file}:${jump.source.lines[0]}: completeness: 下转${removed.label}版, but jhwb ${removed.date} holds no page ${removed.label} (note)`,
      );
    expect(checkOutput).not.toMatch(/problem\(s\)/u);
  });
});

describe('the new pages', () => {
  test('pass html-validate with its recommended rules, as the seed site’s pages do', async () => {
    const first = articles.find((a) => a.source.file === provenancePage.path.split('/').at(-1))!;
    const files = [
      `people/${REPORTER}/index.html`,
      `people/${REPORTER}/2024/index.html`,
      `columns/${COLUMN}/2025/index.html`,
      'people/index.html',
      'jhwb/2024/index.html',
      `jhwb/${removed.date.slice(0, 4)}/index.html`,
      'hmrb/2025/index.html',
      `${first.paper}/${first.date}/source/${first.source.file.replace(/\.txt$/u, '')}/index.html`,
    ];
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(join(out, file));
      for (const r of report.results) for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});

describe('the incremental build', () => {
  test('a new story of the reporter renders the newest year of their list, not the years before', () => {
    write(
      'pages/ntrb/2025-01-20/000_f00dfeedf00dfeed.txt',
      '\n\n南通举办迎新春文艺汇演\n\n本报讯 昨天晚上，南通市迎新春文艺汇演在市文化中心举行，来自全市各地的文艺工作者和群众演员同台献艺，现场观众热情高涨，掌声不断。\n\n记者 林晓峰\n',
    );
    write(
      'pages/ntrb/2025-01-20/000_f00dfeedf00dfeed.yml',
      'paper: ntrb\ndate: 2025-01-20\npage: A1\nsources:\n  date: Written by the test.\n  page: Written by the test.\n',
    );
    const build = runScript(buildArgs(out), { SITE_URL: undefined, ARCHIVE_CONTENT_DIR: content });
    expect(build.status, printed(build)).toBe(0);
    const { build: kind, rendered } = JSON.parse(readFileSync(`${out}.cache/changes.json`, 'utf8')) as {
      build: string;
      rendered: string[];
    };
    expect(kind).toBe('incremental');
    expect(rendered).toEqual(expect.arrayContaining([`people/${REPORTER}/index.html`, `people/${REPORTER}/2025/index.html`]));
    expect(rendered).not.toContain(`people/${REPORTER}/2024/index.html`);
  });
});
