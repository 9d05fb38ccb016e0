import { comparableLabel } from './page-address.ts';
import type { ArticleData } from './item-schema.ts';

/**
 * The completeness ledger: for each paper and year, what the archive holds
 * against what the paper printed, as far as the archive can know it.
 *
 * - **Days of publication** run from the paper's `from` (or its first edition
 *   held) to its `to` (or its last edition held: a paper still appearing is
 *   not counted as missing days it has not been collected for yet), on the
 *   weekdays papers.yml gives it (every day by default). A day it did not
 *   appear for another reason (a holiday) counts as missing: papers.yml
 *   knows no such days.
 * - **Pages missing inside an edition**: a gap in the numbers of a section
 *   (A1, A2, A4: A3), counted from 1, or from the number after the last
 *   section's when a section goes on with its numbers (A1–A8, B9–B16). A
 *   missing last page cannot be seen; pages with no known label are left out.
 * - **Jumps whose other end is not held**: a 下转 or 上接 naming a page the
 *   edition does not hold. An edition holding a page of unknown label may
 *   hold it, so its jumps are not counted.
 */

/** A paper as the ledger reads it (papers.yml). */
export interface LedgerPaper {
  id: string;
  from?: string | undefined;
  to?: string | undefined;
  /** Days of the week it appears, 1 (Monday) to 7 (Sunday). */
  weekdays: readonly number[];
}

/** What the ledger reads of an item: its link, title, first line and jump markers. */
export interface LedgerItem {
  url: string;
  /** The title shown. */
  title: string;
  /** Its first line on the raw page. */
  line: number;
  /** The page label of its 上接 marker. */
  continuedFrom: string | null;
  /** The page label of its 下转 marker. */
  continuesOn: string | null;
}

/** A printed page the archive holds. */
export interface LedgerPage {
  paper: string;
  date: string;
  /** 版次 as printed, or null when unknown. */
  page: string | null;
  /** The raw page's path. */
  path: string;
  items: readonly LedgerItem[];
}

/** The pages an edition lacks between those it holds. */
export interface MissingPages {
  date: string;
  /** The labels it holds, in order. */
  held: string[];
  /** The labels missing among them. */
  labels: string[];
}

/** A jump whose other end the archive does not hold. */
export interface UnheldJump extends LedgerItem {
  date: string;
  /** The page it is printed on. */
  page: string | null;
  path: string;
  /** 'on': its 下转 names a page not held; 'from': its 上接 does. */
  direction: 'on' | 'from';
  /** The label it names. */
  label: string;
}

/** One paper's year in the ledger. */
export interface YearLedger {
  paper: string;
  year: number;
  /** The first and last day of the paper's span in the year (its from or first edition held, its to or last edition held). */
  span: [string, string];
  /** The days of the week it appears, 1 (Monday) to 7 (Sunday). */
  weekdays: number[];
  /** Days of publication in the year within the paper's span. */
  publicationDays: number;
  /** Editions held in the year. */
  editions: number;
  /** Days of publication with no edition held, in order. */
  missingDays: string[];
  /** Editions held on a day that is not one of publication (another weekday, outside from/to), in order. */
  otherDays: string[];
  /** Editions with pages missing between those held, by date. */
  missingPages: MissingPages[];
  /** Jumps whose other end is not held, in print order. */
  unheldJumps: UnheldJump[];
}

const addDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** ISO weekday of a date, 1 (Monday) to 7 (Sunday). @example isoWeekday('2024-01-24') // 3 */
export const isoWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** A page label read as section and number: A02 is A 2; null when it has no number to count. */
function labelParts(label: string): { section: string; n: number } | null {
  const m = /^([A-Za-z]{0,2})(\d{1,3})[A-Za-z]?$/u.exec(label);
  return m ? { section: (m[1] ?? '').toUpperCase(), n: Number(m[2]) } : null;
}

/**
 * The labels an edition lacks between those it holds.
 * @example missingLabels(['A1', 'A2', 'A4', 'B9', 'B11']) // ['A3', 'B10']
 * @example missingLabels(['A2', 'B1']) // ['A1']
 */
export function missingLabels(labels: readonly (string | null)[]): string[] {
  const sections = new Map<string, Set<number>>();
  for (const label of labels) {
    const parts = label === null ? null : labelParts(label);
    if (!parts) continue;
    sections.set(parts.section, (sections.get(parts.section) ?? new Set()).add(parts.n));
  }
  const missing: string[] = [];
  let before = 0;
  for (const [section, numbers] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    const held = [...numbers].sort((a, b) => a - b);
    const low = held[0] ?? 1;
    const high = held.at(-1) ?? 0;
    // A section that goes on with the numbers of the one before (B9 after A8) starts after it.
    for (let n = low > before ? before + 1 : 1; n < high; n += 1) if (!numbers.has(n)) missing.push(`${section}${n}`);
    before = Math.max(before, high);
  }
  return missing;
}

/** The jumps of one edition whose other end it does not hold. */
function unheldJumps(pages: readonly LedgerPage[]): UnheldJump[] {
  if (pages.some((p) => p.page === null)) return [];
  const held = new Set(pages.map((p) => comparableLabel(p.page ?? '')));
  return pages.flatMap((p) =>
    p.items.flatMap((item) =>
      (
        [
          ['on', item.continuesOn],
          ['from', item.continuedFrom],
        ] as const
      ).flatMap(([direction, label]) =>
        label === null || held.has(comparableLabel(label)) ? [] : [{ ...item, date: p.date, page: p.page, path: p.path, direction, label }],
      ),
    ),
  );
}

/**
 * The ledger of every paper and year of its span (see the top of this file),
 * papers in the order given, years in order. A paper with no edition held
 * and no from and to has none.
 * @example completenessLedger([{ id: 'ntrb', weekdays: [1, 2, 3, 4, 5, 6, 7] }], pages)[0] // { paper: 'ntrb', year: 2024, publicationDays: 1, editions: 1, … }
 */
export function completenessLedger(papers: readonly LedgerPaper[], pages: readonly LedgerPage[]): YearLedger[] {
  return papers.flatMap((paper) => {
    const editions = new Map<string, LedgerPage[]>();
    for (const page of pages) if (page.paper === paper.id) editions.set(page.date, [...(editions.get(page.date) ?? []), page]);
    const dates = [...editions.keys()].sort();
    const first = paper.from ?? dates[0];
    const last = paper.to ?? dates.at(-1);
    if (first === undefined || last === undefined) return [];
    const weekdays = new Set(paper.weekdays);
    const years = new Map<number, YearLedger>();
    const yearOf = (date: string): YearLedger => {
      const year = Number(date.slice(0, 4));
      let ledger = years.get(year);
      if (!ledger) {
        ledger = {
          paper: paper.id,
          year,
          // The span's part in this year; empty (start after end) for a year outside it, held only on days outside it.
          span: [first > `${year}-01-01` ? first : `${year}-01-01`, last < `${year}-12-31` ? last : `${year}-12-31`],
          weekdays: [...weekdays].sort(),
          publicationDays: 0,
          editions: 0,
          missingDays: [],
          otherDays: [],
          missingPages: [],
          unheldJumps: [],
        };
        years.set(year, ledger);
      }
      return ledger;
    };
    const publication = new Set<string>();
    for (let day = first; day <= last; day = addDay(day)) {
      const ledger = yearOf(day);
      if (!weekdays.has(isoWeekday(day))) continue;
      publication.add(day);
      ledger.publicationDays += 1;
      if (!editions.has(day)) ledger.missingDays.push(day);
    }
    for (const date of dates) {
      const ledger = yearOf(date);
      const own = editions.get(date) ?? [];
      ledger.editions += 1;
      if (!publication.has(date)) ledger.otherDays.push(date);
      const held = own.flatMap((p) => (p.page === null ? [] : [p.page]));
      const labels = missingLabels(held);
      if (labels.length > 0) ledger.missingPages.push({ date, held, labels });
      ledger.unheldJumps.push(...unheldJumps(own));
    }
    return [...years.values()].sort((a, b) => a.year - b.year);
  });
}

/** What the ledger reads of an item of the archive (a record, or the collection's data). */
export type LedgerSource = Pick<ArticleData, 'paper' | 'date' | 'page' | 'url' | 'title' | 'continuedFrom' | 'continuesOn'> & {
  source: Pick<ArticleData['source'], 'path' | 'lines'>;
};

/**
 * The pages the archive holds, from its items (any order): the one reading
 * of the archive the build's year pages and check:content share.
 */
export function ledgerPages(items: Iterable<LedgerSource>): LedgerPage[] {
  const pages = new Map<string, LedgerPage & { items: LedgerItem[] }>();
  for (const { paper, date, page, url, title, continuedFrom, continuesOn, source } of items) {
    let held = pages.get(source.path);
    if (!held) pages.set(source.path, (held = { paper, date, page, path: source.path, items: [] }));
    held.items.push({ url, title: title.text, line: source.lines[0], continuedFrom, continuesOn });
  }
  return [...pages.values()];
}
