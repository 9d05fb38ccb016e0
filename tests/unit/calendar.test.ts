import { describe, expect, test } from 'vitest';
import { daysInMonth, drawnMonths, weekdayIndex, weekdayName, yearCalendar } from '../../src/data/calendar.ts';

describe('the calendar of a paper', () => {
  test('names the weekday of the seed editions as their pages do', () => {
    // 南通日报 2024年1月24日 was a Wednesday; 江海晚报 2025年2月6日 a Thursday.
    expect(weekdayName('2024-01-24')).toBe('星期三');
    expect(weekdayName('2025-02-06')).toBe('星期四');
    expect(weekdayIndex('2024-01-01')).toBe(0);
    expect(weekdayName('2023-12-31')).toBe('星期日');
  });

  test('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  test('lays a month out in weeks from Monday, with the days held marked', () => {
    const months = yearCalendar(2024, new Set(['2024-01-24', '2024-02-29']));
    expect(months).toHaveLength(12);
    const january = months[0];
    expect(january?.editions).toBe(1);
    // 1 January 2024 was a Monday: the first week starts with it.
    expect(january?.weeks[0]?.[0]).toEqual({ day: 1, date: '2024-01-01', edition: false });
    expect(january?.weeks[3]?.[2]).toEqual({ day: 24, date: '2024-01-24', edition: true });
    const february = months[1];
    // 1 February 2024 was a Thursday: three empty cells before it.
    expect(february?.weeks[0]?.slice(0, 4)).toEqual([null, null, null, { day: 1, date: '2024-02-01', edition: false }]);
    expect(february?.weeks.flat().filter((d) => d !== null)).toHaveLength(29);
    expect(february?.weeks.flat().find((d) => d?.edition)?.date).toBe('2024-02-29');
    for (const month of months) for (const week of month.weeks) expect(week).toHaveLength(7);
  });
});

describe('the months a year page draws', () => {
  const drawn = (dates: string[], before: string | null, after: string | null) =>
    drawnMonths(yearCalendar(2024, new Set(dates)), before, after).map((part) => ('gap' in part ? part.gap : part.month.month));

  test('a year held for one month is one grid, not twelve', () => {
    expect(drawn(['2024-12-30', '2024-12-31'], null, null)).toEqual([12]);
  });

  test('a run of months between held ones is one gap naming the nearest editions around it', () => {
    expect(drawn(['2024-02-28', '2024-06-02', '2024-06-03'], null, null)).toEqual([
      2,
      { from: 3, to: 5, before: '2024-02-28', after: '2024-06-02' },
      6,
    ]);
  });

  test('months before and after are a gap only when the paper has editions in other years on that side', () => {
    expect(drawn(['2024-05-01'], '2023-12-31', '2025-01-02')).toEqual([
      { from: 1, to: 4, before: '2023-12-31', after: '2024-05-01' },
      5,
      { from: 6, to: 12, before: '2024-05-01', after: '2025-01-02' },
    ]);
  });
});
