import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { trainOnSeed, writeGeneratedArchive } from '../../src/bench/generate-archive.ts';
import { readArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { buildArgs, PROJECT, printed, runScript } from '../support/build-command.ts';
import { serveStatic, type StaticServer } from '../../src/tools/static-server.ts';

/**
 * The 版 pages, jumps, dates and 历史上的今天 on a generated archive: three
 * papers from 2024-12-30 and again from 2025-12-30 (so the same days in two
 * years, and a year held for one month), and one 南通日报 edition written
 * here, 2025-06-15, whose jumps are known: A1 holds two stories going on to
 * A3; A3 holds the continuation of the first (same 主题), one of another
 * headline from A1, and one from A9, which the archive lacks; a third page
 * prints no label. What each page must show is computed from the bulk data,
 * not by the site's own code.
 */

const work = mkdtempSync(join(tmpdir(), 'browsing-pages-'));
const content = join(work, 'content');
const out = join(work, 'site');
const browser = useBrowser();
let server: StaticServer;
let articles: ApiArticle[];

const JUMP_DATE = '2025-06-15';
const A1 = `${'议政建言谋未来 凝心聚力促发展'}\n\n本报讯（记者彭军君）22日，市政协十六届三次会议举行大会发言，委员们围绕如何在新的一年里继续发挥示范引领作用展开了热烈讨论，大家一致认为要把握机遇、乘势而上，推动各项工作不断取得新的成效，为全市高质量发展（下转A3版）\n\n市总工会举行劳模迎新活动\n\n本报讯（记者王玮丽）出席活动的劳模工匠中，有甘于奉献的一线职工、勇克难关的技术能手、辛勤耕耘的人民教师，大家纷纷表示要立足岗位建功立业，在新的一年里以更加饱满的热情投入到工作中去，为南通（下转A3版）\n`;
const A3 = `议政建言谋未来 凝心聚力促发展\n\n（上接A1版）贡献智慧和力量。会议指出，过去一年，广大政协委员作为各界别的杰出代表，为全市经济社会发展作出了重要贡献。\n\n劳模迎新活动侧记\n\n（上接A1版）现代化建设再立新功。大家表示，新的一年将继续弘扬劳模精神、劳动精神、工匠精神，在各自岗位上再创佳绩。\n\n以实际行动增光添彩\n\n（上接A9版）持续深化党建带群建，扎实做好工会、共青团、妇联、残联各项工作，全面推动群团事业高质量发展。\n`;
const UNLABELLED = `江海平原春意浓\n\n本报讯（记者沈雪梅）连日来，全市各地抢抓农时开展春耕生产，田间地头处处是忙碌的身影，一派生机勃勃的景象。\n`;

/** Writes one raw page of the hand-written edition with its metadata. */
function writePage(file: string, text: string, page: string): void {
  const dir = join(content, 'pages/ntrb', JUMP_DATE);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${file}.txt`), text);
  writeFileSync(
    join(dir, `${file}.yml`),
    `paper: ntrb\ndate: ${JUMP_DATE}\npage: ${page}\nsources:\n  date: written for a test\n  page: written for a test\n`,
  );
}

beforeAll(async () => {
  const model = trainOnSeed(join(PROJECT, 'content'));
  writeGeneratedArchive({ stories: 200, seed: 3, model, startDate: '2024-12-30' }, content);
  writeGeneratedArchive({ stories: 120, seed: 4, model, startDate: '2025-12-30' }, content);
  writePage('000_jump_a1', A1, 'A1');
  writePage('001_jump_a3', A3, 'A3');
  writePage('002_jump_unlabelled', UNLABELLED, 'null');
  const result = runScript(buildArgs(out), { ARCHIVE_CONTENT_DIR: content });
  expect(result.status, printed(result)).toBe(0);
  articles = readArticles(out);
  server = await serveStatic(out);
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const html = (path: string): string => readFileSync(join(out, path, 'index.html'), 'utf8');
const hrefs = (text: string, cls: string): string[] =>
  [...text.matchAll(new RegExp(`<[a-z]+ class="${cls}"[^]*?</(?:ol|ul|nav)>`, 'gu'))].flatMap((m) =>
    [...m[0].matchAll(/href="([^"]+)"/gu)].map((h) => h[1] ?? ''),
  );

/** One printed page of the bulk data: its paper, date, label, name and items in print order. */
interface HeldPage {
  paper: string;
  date: string;
  page: string | null;
  pageName: string | null;
  file: string;
  urls: string[];
}

/** The printed pages of the bulk data in print order (the parts are in print order already). */
function heldPages(): HeldPage[] {
  const pages: HeldPage[] = [];
  for (const a of articles) {
    const last = pages.at(-1);
    if (last?.file === a.source.file) last.urls.push(a.url);
    else pages.push({ paper: a.paper, date: a.date, page: a.page, pageName: a.pageName, file: a.source.file, urls: [a.url] });
  }
  return pages;
}

/** The address of a held page: its label, or page-N by its place in the edition. */
function pagePath(page: HeldPage, all: HeldPage[]): string {
  const edition = all.filter((p) => p.paper === page.paper && p.date === page.date);
  return `/${page.paper}/${page.date}/${page.page ?? `page-${edition.indexOf(page) + 1}`}/`;
}

async function open(
  path: string,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser().newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const visit = await page.goto(`${server.url}${path}`);
  expect(visit?.status(), path).toBe(200);
  return page;
}

describe('a page for each 版', () => {
  test('every held 版 has its page, listing its stories in print order as the edition does, with its raw text', () => {
    const all = heldPages();
    expect(all.length).toBeGreaterThan(40);
    for (const page of all) {
      const text = html(pagePath(page, all));
      expect(hrefs(text, 'item-list'), pagePath(page, all)).toEqual(page.urls);
      expect(text).toMatch(/<a href="\/[a-z]+\/\d{4}-\d{2}-\d{2}\/source\/[^/]+\/">本版原始文字<\/a>/u);
    }
  });

  test('上一版 and 下一版 walk every 版 of a paper in print order, across editions, and the sitemap lists each', () => {
    const all = heldPages();
    const sitemap = ['ntrb-2024', 'ntrb-2025'].map((part) => readFileSync(join(out, `sitemaps/${part}.xml`), 'utf8')).join('');
    const ntrb = all.filter((p) => p.paper === 'ntrb');
    ntrb.forEach((page, i) => {
      const text = html(pagePath(page, all));
      const next = ntrb[i + 1];
      const previous = ntrb[i - 1];
      expect(/<a rel="next" href="([^"]+)"/u.exec(text)?.[1] ?? null).toBe(next ? pagePath(next, all) : null);
      expect(/<a rel="prev" href="([^"]+)"/u.exec(text)?.[1] ?? null).toBe(previous ? pagePath(previous, all) : null);
      expect(sitemap).toContain(`${pagePath(page, all)}</loc>`);
    });
    // The hand-written edition's unlabelled page is the third: page-3, 第3个版面.
    expect(html(`/ntrb/${JUMP_DATE}/page-3/`)).toContain('第3个版面');
  });

  test('a reader turns pages with JavaScript off: page bar → 版 → 下一版 into the next edition → story → its 版', async () => {
    const all = heldPages().filter((p) => p.paper === 'jhwb');
    const firstEdition = all.filter((p) => p.date === all[0]?.date);
    const page = await open(`/jhwb/${all[0]?.date ?? ''}/`, { javaScriptEnabled: false });
    // The page bar's tabs read 版 版名 · N 篇, never A1版3 篇.
    const tabs = await page.locator('.page-bar a').allInnerTexts();
    expect(tabs).toEqual(firstEdition.map((p) => `${p.page ?? ''}版${p.pageName ? ` ${p.pageName}` : ''} · ${p.urls.length} 篇`));
    await page.locator('.page-bar a').last().click();
    const lastTab = firstEdition.at(-1);
    expect(new URL(page.url()).pathname).toBe(`/jhwb/${lastTab?.date ?? ''}/${lastTab?.page ?? ''}/`);
    await expect(page.locator('.page-bar a[aria-current="page"]').innerText()).resolves.toContain(`${lastTab?.page ?? ''}版`);
    await page.locator('.page-turns a[rel=next]').click();
    const nextEdition = all[firstEdition.length];
    expect(new URL(page.url()).pathname).toBe(`/jhwb/${nextEdition?.date ?? ''}/A1/`);
    await page.locator('.item-list a').first().click();
    expect(new URL(page.url()).pathname).toBe(nextEdition?.urls[0]);
    await page.locator('.breadcrumbs a', { hasText: 'A1版' }).click();
    expect(new URL(page.url()).pathname).toBe(`/jhwb/${nextEdition?.date ?? ''}/A1/`);
  });

  test('on a phone the weekday stays whole and the 版 heading reads as separate words', async () => {
    const page = await open(`/ntrb/${JUMP_DATE}/`, { viewport: { width: 320, height: 640 } });
    const weekday = page.locator('h1 .weekday');
    await expect(weekday.evaluate((el) => el.getClientRects().length)).resolves.toBe(1);
    await expect(page.locator('#page-1-heading').innerText()).resolves.toMatch(/^A1版\s*·\s*2 篇$/u);
    await expect(axeViolations(page)).resolves.toEqual([]);
    // The 版 pages, the labelled and the unlabelled, pass axe too (axe runs only where JavaScript does).
    for (const label of ['A3', 'page-3']) {
      await page.goto(`${server.url}/ntrb/${JUMP_DATE}/${label}/`);
      await expect(axeViolations(page), label).resolves.toEqual([]);
    }
  });
});

describe('jumps linked both ways', () => {
  const story = (headline: string, kind: string): ApiArticle => {
    const found = articles.find((a) => a.date === JUMP_DATE && a.headline === headline && a.kind === kind);
    if (!found) throw new Error(`no ${kind} ${headline}`);
    return found;
  };
  const note = (url: string): string[] => [...html(url).matchAll(/<p class="jump-note"[^>]*>(.*?)<\/p>/gu)].map((m) => m[1] ?? '');

  test('下转 leads to the continuation of the same 主题, and its 上接 back to the start', () => {
    const start = story('议政建言谋未来 凝心聚力促发展', 'story');
    const rest = story('议政建言谋未来 凝心聚力促发展', 'jump');
    expect(note(start.url)).toEqual([`<a href="${rest.url}">下转A3版</a>`]);
    expect(note(rest.url)).toEqual([`<a href="${start.url}">上接A1版：议政建言谋未来 凝心聚力促发展</a>`]);
  });

  test('a marker with no matching story leads to the 版 it names, and says nothing is missing', () => {
    const start = story('市总工会举行劳模迎新活动', 'story');
    const rest = story('劳模迎新活动侧记', 'jump');
    expect(note(start.url)).toEqual([`<a href="/ntrb/${JUMP_DATE}/A3/">下转A3版</a>（后续部分在该版，未能确定是哪一篇）`]);
    expect(note(rest.url)).toEqual([`<a href="/ntrb/${JUMP_DATE}/A1/">上接A1版</a>（开头部分在该版，未能确定是哪一篇）`]);
  });

  test('only a marker whose 版 is not held says the start is not in the archive', () => {
    expect(note(story('以实际行动增光添彩', 'jump').url)).toEqual(['上接A9版。本档案未收入开头部分。']);
    // Every generated continuation names a 版 of its own edition, which the archive holds.
    const generated = articles.filter((a) => a.continuedFrom !== null && a.date !== JUMP_DATE);
    expect(generated.length).toBeGreaterThan(5);
    for (const a of generated) expect(note(a.url).join(''), a.url).not.toContain('未收入');
  });
});

describe('dates', () => {
  const ntrbDates = (): string[] => [...new Set(articles.filter((a) => a.paper === 'ntrb').map((a) => a.date))].sort();

  test('a year held for one month draws one month, and a run of months between is one line naming the nearest editions', () => {
    const dates = ntrbDates();
    const y2024 = html('/ntrb/2024/');
    expect([...y2024.matchAll(/<table class="calendar-month"/gu)]).toHaveLength(1);
    const y2025 = html('/ntrb/2025/');
    const months = [...new Set(dates.filter((d) => d.startsWith('2025')).map((d) => Number(d.slice(5, 7))))];
    expect([...y2025.matchAll(/<table class="calendar-month" id="m(\d+)"/gu)].map((m) => Number(m[1]))).toEqual(months);
    const beforeJune = dates.filter((d) => d < JUMP_DATE).at(-1) ?? '';
    expect(y2025).toMatch(new RegExp(`<p class="calendar-gap">2025年\\d+月至5月未收录。此前最近一期 <a href="/ntrb/${beforeJune}/">`, 'u'));
  });

  test('跳到日期 opens a held day’s edition, and for another day names the nearest editions before and after', async () => {
    const dates = ntrbDates();
    const page = await open('/ntrb/');
    await page.locator('#jump-date').fill(JUMP_DATE);
    await page.locator('.jump-date button').click();
    await page.waitForURL(`**/ntrb/${JUMP_DATE}/`);
    await page.goto(`${server.url}/ntrb/`);
    await page.locator('#jump-date').fill('2025-03-10');
    await page.locator('.jump-date button').click();
    await expect(page.locator('.jump-date-note a').first().waitFor()).resolves.toBeUndefined();
    const before = dates.filter((d) => d < '2025-03-10').at(-1);
    const links = await page.locator('.jump-date-note a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`/ntrb/${before ?? ''}/`, `/ntrb/${JUMP_DATE}/`]);
    await expect(page.locator('.jump-date-note').innerText()).resolves.toContain('本档案未收录2025年3月10日的报纸');
    // A day before the first edition has only an edition after it; a year not held is read from the years beside it.
    await page.locator('#jump-date').fill('2023-05-01');
    await page.locator('.jump-date button').click();
    await page.waitForFunction(() => document.querySelector('.jump-date-note')?.textContent?.includes('2023年5月1日'));
    await expect(page.locator('.jump-date-note a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual([
      `/ntrb/${dates[0] ?? ''}/`,
    ]);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  test('without JavaScript the form stays hidden and the year pages are the way in', async () => {
    const page = await open('/ntrb/', { javaScriptEnabled: false });
    await expect(page.locator('form.jump-date').isHidden()).resolves.toBe(true);
    await page.locator('.year-switcher a', { hasText: '2025年' }).click();
    await page.locator('.calendar-gap a').first().click();
    expect(new URL(page.url()).pathname).toMatch(/^\/ntrb\/\d{4}-\d{2}-\d{2}\/$/u);
  });
});

describe('历史上的今天', () => {
  const editions = (): { paper: string; date: string }[] => [
    ...new Map(articles.map((a) => [`${a.paper}/${a.date}`, { paper: a.paper, date: a.date }])).values(),
  ];

  test('each edition links the editions of its month and day in other years, across papers, and not its own year', () => {
    for (const { paper, date } of editions()) {
      const expected = editions()
        .filter((e) => e.date.slice(5) === date.slice(5) && e.date.slice(0, 4) !== date.slice(0, 4))
        .sort((a, b) => b.date.localeCompare(a.date) || a.paper.localeCompare(b.paper))
        .map((e) => `/${e.paper}/${e.date}/`);
      expect(hrefs(html(`/${paper}/${date}/`), 'this-day-list'), `${paper} ${date}`).toEqual(expected);
    }
    expect(hrefs(html('/ntrb/2025-12-30/'), 'this-day-list').length).toBeGreaterThan(0);
  });

  test('the home page lists the newest date held without JavaScript, and the reader’s today with it', async () => {
    const newest = editions()
      .map((e) => e.date)
      .sort()
      .at(-1);
    const sameDay = (day: string): string[] =>
      editions()
        .filter((e) => e.date.slice(5) === day)
        .sort((a, b) => b.date.localeCompare(a.date) || a.paper.localeCompare(b.paper))
        .map((e) => `/${e.paper}/${e.date}/`);
    const off = await open('/', { javaScriptEnabled: false });
    const listed = (page: Page): Promise<string[]> =>
      page.locator('.this-day-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    await expect(listed(off)).resolves.toEqual(sameDay(newest?.slice(5) ?? ''));
    // A reader whose clock says 30 December sees that day's editions of both years.
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(2030, 11, 30, 9));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('.this-day-date')?.textContent === '12月30日');
    await expect(listed(page)).resolves.toEqual(sameDay('12-30'));
    // A day the archive holds nothing of says so.
    await page.clock.setFixedTime(new Date(2030, 6, 1, 9));
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.this-day-date')?.textContent === '7月1日');
    await expect(listed(page)).resolves.toEqual([]);
    await expect(page.locator('.this-day-note').innerText()).resolves.toContain('没有');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
