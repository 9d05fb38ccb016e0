import { describe, expect, test } from 'vitest';
import { astroPhases, parseDuration } from '../../src/bench/astro-log.ts';

describe('astroPhases', () => {
  test('reads durations as Astro prints them', () => {
    expect(parseDuration('15.75s')).toBe(15.75);
    expect(parseDuration('3m 23s')).toBe(203);
    expect(parseDuration('812ms')).toBe(0.812);
    expect(parseDuration('soon')).toBeNull();
  });
  test('splits a build log into sync, bundling and rendering', () => {
    const log = [
      '01:14:51 [types] Generated 5m 25s',
      '01:14:51 [build] ✓ Completed in 5m 25s.',
      '01:15:25 [vite] ✓ built in 33.96s',
      '01:15:29 [vite] ✓ built in 78ms',
      ' generating static routes ',
      '01:18:52   ├─ /a/index.html (+8ms)',
      '01:18:52 ✓ Completed in 3m 23s.',
      '01:18:52 [build] ✓ Completed in 4m 0s.',
      '01:18:52 [build] 121227 page(s) built in 9m 26s',
    ].join('\n');
    expect(astroPhases(log)).toEqual({ sync: 325, bundle: 34.038, render: 203, pages: 121227 });
    expect(astroPhases('nothing here')).toEqual({ sync: null, bundle: null, render: null, pages: null });
  });
});
