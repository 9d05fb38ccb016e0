/**
 * A paper's editions as a calendar: month grids with weeks starting on
 * Monday, as GB/T 7408 (ISO 8601) and the calendars printed in Chinese
 * dailies set them, days with an edition linked, others greyed.
 */

/** One day cell of a month grid. */
export interface CalendarDay {
  /** Day of the month, 1–31. */
  day: number;
  /** YYYY-MM-DD. */
  date: string;
  /** Whether the paper has an edition of that day. */
  edition: boolean;
}

/** One month: weeks of seven cells, null before the 1st and after the last day. */
export interface CalendarMonth {
  /** Month, 1–12. */
  month: number;
  /** Editions held in the month. */
  editions: number;
  weeks: (CalendarDay | null)[][];
}

/** Weekday names, Monday first. */
export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Days in a month of the Gregorian calendar. @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The weekday of a date, Monday = 0.
 * @example weekdayIndex('2024-01-24') // 2 (a Wednesday)
 */
export function weekdayIndex(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day + 6) % 7;
}

/** The weekday as a reader says it. @example weekdayName('2024-01-24') // '星期三' */
export function weekdayName(date: string): string {
  return `星期${WEEKDAYS[weekdayIndex(date)] ?? ''}`;
}

/**
 * The twelve month grids of a year, given the dates that have an edition.
 * @example yearCalendar(2024, new Set(['2024-01-24']))[0].weeks[3][2] // { day: 24, date: '2024-01-24', edition: true }
 */
export function yearCalendar(year: number, editions: ReadonlySet<string>): CalendarMonth[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const cells: (CalendarDay | null)[] = Array.from({ length: weekdayIndex(`${year}-${pad(month)}-01`) }, () => null);
    let held = 0;
    for (let day = 1; day <= daysInMonth(year, month); day += 1) {
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const edition = editions.has(date);
      if (edition) held += 1;
      cells.push({ day, date, edition });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (CalendarDay | null)[][] = [];
    for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
    return { month, editions: held, weeks };
  });
}

/** A run of months of a year in which the archive holds no edition of the paper, with the nearest editions around it. */
export interface CalendarGap {
  /** First and last month of the run, 1–12. */
  from: number;
  to: number;
  /** The paper's last edition before the run and first after it (YYYY-MM-DD), or null. */
  before: string | null;
  after: string | null;
}

/** What a year's calendar draws, in order: the months it holds editions in, and a note for each run of months between. */
export type CalendarPart = { month: CalendarMonth } | { gap: CalendarGap };

/**
 * The months a year's calendar draws (those with an edition) and the runs of
 * empty months as gaps, so a year held for one month is one grid and a note,
 * not twelve grids; `before` and `after` are the paper's nearest editions
 * outside the year. Months before the paper's first edition held, or after
 * its last, are no gap: the archive begins or ends there.
 * @example drawnMonths(yearCalendar(2024, new Set(['2024-12-30'])), '2023-06-01', null) // [{ gap: { from: 1, to: 11, before: '2023-06-01', after: '2024-12-30' } }, { month: … }]
 */
export function drawnMonths(months: CalendarMonth[], before: string | null, after: string | null): CalendarPart[] {
  const held = months.filter((m) => m.editions > 0);
  const firstOf = (m: CalendarMonth): string | null => m.weeks.flat().find((d) => d?.edition)?.date ?? null;
  const lastOf = (m: CalendarMonth): string | null => m.weeks.flat().findLast((d) => d?.edition)?.date ?? null;
  const parts: CalendarPart[] = [];
  let next = 1;
  let last = before;
  for (const month of held) {
    if (month.month > next) parts.push({ gap: { from: next, to: month.month - 1, before: last, after: firstOf(month) } });
    parts.push({ month });
    next = month.month + 1;
    last = lastOf(month);
  }
  if (next <= 12 && after !== null) parts.push({ gap: { from: next, to: 12, before: last, after } });
  // Months before the paper's first edition held are no gap in the archive, only where it begins.
  const [first] = parts;
  return first && 'gap' in first && first.gap.before === null ? parts.slice(1) : parts;
}
