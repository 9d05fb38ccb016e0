import type { MissingPages, UnheldJump, YearLedger } from './completeness.ts';
import type { ArchiveProblem } from './problems.ts';

/**
 * The completeness ledger (completeness.ts) as `npm run check:content`
 * prints it: notes, never problems, since a gap is what the archive has not
 * collected yet, not an error in what it holds.
 */

/** At most this many missing days are named per paper-year; the count says the rest. */
const DAYS_NAMED = 12;

/**
 * Consecutive days as ranges.
 * @example dayRanges(['2024-01-02', '2024-01-03', '2024-01-05']) // ['2024-01-02–2024-01-03', '2024-01-05']
 */
export function dayRanges(days: readonly string[]): string[] {
  const ranges: [string, string][] = [];
  for (const day of days) {
    const last = ranges.at(-1);
    const next = last ? new Date(Date.parse(`${last[1]}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : null;
    if (last && next === day) last[1] = day;
    else ranges.push([day, day]);
  }
  return ranges.map(([a, b]) => (a === b ? a : `${a}–${b}`));
}

/** One line of counts for a paper-year. */
function yearLine(y: YearLedger): string {
  const missing = y.missingDays.length;
  const named = dayRanges(y.missingDays);
  const days =
    missing === 0
      ? 'none missing'
      : `${missing} missing: ${named.slice(0, DAYS_NAMED).join(', ')}${named.length > DAYS_NAMED ? `, and ${named.length - DAYS_NAMED} range(s) more` : ''}`;
  const other =
    y.otherDays.length > 0 ? `; ${y.otherDays.length} held on days not of publication (${dayRanges(y.otherDays).join(', ')})` : '';
  return (
    `${y.paper} ${y.year}: ${y.editions} edition(s) held of ${y.publicationDays} day(s) of publication, ${days}${other}; ` +
    `${y.missingPages.length} edition(s) with pages missing inside; ${y.unheldJumps.length} jump(s) whose other end is not held`
  );
}

/** Years with nothing held, one line for each run of them. */
function emptyRunLine(run: YearLedger[]): string {
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return '';
  const span = first.year === last.year ? `${first.year}` : `${first.year}–${last.year}`;
  const days = run.reduce((n, y) => n + y.publicationDays, 0);
  return `${first.paper} ${span}: no edition held of ${days} day(s) of publication`;
}

/** Where an edition with missing pages is named: its first page's file. */
const missingPagesNote = (m: MissingPages, file: string, paper: string): ArchiveProblem => ({
  file,
  line: 1,
  message: `completeness: ${paper} ${m.date} holds ${m.held.join(', ')} but not ${m.labels.join(', ')}`,
});

const jumpNote = (j: UnheldJump, paper: string): ArchiveProblem => ({
  file: j.path,
  line: j.line,
  message: `completeness: ${j.direction === 'on' ? '下转' : '上接'}${j.label}版, but ${paper} ${j.date} holds no page ${j.label}`,
});

/**
 * The ledger as check:content prints it: a line of counts per paper-year
 * (runs of years with nothing held on one line), and a located note for
 * each edition with pages missing and each jump whose other end is not held.
 * @param firstFiles the first raw page of each edition, by `paper date`
 */
export function describeLedger(
  ledger: readonly YearLedger[],
  firstFiles: ReadonlyMap<string, string>,
): { lines: string[]; notes: ArchiveProblem[] } {
  const lines: string[] = [];
  let empty: YearLedger[] = [];
  const flush = (): void => {
    if (empty.length > 0) lines.push(emptyRunLine(empty));
    empty = [];
  };
  for (const y of ledger) {
    if (y.editions === 0 && empty[0]?.paper === y.paper) empty.push(y);
    else {
      flush();
      if (y.editions === 0) empty.push(y);
      else lines.push(yearLine(y));
    }
  }
  flush();
  const notes = ledger.flatMap((y) => [
    ...y.missingPages.map((m) => missingPagesNote(m, firstFiles.get(`${y.paper} ${m.date}`) ?? 'papers.yml', y.paper)),
    ...y.unheldJumps.map((j) => jumpNote(j, y.paper)),
  ]);
  return { lines, notes };
}
