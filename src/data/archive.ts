import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { renderBody, type BodyLead } from '../archive/render-body.ts';
import { editionPath, paperPath, printedPagePath, sourcePath } from './paths.ts';
import { printedBody } from './printed-text.ts';
import { FOLD_TABLE_ID } from '../loaders/fold-table-loader.ts';
import { groupByShard, searchShardFor, type Shard } from './partitions.ts';

/** One archived item as the pages read it. */
export type Article = CollectionEntry<'articles'>;
/** One paper. */
export type PaperEntry = CollectionEntry<'papers'>;

/** One printed page (版) of an edition: the items read from one raw page file. */
export interface PrintedPage {
  /** Paper id. */
  paper: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** 版次 as printed, or null when unknown. */
  page: string | null;
  /** 版名 (看南通), or null when not known. */
  pageName: string | null;
  /** Position of the page within the edition. */
  pageIndex: number;
  /** File name of the raw page. */
  file: string;
  /** Its path relative to the project root. */
  path: string;
  /** Its items in print order. */
  items: Article[];
}

/** One issue of a paper: its pages in print order. */
export interface Edition {
  /** Paper id. */
  paper: string;
  /** Paper name as printed. */
  paperName: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** Pages in print order. */
  pages: PrintedPage[];
}

/** Print order: paper, date, page within the edition, item on the page. */
const printOrder = (a: Article, b: Article): number =>
  a.data.paper.localeCompare(b.data.paper) ||
  a.data.date.localeCompare(b.data.date) ||
  a.data.pageIndex - b.data.pageIndex ||
  a.data.order - b.data.order;

let articles: Promise<Article[]> | undefined;
let editions: Promise<Edition[]> | undefined;

/**
 * The HTML of an item's body, rendered when its page is from the printed
 * blocks of its raw page (see printed-text.ts); the 电头 in linked pieces
 * when they are given.
 */
export function bodyHtml(data: Pick<Article['data'], 'source' | 'dateline'>, datelineParts?: BodyLead['datelineParts']): string {
  return renderBody(printedBody(data), { dateline: data.dateline, datelineParts }).html;
}

/**
 * The paragraph texts of an item, in order (subheads left out).
 * @example paragraphsOf(article.data)[0] // the first paragraph as printed
 */
export function paragraphsOf(data: Pick<Article['data'], 'source'>): string[] {
  return printedBody(data).flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
}

/** Every item in print order, sorted once per build. */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('articles').then((all) => all.sort(printOrder));
  return articles;
}

/**
 * The fold table the search page ships: pairs of characters, traditional
 * then simplified, whose target occurs in the archive's printed text.
 */
export async function getFoldPairs(): Promise<string> {
  return (await getEntry('searchFold', FOLD_TABLE_ID))?.data.pairs ?? '';
}

/** A published link that no longer shows a story of its own: it leads on, or says its story was withdrawn. */
export type FormerLink = CollectionEntry<'formerLinks'>['data'];

/** Every former link, sorted by link. */
export async function getFormerLinks(): Promise<FormerLink[]> {
  return (await getCollection('formerLinks')).map((e) => e.data).sort((a, b) => a.from.localeCompare(b.from));
}

/** The lines of a story withdrawn while its page stays, and the link that says so. */
export interface WithdrawnLines {
  lines: [number, number];
  url: string;
}

/** The stories withdrawn from pages that stay, by raw page path (relative to the project root). */
export async function getWithdrawnLines(): Promise<Map<string, WithdrawnLines[]>> {
  const byPath = new Map<string, WithdrawnLines[]>();
  for (const link of await getFormerLinks()) {
    if (link.status !== 'retired' || !link.withdrawn) continue;
    const { path, lines } = link.withdrawn;
    byPath.set(path, [...(byPath.get(path) ?? []), { lines, url: link.from }]);
  }
  return byPath;
}

/** Every paper, in the order of content/papers.yml ids. */
export async function getPapers(): Promise<PaperEntry[]> {
  return (await getCollection('papers')).sort((a, b) => a.id.localeCompare(b.id));
}

/** Groups items already in print order into editions and their pages. */
function groupEditions(all: Article[]): Edition[] {
  const result: Edition[] = [];
  for (const article of all) {
    const { paper, paperName, date, page, pageName, pageIndex, source } = article.data;
    let edition = result.at(-1);
    if (!edition || edition.paper !== paper || edition.date !== date) {
      edition = { paper, paperName, date, pages: [] };
      result.push(edition);
    }
    let printed = edition.pages.at(-1);
    if (!printed || printed.file !== source.file) {
      printed = { paper, date, page, pageName, pageIndex, file: source.file, path: source.path, items: [] };
      edition.pages.push(printed);
    }
    printed.items.push(article);
  }
  return result;
}

/** Every edition of every paper, oldest first within a paper. */
export function getEditions(): Promise<Edition[]> {
  editions ??= getArticles().then(groupEditions);
  return editions;
}

/** Every printed page of every edition, in print order. */
export async function getPrintedPages(): Promise<PrintedPage[]> {
  return (await getEditions()).flatMap((edition) => edition.pages);
}

/** The newest editions across all papers, newest first. */
export async function getLatestEditions(count: number): Promise<Edition[]> {
  const all = [...(await getEditions())];
  return all.sort((a, b) => b.date.localeCompare(a.date) || a.paper.localeCompare(b.paper)).slice(0, count);
}

/** One month of a paper's dates. */
export interface MonthDates {
  /** Month, 1–12. */
  month: number;
  /** Dates (YYYY-MM-DD) in order. */
  dates: string[];
}

/** One year of a paper's dates. */
export interface YearDates {
  /** Year, e.g. 2024. */
  year: number;
  /** Months in order. */
  months: MonthDates[];
}

/**
 * A paper's dates grouped by year and month, oldest first.
 * @example groupDates(['2024-01-24', '2025-02-06']) // [{ year: 2024, months: [{ month: 1, dates: ['2024-01-24'] }] }, …]
 */
export function groupDates(dates: string[]): YearDates[] {
  const years: YearDates[] = [];
  for (const date of dates) {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) y.months.push((m = { month, dates: [] }));
    m.dates.push(date);
  }
  return years;
}

/** How many items an edition holds. */
export function storyCount(edition: Edition): number {
  return edition.pages.reduce((n, page) => n + page.items.length, 0);
}

/** Each year of a paper with its number of editions: the year switcher. */
export function yearEditionCounts(years: YearDates[]): { year: number; editions: number }[] {
  return years.map(({ year, months }) => ({ year, editions: months.reduce((n, m) => n + m.dates.length, 0) }));
}

/** A paper and its dates by year and month. */
export interface PaperIndex {
  /** The paper. */
  paper: PaperEntry;
  /** Its dates, oldest first. */
  years: YearDates[];
  /** How many items its editions hold. */
  stories: number;
}

/** Every paper that has at least one edition, with its dates. */
export async function getPaperIndexes(): Promise<PaperIndex[]> {
  const editions = await getEditions();
  return (await getPapers())
    .map((paper) => {
      const own = editions.filter((e) => e.paper === paper.id);
      const stories = own.reduce((sum, e) => sum + storyCount(e), 0);
      return { paper, years: groupDates(own.map((e) => e.date)), stories };
    })
    .filter(({ years }) => years.length > 0);
}

/** One paper-year: the page of its calendar. */
export interface PaperYear {
  paper: PaperEntry;
  year: number;
  /** Dates of its editions, oldest first. */
  dates: string[];
  /** Every year the paper has editions in, with how many: the year switcher. */
  years: { year: number; editions: number }[];
  /** The paper's last edition before this year and first after it, or null: the nearest ones around the year. */
  before: string | null;
  after: string | null;
}

/** Every paper-year with at least one edition. */
export async function getPaperYears(): Promise<PaperYear[]> {
  return (await getPaperIndexes()).flatMap(({ paper, years }) => {
    const switcher = yearEditionCounts(years);
    const datesOf = ({ months }: YearDates): string[] => months.flatMap((m) => m.dates);
    return years.map((y, i) => {
      const before = years[i - 1];
      const after = years[i + 1];
      return {
        paper,
        year: y.year,
        dates: datesOf(y),
        years: switcher,
        before: before ? (datesOf(before).at(-1) ?? null) : null,
        after: after ? (datesOf(after)[0] ?? null) : null,
      };
    });
  });
}

/** The editions before and after one, of the same paper (dates), or null at either end. */
export interface EditionNeighbours {
  previous: string | null;
  next: string | null;
}

let neighbours: Promise<Map<string, EditionNeighbours>> | undefined;

/**
 * The editions of the same paper before and after the edition of `date`.
 * @example await getEditionNeighbours('ntrb', '2024-01-24') // { previous: null, next: null } in the seed archive
 */
export async function getEditionNeighbours(paper: string, date: string): Promise<EditionNeighbours> {
  neighbours ??= getEditions().then((all) => {
    const map = new Map<string, EditionNeighbours>();
    all.forEach((edition, i) => {
      const before = all[i - 1];
      const after = all[i + 1];
      map.set(`${edition.paper}/${edition.date}`, {
        previous: before?.paper === edition.paper ? before.date : null,
        next: after?.paper === edition.paper ? after.date : null,
      });
    });
    return map;
  });
  return (await neighbours).get(`${paper}/${date}`) ?? { previous: null, next: null };
}

/** A paper's items, newest edition first (print order within an edition), at most `count`. */
export async function getFeedItems(paper: string, count: number): Promise<Article[]> {
  const own = (await getEditions()).filter((e) => e.paper === paper).reverse();
  return own.flatMap((e) => e.pages.flatMap((p) => p.items)).slice(0, count);
}

/** The site's pages that belong to no paper-year: home and the papers' indexes. */
export async function getTopPaths(): Promise<string[]> {
  return ['/', ...(await getPaperIndexes()).map(({ paper }) => paperPath(paper.id))];
}

/** The pages of one paper-year: its editions, printed pages (版), raw pages and items, in print order. */
export interface SitemapPart {
  shard: Shard;
  paths: string[];
}

/** The site's paper-year pages, one part per paper and year (a sitemap holds at most 50,000 URLs). */
export async function getSitemapParts(): Promise<SitemapPart[]> {
  return groupByShard(await getEditions(), (edition) => edition).map(({ shard, items }) => ({
    shard,
    paths: items.flatMap((e) => [
      editionPath(e.paper, e.date),
      ...e.pages.flatMap((p) => [
        printedPagePath(p.paper, p.date, p.page, p.pageIndex),
        sourcePath(p.paper, p.date, p.file),
        ...p.items.map((a) => a.data.url),
      ]),
    ]),
  }));
}

/** The items of one paper-year, in print order. */
export interface ArticlePart {
  shard: Shard;
  articles: Article[];
}

/** Every item, one part per paper and year, parts sorted by id. */
export async function getArticleParts(): Promise<ArticlePart[]> {
  return groupByShard(await getArticles(), (article) => article.data).map(({ shard, items }) => ({ shard, articles: items }));
}

/**
 * Every item, one part per search shard (src/data/partitions.ts: the newest
 * month apart, the rest by paper and half-year), parts sorted by id.
 */
export async function getSearchParts(): Promise<ArticlePart[]> {
  const articles = await getArticles();
  const shardFor = searchShardFor(articles.map(({ data }) => data));
  return groupByShard(articles, (article) => article.data, shardFor).map(({ shard, items }) => ({ shard, articles: items }));
}

/** The search shards, sorted by id: the list the search page hands the browser. */
export async function getSearchShards(): Promise<Shard[]> {
  return (await getSearchParts()).map(({ shard }) => shard);
}
