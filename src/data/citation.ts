/** The fields a newspaper citation needs, as they are in an item's data. */
export interface CitationFields {
  /** Writers' names. */
  bylines: string[];
  /** Title shown. */
  title: string;
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
 * A GB/T 7714—2025 reference to a newspaper article read online:
 * `主要责任者.题名[N/OL].报纸名,出版日期(版次).URL.` With no writers it
 * starts with the title; with an unknown page the (版次) is left out.
 * @example formatCitation({ bylines: ['王玮丽', '沈雪梅'], title: '潮起长江口，抢抓机遇向未来', paperName: '南通日报', date: '2024-01-24', page: null, url: 'https://example.org/ntrb/2024-01-24/chao-qi/' })
 * // '王玮丽,沈雪梅.潮起长江口，抢抓机遇向未来[N/OL].南通日报,2024-01-24.https://example.org/ntrb/2024-01-24/chao-qi/.'
 */
export function formatCitation(fields: CitationFields): string {
  const authors = fields.bylines.length > 0 ? `${fields.bylines.join(',')}.` : '';
  const page = fields.page === null ? '' : `(${fields.page})`;
  return `${authors}${fields.title}[N/OL].${fields.paperName},${fields.date}${page}.${fields.url}.`;
}
