import { getPrintedPages, type PrintedPage } from './editions.ts';
import { pageLabel, printedPagePath } from './paths.ts';

/**
 * The 版 as a reader turns it: each printed page has its own page at
 * /<paper>/<date>/<版>/ (src/pages/[paper]/[date]/[label].astro), named in the
 * edition's page bar, and leads to the page before and after it in the
 * paper, across editions.
 */

/** A 版 as a link: the page bar's tab, or where 上一版 / 下一版 lead. */
export interface PageTab {
  /** Site path of the 版's page. */
  path: string;
  /** Publication date of its edition, YYYY-MM-DD. */
  date: string;
  /** What it is called: A2版 看南通, or 第N个版面 when it prints no label. */
  title: string;
  /** Whether its label is known. */
  labelled: boolean;
  /** How many items it holds. */
  items: number;
}

/** The 版 before and after one in its paper, or null at either end. */
export interface PageTurns {
  previous: PageTab | null;
  next: PageTab | null;
}

/**
 * What a 版 is called: its label with its 版名, or 第N个版面 when it prints no label.
 * @example pageTitle({ page: 'A2', pageName: '看南通', pageIndex: 1 }) // 'A2版 看南通'
 * @example pageTitle({ page: null, pageName: null, pageIndex: 2 }) // '第3个版面'
 */
export const pageTitle = (page: Pick<PrintedPage, 'page' | 'pageName' | 'pageIndex'>): string =>
  pageLabel(page.page, page.pageName) || `第${page.pageIndex + 1}个版面`;

/** A printed page as a link to its own page. */
export const pageTab = (page: PrintedPage): PageTab => ({
  path: printedPagePath(page.paper, page.date, page.page, page.pageIndex),
  date: page.date,
  title: pageTitle(page),
  labelled: page.page !== null,
  items: page.items.length,
});

let turns: Promise<Map<string, PageTurns>> | undefined;

/**
 * The 版 before and after a printed page in its paper: within its edition,
 * and across to the last 版 of the edition before at its start and the first
 * of the edition after at its end.
 */
export async function getPageTurns(page: PrintedPage): Promise<PageTurns> {
  turns ??= getPrintedPages().then((all) => {
    const map = new Map<string, PageTurns>();
    all.forEach((p, i) => {
      const before = all[i - 1];
      const after = all[i + 1];
      map.set(pageTab(p).path, {
        previous: before?.paper === p.paper ? pageTab(before) : null,
        next: after?.paper === p.paper ? pageTab(after) : null,
      });
    });
    return map;
  });
  return (await turns).get(pageTab(page).path) ?? { previous: null, next: null };
}
