import { describe, expect, test } from 'vitest';
import { sourcesWithout, splitSourceRuns, withdrawnLinesOut } from '../../src/data/source-pages.ts';

/**
 * A story withdrawn while its page stays (docs/archivists.md, "Permanent links"): the
 * raw page the site publishes keeps every line's number but not the
 * withdrawn lines' text, in its view and in its text file. Real lines of the
 * seed page 南通日报 2024-01-24 A2.
 */

const PAGE = '议政建言谋未来\r\n\r\n分享工作经历 畅谈感受体会\r\n市总工会举行劳模迎新活动\r\n\r\n以实际行动为全面推进\r\n';
const WITHDRAWN = [{ lines: [3, 4] as const, url: '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/' }];
const item = (first: number, last: number) => ({ data: { source: { lines: [first, last] as const } } });

describe('withdrawnLinesOut', () => {
  test('empties the withdrawn lines and keeps every line end, so every other line keeps its number', () => {
    expect(withdrawnLinesOut(Buffer.from(PAGE), WITHDRAWN).toString('utf8')).toBe(
      '议政建言谋未来\r\n\r\n\r\n\r\n\r\n以实际行动为全面推进\r\n',
    );
  });

  test('gives the bytes as stored when nothing was withdrawn', () => {
    const bytes = Buffer.from(`\uFEFF${PAGE}`);
    expect(withdrawnLinesOut(bytes, [])).toBe(bytes);
  });
});

describe('splitSourceRuns', () => {
  test('gives the withdrawn lines as a run of their own, numbered and without their text', () => {
    const runs = splitSourceRuns(PAGE, [item(1, 1), item(6, 6)], WITHDRAWN);
    expect(
      runs.map((r) => [r.item === null ? null : r.item.data.source.lines[0], r.withdrawn ?? null, r.lines.map((l) => [l.n, l.text])]),
    ).toEqual([
      [1, null, [[1, '议政建言谋未来']]],
      [null, null, [[2, '']]],
      [
        null,
        WITHDRAWN[0]?.url,
        [
          [3, ''],
          [4, ''],
        ],
      ],
      [null, null, [[5, '']]],
      [6, null, [[6, '以实际行动为全面推进']]],
    ]);
  });
});

describe('sourcesWithout', () => {
  // The seed page's .yml names the withdrawn story's headline as the story its e-paper gives the page for.
  const SOURCES = {
    date: "It reports the Jiangsu 14th People's Congress 2nd session, which opened on 23 Jan 2024, as 昨天开幕.",
    page: "Not printed in the text. The paper's e-paper gives 第A02版:看南通 for its story 市总工会举行劳模迎新活动 (zgnt.net/ntrbszb, 2024-01-24, content_162153), and the page holds four 上接A1版 jumps.",
  };

  test('puts out of sight every line of a withdrawn story the sources quote, marked as the site’s words', () => {
    expect(sourcesWithout(SOURCES, PAGE, WITHDRAWN)).toEqual({
      date: SOURCES.date,
      page: "Not printed in the text. The paper's e-paper gives 第A02版:看南通 for its story ［已撤下稿件的文字］ (zgnt.net/ntrbszb, 2024-01-24, content_162153), and the page holds four 上接A1版 jumps.",
    });
  });

  test('leaves the sources as written when nothing was withdrawn', () => {
    expect(sourcesWithout(SOURCES, PAGE, [])).toBe(SOURCES);
  });
});
