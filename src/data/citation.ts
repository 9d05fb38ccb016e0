/** The fields a newspaper citation needs, as they are in an item's data. */
export interface CitationFields {
  /** story, jump or photo: a photo's citation names its photographers. */
  kind: 'story' | 'jump' | 'photo';
  /** Writers' names. */
  bylines: string[];
  /** Photographers' names (credits). */
  credits: string[];
  /** Title shown, and whether the site made it up (本站拟题). */
  title: { text: string; added: boolean };
  /** Paper name as printed. */
  paperName: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** 版次 or null when unknown. */
  page: string | null;
  /** Absolute permalink. */
  url: string;
}

/**
 * What stands for the 引用日期 (the reader's access date) in the citation the
 * page is built with: a build knows no reader's date, and a clock read at
 * build time would make two builds of one archive differ. The page's script
 * (src/scripts/copy-citation.ts) puts the reader's date in its place; without
 * JavaScript the reader sees it and fills it in.
 */
export const ACCESS_DATE_PLACEHOLDER = '引用日期 YYYY-MM-DD';

/** How a title the site made up is marked in a citation: with the words its story page labels it with. */
export const ADDED_TITLE_MARK = '（本站拟题）';

/**
 * The names a citation gives as 主要责任者: the writers; for a photo, its
 * photographers after them (a photo's credit is its authorship).
 * @example citedNames({ kind: 'photo', bylines: [], credits: ['许丛军'] }) // ['许丛军']
 */
export function citedNames({ kind, bylines, credits }: Pick<CitationFields, 'kind' | 'bylines' | 'credits'>): string[] {
  return kind === 'photo' ? [...new Set([...bylines, ...credits])] : bylines;
}

/**
 * A GB/T 7714—2025 reference to a newspaper article read online:
 * `主要责任者.题名[N/OL].报纸名,出版日期(版次)[引用日期].URL.` With no names
 * it starts with the title; with an unknown page the (版次) is left out. A
 * title the site made up is followed by （本站拟题）. The 引用日期 is
 * `accessed` (YYYY-MM-DD), or the placeholder a page is built with.
 * @example formatCitation({ kind: 'story', bylines: ['王玮丽', '沈雪梅'], credits: [], title: { text: '潮起长江口，抢抓机遇向未来', added: false }, paperName: '南通日报', date: '2024-01-24', page: null, url: 'https://example.org/ntrb/2024-01-24/chao-qi/' }, '2026-12-08')
 * // '王玮丽,沈雪梅.潮起长江口，抢抓机遇向未来[N/OL].南通日报,2024-01-24[2026-12-08].https://example.org/ntrb/2024-01-24/chao-qi/.'
 */
export function formatCitation(fields: CitationFields, accessed: string = ACCESS_DATE_PLACEHOLDER): string {
  const names = citedNames(fields);
  const authors = names.length > 0 ? `${names.join(',')}.` : '';
  const title = fields.title.added ? `${fields.title.text}${ADDED_TITLE_MARK}` : fields.title.text;
  const page = fields.page === null ? '' : `(${fields.page})`;
  return `${authors}${title}[N/OL].${fields.paperName},${fields.date}${page}[${accessed}].${fields.url}.`;
}

/**
 * A citation built with the placeholder, with a reader's date put in its place.
 * @example withAccessDate('…,2024-01-24(A2)[引用日期 YYYY-MM-DD].https://…', '2026-12-08') // '…,2024-01-24(A2)[2026-12-08].https://…'
 */
export const withAccessDate = (citation: string, accessed: string): string =>
  citation.replace(`[${ACCESS_DATE_PLACEHOLDER}]`, `[${accessed}]`);

/**
 * A day as YYYY-MM-DD in the reader's own time zone: the day they read the page.
 * @example localDate(new Date(2026, 11, 8)) // '2026-12-08'
 */
export const localDate = (now: Date): string =>
  `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
