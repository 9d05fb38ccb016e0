/**
 * The address of a printed page (版) under its edition, /<paper>/<date>/<版>/,
 * beside the edition's story links /<paper>/<date>/<slug>/. The two never
 * meet: a 版 is named by its label as printed (A2, 5, B12: capitals and
 * digits, see edition-meta.ts), or page-N when the page prints none, and a
 * story's slug that reads as either (a headline of just "A2" or "5") is
 * taken (permalinks.ts), compared without case, since some hosts' file
 * systems fold it.
 */

import type { ArchiveProblem } from './problems.ts';

/** Every segment a 版 may be addressed by, in any case: a page label (A2, 5, B12, 12A) or page-N. */
const PAGE_SEGMENT = /^(?:[a-z]{0,2}\d{1,3}[a-z]?|page-\d+)$/iu;

/**
 * The last segment of a 版's address: its label as printed, or page-N
 * (N its place in the edition, from 1) when the page prints none.
 * @example pageSegment('A2', 1) // 'A2'
 * @example pageSegment(null, 4) // 'page-5'
 */
export const pageSegment = (page: string | null, pageIndex: number): string => page ?? `page-${pageIndex + 1}`;

/**
 * Whether a link's last segment (a story's slug) could be the address of a
 * 版, in any case: such a slug is never given to a story.
 * @example readsAsPageSegment('a2') // true
 * @example readsAsPageSegment('a2-2') // false
 */
export const readsAsPageSegment = (segment: string): boolean => PAGE_SEGMENT.test(segment);

/**
 * A page label as a jump marker names it: an e-paper's A01 (or a01) is the
 * A1 of 上接A1版, so labels are compared in capitals, without the zeros
 * before their number.
 * @example comparableLabel('A01') // 'A1'
 * @example comparableLabel('a04') === comparableLabel('A4') // true
 */
export const comparableLabel = (label: string): string => label.replace(/^([A-Za-z]*)0+(?=\d)/u, '$1').toUpperCase();

/** Compares two strings by their code units, as sort() does by default. */
const inCodeOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A comparable page label's parts: letters before the number (A of A12), the number, and a letter after it (12A). */
const LABEL_PARTS = /^([A-Z]*)(\d+)([A-Z]*)$/u;

/**
 * Orders comparable page labels (comparableLabel) as an edition prints its
 * pages: by the letters before the number (a bare number before A, A before
 * B), then by the number, then by a letter after it; any other label after
 * these, in code order.
 * @example ['B1', 'A10', '2', 'A2'].sort(comparePageLabels) // ['2', 'A2', 'A10', 'B1']
 */
export function comparePageLabels(a: string, b: string): number {
  const [, aLetters = '', aNumber = '', aAfter = ''] = LABEL_PARTS.exec(a) ?? [];
  const [, bLetters = '', bNumber = '', bAfter = ''] = LABEL_PARTS.exec(b) ?? [];
  if (!aNumber || !bNumber) return Number(!aNumber) - Number(!bNumber) || inCodeOrder(a, b);
  return inCodeOrder(aLetters, bLetters) || Number(aNumber) - Number(bNumber) || inCodeOrder(aAfter, bAfter);
}

/** A printed page as the address check reads it, in print order. */
export interface AddressedPage {
  paper: string;
  date: string;
  page: string | null;
}

/**
 * The registry lines whose link takes the address of a 版 of the archive
 * (compared without case). A new link never does (permalinks.ts); a line
 * written by hand, or by code older than the 版 pages, may.
 * @example pageAddressClashes([{ paper: 'ntrb', date: '2024-01-24', page: 'A2' }], [{ url: '/ntrb/2024-01-24/a2/', at: 3 }], 'content/permalinks.tsv')[0]?.line // 3
 */
export function pageAddressClashes(
  pages: readonly AddressedPage[],
  links: readonly { url: string; at: number }[],
  registryPath: string,
): ArchiveProblem[] {
  const addresses = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const { paper, date, page } of pages) {
    const edition = `/${paper}/${date}/`;
    const index = counts.get(edition) ?? 0;
    counts.set(edition, index + 1);
    const address = `${edition}${pageSegment(page, index)}/`;
    addresses.set(address.toLowerCase(), address);
  }
  return links.flatMap(({ url, at }) => {
    const page = addresses.get(url.toLowerCase());
    return page === undefined
      ? []
      : [
          {
            file: registryPath,
            line: at,
            message: `${url} is the address of the printed page ${page} (each printed page has a page of its own there) and no story link may take it: if the link was never published, delete its line and the next build gives the story another`,
          },
        ];
  });
}
