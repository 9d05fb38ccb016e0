import { describe, expect, test } from 'vitest';
import { completenessLedger, missingLabels, type LedgerItem, type LedgerPage } from '../../src/archive/completeness.ts';
import { comparableLabel } from '../../src/archive/page-address.ts';
import { dayRanges, describeLedger } from '../../src/archive/completeness-notes.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const item = (url: string, jumps: Partial<Pick<LedgerItem, 'continuedFrom' | 'continuesOn'>> = {}): LedgerItem => ({
  url,
  title: url,
  line: 3,
  continuedFrom: null,
  continuesOn: null,
  ...jumps,
});
const page = (date: string, label: string | null, items: LedgerItem[] = [item(`/p/${date}/${label}/`)]): LedgerPage => ({
  paper: 'p',
  date,
  page: label,
  path: `content/pages/p/${date}/${label}.txt`,
  items,
});

describe('missingLabels', () => {
  test('finds a gap inside a section, counted from 1', () => {
    expect(missingLabels(['A1', 'A2', 'A4', 'A5'])).toEqual(['A3']);
    expect(missingLabels(['A2'])).toEqual(['A1']);
    expect(missingLabels(['1', '2', '5'])).toEqual(['3', '4']);
  });

  test('reads a section that goes on with the numbers of the one before, and one that starts again', () => {
    expect(missingLabels(['A1', 'A2', 'B4', 'B5'])).toEqual(['B3']);
    expect(missingLabels(['A1', 'A2', 'B2'])).toEqual(['B1']);
  });

  test('leaves out pages with no known label, and reads A02 as A2', () => {
    expect(missingLabels(['A01', null, 'A03'])).toEqual(['A2']);
    expect(comparableLabel('a04')).toBe(comparableLabel('A4'));
  });
});

describe('completenessLedger', () => {
  test('counts the editions held against the days of publication, from the first edition held to the last', () => {
    const pages = ['2024-12-30', '2024-12-31', '2025-01-03'].map((date) => page(date, 'A1'));
    const ledger = completenessLedger([{ id: 'p', weekdays: EVERY_DAY }], pages);
    expect(
      ledger.map(({ year, span, publicationDays, editions, missingDays }) => ({ year, span, publicationDays, editions, missingDays })),
    ).toEqual([
      { year: 2024, span: ['2024-12-30', '2024-12-31'], publicationDays: 2, editions: 2, missingDays: [] },
      { year: 2025, span: ['2025-01-01', '2025-01-03'], publicationDays: 3, editions: 1, missingDays: ['2025-01-01', '2025-01-02'] },
    ]);
  });

  test('from and to in papers.yml and the weekdays the paper appears set the days of publication', () => {
    // 2025-01-06 is a Monday; the paper appears Monday to Friday from the 6th to the 12th.
    const pages = [page('2025-01-07', 'A1'), page('2025-01-11', 'A1')];
    const [year] = completenessLedger([{ id: 'p', from: '2025-01-06', to: '2025-01-12', weekdays: [1, 2, 3, 4, 5] }], pages);
    expect(year?.publicationDays).toBe(5);
    expect(year?.missingDays).toEqual(['2025-01-06', '2025-01-08', '2025-01-09', '2025-01-10']);
    expect(year?.otherDays).toEqual(['2025-01-11']);
  });

  test('names the pages missing inside an edition and the jumps whose other end is not held', () => {
    const pages = [
      page('2025-01-06', 'A1', [item('/a/', { continuesOn: 'A3' }), item('/b/', { continuesOn: 'A2' })]),
      page('2025-01-06', 'A2', [item('/c/', { continuedFrom: 'A1' })]),
      page('2025-01-06', 'A4', [item('/d/', { continuedFrom: 'A3' })]),
    ];
    const [year] = completenessLedger([{ id: 'p', weekdays: EVERY_DAY }], pages);
    expect(year?.missingPages).toEqual([{ date: '2025-01-06', held: ['A1', 'A2', 'A4'], labels: ['A3'] }]);
    expect(year?.unheldJumps.map((j) => [j.url, j.direction, j.label])).toEqual([
      ['/a/', 'on', 'A3'],
      ['/d/', 'from', 'A3'],
    ]);
  });

  test('does not count a jump of an edition holding a page of unknown label, which may be the page it names', () => {
    const pages = [page('2025-01-06', 'A1', [item('/a/', { continuesOn: 'A3' })]), page('2025-01-06', null)];
    expect(completenessLedger([{ id: 'p', weekdays: EVERY_DAY }], pages)[0]?.unheldJumps).toEqual([]);
  });
});

describe('describeLedger', () => {
  test('gives a line of counts per year, runs of empty years as one, and a located note per gap', () => {
    const pages = [page('2025-01-02', 'A2', [item('/x/', { continuedFrom: 'A1' })])];
    const ledger = completenessLedger([{ id: 'p', from: '2022-12-31', weekdays: EVERY_DAY }], pages);
    const { lines, notes } = describeLedger(ledger, new Map([['p 2025-01-02', 'content/pages/p/2025-01-02/A2.txt']]));
    expect(lines).toEqual([
      'p 2022–2024: no edition held of 732 day(s) of publication',
      'p 2025: 1 edition(s) held of 2 day(s) of publication, 1 missing: 2025-01-01; 1 edition(s) with pages missing inside; 1 jump(s) whose other end is not held',
    ]);
    expect(notes).toEqual([
      { file: 'content/pages/p/2025-01-02/A2.txt', line: 1, message: 'completeness: p 2025-01-02 holds A2 but not A1' },
      { file: 'content/pages/p/2025-01-02/A2.txt', line: 3, message: 'completeness: 上接A1版, but p 2025-01-02 holds no page A1' },
    ]);
  });

  test('writes consecutive days as ranges', () => {
    expect(dayRanges(['2024-02-28', '2024-02-29', '2024-03-01', '2024-03-03'])).toEqual(['2024-02-28–2024-03-01', '2024-03-03']);
  });
});
