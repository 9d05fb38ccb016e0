import type { Page } from 'playwright-core';

/** A page of the built seed site, as the browser tests visit it. */
export interface PageType {
  name: string;
  path: string;
  /** What must be on the page once it settled. */
  ready?: (page: Page) => Promise<unknown>;
  /** File name of its screenshots (tests/e2e/screenshots.test.ts); pages without one are not photographed. */
  shot?: string;
}

/** One page of every type the site has, with what must be on it once it settled. */
export const PAGE_TYPES: PageType[] = [
  { name: 'home', shot: 'home', path: '/' },
  { name: 'paper', shot: 'paper', path: '/ntrb/' },
  { name: 'calendar', shot: 'calendar', path: '/ntrb/2024/' },
  { name: 'edition', shot: 'edition', path: '/ntrb/2024-01-24/' },
  { name: 'printed page (版)', shot: 'printed-page', path: '/ntrb/2024-01-24/A2/' },
  { name: 'story', shot: 'story', path: '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/' },
  { name: 'story with dateline', path: '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/' },
  { name: 'jump', path: '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci-xu/' },
  { name: 'photo', shot: 'photo', path: '/ntrb/2024-01-24/tu-pian-22-ri-nan-tong-liang-you/' },
  { name: 'raw page view', shot: 'raw-page', path: '/ntrb/2024-01-24/source/004_ca8fbf74e0fa523e/' },
  { name: 'people index', shot: 'people', path: '/people/' },
  { name: 'person', shot: 'person', path: `/people/${encodeURIComponent('王玮丽')}/` },
  { name: 'columns index', shot: 'columns', path: '/columns/' },
  { name: 'column', shot: 'column', path: `/columns/${encodeURIComponent('直通省两会')}/` },
  {
    name: 'search with results',
    shot: 'search',
    path: '/search/?q=%E9%95%BF%E6%B1%9F%E5%8F%A3',
    ready: (page) => page.waitForSelector('ol[aria-label="搜索结果"] > li'),
  },
  {
    name: 'search with no results',
    path: `/search/?q=${encodeURIComponent('長江三角洲 南通')}&paper=ntrb`,
    ready: (page) => page.waitForFunction(() => /（\d+ 篇）/u.test(document.querySelector('#search-none')?.textContent ?? '')),
  },
  {
    name: 'story opened from a search result',
    path: '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/?highlight=%E9%95%BF%E6%B1%9F%E5%8F%A3',
    ready: (page) => page.waitForSelector('mark[data-search-highlight]'),
  },
  { name: '404', shot: '404', path: '/no/such/page/' },
];
