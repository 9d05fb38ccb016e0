/** Each paper's dates by year and month: its index, its year switcher, its calendar pages. */
import { getEditionOutline } from './edition-outline.ts';
import { getEditions, storyCount } from './editions.ts';
import { getPapers, type PaperEntry } from './papers.ts';

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
  // The switcher names every year of the paper, also those a slice's build holds no stories of.
  const outline = await getEditionOutline();
  return (await getPaperIndexes()).flatMap(({ paper, years }) => {
    const switcher = yearEditionCounts(groupDates(outline.filter((e) => e.paper === paper.id).map((e) => e.date)));
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
