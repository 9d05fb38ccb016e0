/**
 * The timeline of a search's hits: how many stories match, year by year (or
 * month by month when the whole answer is known and its first and last
 * month are at most a year apart). A count is exact where every candidate page of its span was read;
 * elsewhere it is an estimate from the pages Pagefind offered, at the rate
 * results came from the pages read, and says so. An estimate is never below
 * what was found, and never 约 0 while pages are left: with no result to
 * judge by, a span's count is 尚未查完.
 */
import type { SearchProgress } from './run-search.ts';
import { asDay } from './search-state.ts';

/** Most months drawn as bars of their own; a longer answer is drawn by year. */
const MAX_MONTH_BARS = 12;

/** One bar of the timeline. */
export interface TimelineBar {
  /** '2024' for a year, '2024-03' for a month. */
  span: string;
  /** Results found in the span (exact when `exact`). */
  found: number;
  /** The count to show: `found` when exact, else an estimate at least `found` (0 when unknown). */
  count: number;
  /** How the count is known: read in full, estimated, or not yet (pages left and nothing found to judge by). */
  kind: 'exact' | 'about' | 'unknown';
}

/** Years of the periods asked ('2024-1' → '2024'), with their candidates and what was read. */
function yearsOf(progress: SearchProgress): Map<string, { candidates: number; checkedPages: number; found: number }> {
  const years = new Map<string, { candidates: number; checkedPages: number; found: number }>();
  for (const span of progress.spans) {
    const year = span.period.slice(0, 4);
    const total = years.get(year) ?? { candidates: 0, checkedPages: 0, found: 0 };
    total.candidates += span.candidates;
    total.checkedPages += span.checkedPages;
    total.found += span.found;
    years.set(year, total);
  }
  return years;
}

/** Every month from the first to the last of `months` (YYYY-MM), so that a month without a hit shows as 0. */
function monthsBetween(months: string[]): string[] {
  const sorted = [...months].sort();
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (!first || !last) return [];
  const all: string[] = [];
  let [year = 0, month = 0] = first.split('-').map(Number);
  for (let next = first; next <= last; next = `${year}-${String(month).padStart(2, '0')}`) {
    all.push(next);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return all;
}

/**
 * The bars of a search's timeline, oldest first. Spans asked with no
 * candidate are bars of 0 (the reader learns the year was asked); periods
 * not asked yet have no bar.
 * @example timelineBars(progress) // [{ span: '2024', found: 3, count: 3, kind: 'exact' }, …]
 */
export function timelineBars(progress: SearchProgress): TimelineBar[] {
  if (progress.done) {
    const months = monthsBetween(progress.hits.map((hit) => hit.record.date.slice(0, 7)));
    // A year of months reads at a glance; beyond that, years do.
    const byMonth = months.length > 0 && months.length <= MAX_MONTH_BARS;
    const counts = new Map<string, number>();
    const key = (date: string): string => (byMonth ? date.slice(0, 7) : date.slice(0, 4));
    if (byMonth) for (const month of months) counts.set(month, 0);
    else for (const year of yearsOf(progress).keys()) counts.set(year, 0);
    for (const hit of progress.hits) counts.set(key(hit.record.date), (counts.get(key(hit.record.date)) ?? 0) + 1);
    return [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([span, found]) => ({ span, found, count: found, kind: 'exact' as const }));
  }
  const rate = progress.checkedPages > 0 ? progress.hits.length / progress.checkedPages : 0;
  return [...yearsOf(progress).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([span, year]) => {
      const left = year.candidates - year.checkedPages;
      if (left === 0) return { span, found: year.found, count: year.found, kind: 'exact' as const };
      const count = Math.round(year.found + left * rate);
      if (count === 0) return { span, found: 0, count: 0, kind: 'unknown' as const };
      return { span, found: year.found, count, kind: 'about' as const };
    });
}

/**
 * A bar's count as the reader reads it.
 * @example countLabel({ span: '2024', found: 3, count: 12, kind: 'about' }) // '约 12 篇'
 */
export function countLabel(bar: TimelineBar): string {
  if (bar.kind === 'about') return `约 ${bar.count} 篇`;
  if (bar.kind === 'unknown') return '尚未查完';
  return `${bar.count} 篇`;
}

/**
 * A bar's span as the reader reads it.
 * @example spanLabel('2024-03') // '2024年3月'
 */
export function spanLabel(span: string): string {
  const [year, month] = span.split('-');
  return month ? `${year}年${Number(month)}月` : `${year}年`;
}

/**
 * The days a bar narrows the search to, for the from and to of the address.
 * @example spanDays('2024-02') // { from: '2024-02-01', to: '2024-02-29' }
 */
export function spanDays(span: string): { from: string; to: string } {
  return { from: asDay(span, 'from'), to: asDay(span, 'to') };
}

/**
 * How many stories the whole answer holds, as far as known: exact when the
 * search is done, else the sum of the bars (estimated where not read, never
 * below what was found); null while nothing found gives a rate to estimate by.
 */
export function answerSize(progress: SearchProgress): { count: number; exact: boolean } | null {
  if (progress.done) return { count: progress.hits.length, exact: true };
  const count = timelineBars(progress).reduce((sum, bar) => sum + bar.count, 0);
  return count > 0 ? { count: Math.max(count, progress.hits.length), exact: false } : null;
}

/**
 * The size of a whole answer in words: exact, 约 an estimate, or 尚未查完.
 * @example answerLabel(progress) // '约 390 篇'
 */
export function answerLabel(progress: SearchProgress): string {
  const size = answerSize(progress);
  if (!size) return '尚未查完';
  return size.exact ? `${size.count} 篇` : `约 ${size.count} 篇`;
}
