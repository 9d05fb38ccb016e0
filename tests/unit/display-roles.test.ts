import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { matchingForm } from '../../src/archive/conventions/width.ts';
import { decideDisplayRoles, type DisplayRole } from '../../src/archive/display-roles.ts';
import type { TwoLineHead } from '../../src/archive/paper-style.ts';
import { parsePage } from '../../src/archive/parse-page.ts';

/**
 * Which display line is the 主题: every reading is weighed by named signals.
 * Each case is a real heading group, from the seed pages or the corpus of
 * real pages, whose roles the paper's own e-paper gives (or, for the seeds
 * of 江海晚报, the conventions the tests below name).
 */

const linesOf = (path: string, ...numbers: number[]) => {
  const all = readFileSync(path, 'utf8').split('\n');
  return numbers.map((line) => {
    const text = (all[line - 1] ?? '').trim();
    return { text, norm: matchingForm(text), line };
  });
};
const corpus = (page: string, ...numbers: number[]) => linesOf(`tests/fixtures/real-pages/pages/${page}`, ...numbers);
const NTRB = 'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt';
const JHWB = 'content/pages/jhwb/2025-02-06/000_29ee23daad04a246.txt';
const roles = (lines: ReturnType<typeof linesOf>, jump = false): DisplayRole[] =>
  decideDisplayRoles(lines, { jump, fixed: new Map() }).best.roles;

describe('decideDisplayRoles', () => {
  test('a short line of parallel phrases over a factual line: 引题 over 主题 (南通日报 e-paper, content_162153 and content_179480)', () => {
    expect(roles(linesOf(NTRB, 57, 59))).toEqual(['kicker', 'headline']);
    expect(roles(corpus('ntrb/2024-07-24/ntrb-20240724-a02.txt', 1, 3))).toEqual(['kicker', 'headline']);
  });

  test('a long line of parallel phrases is the 主题, whether the factual line stands over or under it', () => {
    expect(roles(linesOf(JHWB, 3, 5))).toEqual(['kicker', 'headline']);
    expect(roles(linesOf(JHWB, 31, 33))).toEqual(['headline', 'subtitle']);
  });

  test('two unspaced factual lines: 主题 over 副题 (南通日报 e-paper, 2023-01-18)', () => {
    expect(roles(corpus('ntrb/2023-01-18/ntrb-20230118-a05.txt', 1, 3))).toEqual(['headline', 'subtitle']);
  });

  test('a line opening with a theme verb over a factual line: 引题 over 主题 (南通日报 e-paper, 2022-11-30)', () => {
    expect(roles(corpus('ntrb/2022-11-30/ntrb-20221130-a02.txt', 1, 3))).toEqual(['kicker', 'headline']);
  });

  test('a line setting the scene (…上，…内) over a short line: 引题 over 主题 (海峡都市报 e-paper)', () => {
    expect(roles(corpus('hxdsb/2012-05-16/hxdsb-20120516-a10.txt', 1, 3))).toEqual(['kicker', 'headline']);
  });

  test('a long line telling the news over a short catchy line: 引题 over 主题 (浙江日报 e-paper, 2022-10-07)', () => {
    expect(roles(corpus('zhjrb/2022-10-07/zhjrb-20221007-00001.txt', 1, 3))).toEqual(['kicker', 'headline']);
  });

  test('a line too short to stand alone ends a 主题 broken over two lines (江海晚报 2025-01-17)', () => {
    expect(roles(corpus('jhwb/2025-01-17/jhwb-20250117-a04.txt', 1, 3))).toEqual(['headline', 'headline']);
  });

  test('a continuation (上接) repeats only the 主题, broken over two lines', () => {
    expect(roles(linesOf(NTRB, 75, 77), true)).toEqual(['headline', 'headline']);
  });

  test('a lead-in —— makes the 引题, an opening —— the 副题', () => {
    expect(roles(linesOf(NTRB, 3, 5))).toEqual(['kicker', 'headline']);
    expect(roles(corpus('rmrb/1990-03-29/rmrb-19900329-8.txt', 1, 3))).toEqual(['headline', 'subtitle']);
  });

  test('a correction fixes a line’s role and the rest is weighed around it', () => {
    const lines = linesOf(NTRB, 57, 59);
    expect(decideDisplayRoles(lines, { jump: false, fixed: new Map([[57, 'headline']]) }).best.roles).toEqual(['headline', 'subtitle']);
  });

  test('keeps the reasons of the reading chosen, and the runner-up when it came close', () => {
    const decision = decideDisplayRoles(corpus('ntrb/2023-01-18/ntrb-20230118-a05.txt', 1, 3), { jump: false, fixed: new Map() });
    expect(decision.next?.roles).toEqual(['kicker', 'headline']);
    expect(decision.best.score - (decision.next?.score ?? 0) < 1).toBe(true);
  });
});

describe('notes on a heading group the parser was unsure of', () => {
  test('say what was read, why, and the correction for the other reading', () => {
    const text = readFileSync('tests/fixtures/real-pages/pages/ntrb/2023-01-18/ntrb-20230118-a05.txt', 'utf8');
    expect(parsePage(text).items[0]?.notes).toEqual([
      {
        line: 1,
        message: 'read as 主题 line 1, 副题 line 3 (the usual order of display lines); it could also be 引题 line 1, 主题 line 3',
        fix: { line: 1, text: '余东镇为新就业群体提供暖心服务', role: 'kicker' },
      },
    ]);
  });

  test('are not made where the evidence is clear (a lead-in ——)', () => {
    expect(parsePage(readFileSync(NTRB, 'utf8')).items[0]?.notes).toEqual([]);
  });
});

describe('a paper’s house style (papers.yml)', () => {
  // 浙江日报 2006-04-06: the e-paper gives 日本歪曲韩对日政策 as the 引题 over 韩国外长表示愤慨.
  const lines = corpus('zhjrb/2006-04-06/zhjrb-20060406-00004.txt', 9, 11);
  const styled = (twoLineHead: TwoLineHead) => decideDisplayRoles(lines, { jump: false, fixed: new Map(), style: { twoLineHead } });

  test('tips a two-line head the text leaves open to the paper’s shape, and says so', () => {
    expect(roles(lines)).toEqual(['headline', 'headline']);
    expect(styled('kicker-headline').best.roles).toEqual(['kicker', 'headline']);
    expect(styled('kicker-headline').best.reasons).toContain("the paper's house style sets a two-line head as 引题 + 主题 (papers.yml)");
    expect(styled('headline-subtitle').best.roles).toEqual(['headline', 'subtitle']);
  });

  test('does not outweigh a plain mark: a line opening with —— stays the 副题', () => {
    const dashed = corpus('ntrb/2023-12-28/ntrb-20231228-a03.txt', 1, 3);
    expect(decideDisplayRoles(dashed, { jump: false, fixed: new Map(), style: { twoLineHead: 'kicker-headline' } }).best.roles).toEqual([
      'headline',
      'subtitle',
    ]);
  });
});
