import { getEditionOutline } from './edition-outline.ts';
import { getEditions } from './editions.ts';

/**
 * 历史上的今天: the editions of one month and day across years and papers.
 * Each edition page lists those of its day in other years; the home page
 * those of the newest date the archive holds (a build never reads the
 * clock, so the same input gives the same page), and its script asks
 * /api/this-day/<MM-DD>.json for the reader's own today.
 */

/** An edition as the lists name it. */
export interface DayEdition {
  paper: string;
  paperName: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** The month and day of a date. @example monthDay('2024-01-24') // '01-24' */
export const monthDay = (date: string): string => date.slice(5, 10);

/** A month and day as a reader says it. @example monthDayName('01-24') // '1月24日' */
export const monthDayName = (day: string): string => `${Number(day.slice(0, 2))}月${Number(day.slice(3, 5))}日`;

let byDay: Promise<Map<string, DayEdition[]>> | undefined;

/** Every month and day the archive holds an edition of, each with its editions, newest year first, then by paper. */
export function getEditionsByDay(): Promise<Map<string, DayEdition[]>> {
  byDay ??= getEditionOutline().then((all) => {
    const map = new Map<string, DayEdition[]>();
    const sorted = [...all].sort((a, b) => b.date.localeCompare(a.date) || a.paper.localeCompare(b.paper));
    for (const { paper, paperName, date } of sorted) {
      const day = monthDay(date);
      const list = map.get(day) ?? [];
      list.push({ paper, paperName, date });
      map.set(day, list);
    }
    return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
  });
  return byDay;
}

/**
 * The editions of the same month and day as `date` in other years, across all papers.
 * @example await sameDayOtherYears('2025-01-01') // [{ paper: 'ntrb', paperName: '南通日报', date: '2024-01-01' }, …]
 */
export async function sameDayOtherYears(date: string): Promise<DayEdition[]> {
  const year = date.slice(0, 4);
  return ((await getEditionsByDay()).get(monthDay(date)) ?? []).filter((e) => e.date.slice(0, 4) !== year);
}

/** The newest date the archive holds an edition of, or null for an empty archive. */
export async function newestDate(): Promise<string | null> {
  return (await getEditions()).reduce<string | null>((newest, e) => (newest === null || e.date > newest ? e.date : newest), null);
}
