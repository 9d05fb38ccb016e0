/** The items grouped into editions and their printed pages (版), in print order. */
import { getArticles, type Article } from './articles.ts';

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

let editions: Promise<Edition[]> | undefined;

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

/** How many items an edition holds. */
export function storyCount(edition: Edition): number {
  return edition.pages.reduce((n, page) => n + page.items.length, 0);
}
