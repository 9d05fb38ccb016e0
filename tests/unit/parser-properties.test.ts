import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePage } from '../../src/archive/parse-page.ts';
import { rawPage } from '../support/page-arbitraries.ts';
import { fidelityProblems, pageProblems, structureProblems, viewProblems } from '../support/page-accounting.ts';

/** Runs per property: enough to reach the rarer line shapes, about two seconds in all (PARSER_PROPERTY_RUNS for a longer hunt). */
const RUNS = Number(process.env['PARSER_PROPERTY_RUNS'] ?? 1000);

describe('parsePage over generated pages', () => {
  test('never throws', () => {
    fc.assert(
      fc.property(rawPage, (text) => {
        parsePage(text);
      }),
      { numRuns: RUNS },
    );
  });

  test('accounts for every printed character exactly once, in order', () => {
    fc.assert(
      fc.property(rawPage, (text) => {
        expect(fidelityProblems(text, parsePage(text))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('keeps items inside the page, in order and apart, and pieces inside their item', () => {
    fc.assert(
      fc.property(rawPage, (text) => {
        expect(structureProblems(text, parsePage(text))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('derives every field of an item from its pieces', () => {
    fc.assert(
      fc.property(rawPage, (text) => {
        expect(parsePage(text).items.flatMap(viewProblems)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('parses CRLF line ends exactly like LF', () => {
    fc.assert(
      fc.property(rawPage, (text) => {
        const lf = text.replaceAll('\r\n', '\n');
        expect(parsePage(lf.replaceAll('\n', '\r\n'))).toEqual(parsePage(lf));
      }),
      { numRuns: RUNS },
    );
  });
});

/** Shrunk counterexamples the properties found, kept as exact examples. */
describe('parsePage on shapes the properties found', () => {
  const rolesOf = (text: string): [string, string, [number, number]][][] =>
    parsePage(text).items.map((item) => item.pieces.map((p): [string, string, [number, number]] => [p.role, p.text, p.lines]));

  test('a credit under a story with a dateline and one paragraph is the story’s photo credit', () => {
    const text = '标题\n\n本报讯（记者彭军君）南通粮油接运码头正在卸运进口玉米。\n记者 许丛军摄';
    expect(pageProblems(text, parsePage(text))).toEqual([]);
    expect(parsePage(text).items.map((i) => i.kind)).toEqual(['story']);
    expect(rolesOf(text)).toEqual([
      [
        ['headline', '标题', [1, 1]],
        ['dateline', '本报讯（记者彭军君）', [3, 3]],
        ['paragraph', '南通粮油接运码头正在卸运进口玉米。', [3, 3]],
        ['credit', '记者 许丛军摄', [4, 4]],
      ],
    ]);
  });

  test('a credit under a one-paragraph jump keeps the 上接 marker with its paragraph', () => {
    const text = '（上接A1版）南通粮油接运码头正在卸运进口玉米。\n记者 许丛军摄';
    expect(pageProblems(text, parsePage(text))).toEqual([]);
    expect(rolesOf(text)).toEqual([
      [
        ['jumpFrom', '（上接A1版）', [1, 1]],
        ['paragraph', '南通粮油接运码头正在卸运进口玉米。', [1, 1]],
        ['credit', '记者 许丛军摄', [2, 2]],
      ],
    ]);
  });

  test.each([
    [
      'a credit under a paragraph that shares its line with the story’s 电头 does not split that line from the story',
      '，\n\n\n本报讯（记者一一）一。\n记者 一一摄',
    ],
    [
      'a caption taken from a story for its photo takes its notes along',
      '新华社南京1月20日电 a0。\n\n\n1949\n0一一一aa一，一一，，一一一一a ，，。\n记者 一一摄',
    ],
    ['a line ending in a colon above a column label is not lost from the group', '一：\n——一一一一\n1949'],
    [
      'display lines of one role around two column labels stay in print order',
      '一一\n一一\n1949\n一一\n一一\n1949\n，一\n一一\n一一\n（上接A1版）',
    ],
    ['column labels on either side of the names under a headline stay in print order', '记者 一一\n一一\n1949\n武一\n记者 一一\n1949\n，'],
  ])('%s', (_name, text) => {
    expect(pageProblems(text, parsePage(text))).toEqual([]);
  });

  test('a column label between two display lines splits them into kicker and headline', () => {
    const text = '省政府工作报告明确\n直通省两会\n2024\n潮起长江口\n\n昨天开幕的江苏省十四届人大二次会议上。';
    expect(pageProblems(text, parsePage(text))).toEqual([]);
    expect(rolesOf(text)).toEqual([
      [
        ['kicker', '省政府工作报告明确', [1, 1]],
        ['column', '直通省两会 2024', [2, 3]],
        ['headline', '潮起长江口', [4, 4]],
        ['paragraph', '昨天开幕的江苏省十四届人大二次会议上。', [6, 6]],
      ],
    ]);
  });
});
