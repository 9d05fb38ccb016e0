import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePage } from '../../src/archive/parse-page.ts';
import type { BodyBlock, ParsedItem } from '../../src/archive/types.ts';

const JHWB = 'content/pages/jhwb/2025-02-06/000_29ee23daad04a246.txt';
const NTRB = 'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt';

type ItemView = Omit<ParsedItem, 'pieces' | 'notes'>;

const readSeed = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/**
 * Builders for expected body blocks, reading the expected text from the seed
 * file by line number: a paragraph is its non-blank lines from..to joined
 * (a column break joins without a space), minus a leading dateline or 上接 marker.
 */
function seedBody(path: string) {
  const lines = readSeed(path).split('\n');
  const line = (n: number): string => (lines[n - 1] ?? '').trim();
  return {
    p(from: number, to: number = from, marker = ''): BodyBlock {
      const joined = Array.from({ length: to - from + 1 }, (_, k) => line(from + k)).join('');
      if (!joined.startsWith(marker)) throw new Error(`${path}:${from} does not start with ${marker}`);
      return { type: 'paragraph', text: joined.slice(marker.length).trim(), lines: [from, to] };
    },
    sub(n: number, text: string): BodyBlock {
      if (line(n) !== text) throw new Error(`${path}:${n} is not ${text}`);
      return { type: 'subhead', text, lines: [n, n] };
    },
  };
}

/** The fields an item has when the paper printed none of them. */
const none = {
  kicker: null,
  headline: null,
  subtitle: null,
  column: null,
  dateline: null,
  byline: null,
  bylines: [],
  credit: null,
  credits: [],
  titles: {},
  continuedFrom: null,
  continuesOn: null,
  endnotes: [],
} satisfies Partial<ItemView>;

const views = (path: string): ItemView[] => parsePage(readSeed(path)).items.map(({ pieces: _pieces, notes: _notes, ...view }) => view);

describe('parsePage on the jhwb seed page (江海晚报 2025-02-06)', () => {
  const { p } = seedBody(JHWB);
  const items = views(JHWB);

  test('finds two stories and no layout lines', () => {
    expect(items).toHaveLength(2);
    expect(parsePage(readSeed(JHWB)).layout).toEqual([]);
  });

  test('reads a factual kicker above a long line of parallel phrases, the 主题, and a 晚报综合消息 dateline', () => {
    expect(items[0]).toEqual({
      ...none,
      kind: 'story',
      kicker: '省委省政府召开全省“一中心一基地一枢纽”建设推进会',
      headline: '聚焦重大任务 坚持一体推进 努力在高质量发展上继续走在前列',
      dateline: '晚报综合消息',
      title: { text: '聚焦重大任务 坚持一体推进 努力在高质量发展上继续走在前列', added: false },
      lines: [3, 29],
      body: [p(7, 7, '晚报综合消息'), p(9, 11), p(13, 17), p(19), p(21, 23), p(25), p(27), p(29)],
    });
  });

  test('reads a long line of parallel phrases as the 主题 over a factual 副题, a 晚报讯 dateline and a three-name byline', () => {
    expect(items[1]).toEqual({
      ...none,
      kind: 'story',
      headline: '坚定不移推进新型工业化 坚持不懈狠抓项目建设 奋力打造面向科技前沿的现代工业名城',
      subtitle: '全市新型工业化暨重大项目建设推进大会举行',
      dateline: '晚报讯',
      byline: '记者朱文君 张彤 范译',
      bylines: ['朱文君', '张彤', '范译'],
      titles: { 朱文君: '记者', 张彤: '记者', 范译: '记者' },
      title: { text: '坚定不移推进新型工业化 坚持不懈狠抓项目建设 奋力打造面向科技前沿的现代工业名城', added: false },
      lines: [31, 63],
      body: [p(35, 35, '晚报讯'), p(37), p(39, 41), p(43), p(45, 47), p(49, 51), p(53), p(55, 57), p(59), p(61)],
    });
  });
});

describe('parsePage on the ntrb seed page (南通日报 2024-01-24)', () => {
  const { p, sub } = seedBody(NTRB);
  const items = views(NTRB);
  const jump = (headline: string, lines: [number, number], body: BodyBlock[]): ItemView => ({
    ...none,
    kind: 'jump',
    headline,
    continuedFrom: 'A1',
    title: { text: headline, added: false },
    lines,
    body,
  });

  test('finds two stories, four jumps and a photo, in print order', () => {
    expect(items.map((i) => i.kind)).toEqual(['story', 'story', 'jump', 'jump', 'photo', 'jump', 'jump']);
    expect(parsePage(readSeed(NTRB)).layout).toEqual([]);
  });

  test('reads a kicker ending in ——, a column label with its year line and subheads', () => {
    expect(items[0]).toEqual({
      ...none,
      kind: 'story',
      kicker: '省政府工作报告明确“规划建设长江口产业创新协同区”——',
      headline: '潮起长江口，抢抓机遇向未来',
      column: '直通省两会 2024',
      byline: '本报记者 王玮丽 沈雪梅',
      bylines: ['王玮丽', '沈雪梅'],
      titles: { 王玮丽: '本报记者', 沈雪梅: '本报记者' },
      title: { text: '潮起长江口，抢抓机遇向未来', added: false },
      lines: [3, 55],
      body: [
        p(11),
        p(13),
        p(15),
        sub(17, '大势已至 乘势而上'),
        p(19),
        p(21),
        p(23),
        p(25, 27),
        p(29),
        sub(31, '紧密协同 深度融合'),
        p(33),
        p(35),
        p(37),
        p(39),
        p(41, 43),
        sub(45, '跨江向海 拥抱未来'),
        p(47),
        p(49),
        p(51),
        p(53),
      ],
    });
  });

  test('reads a short line of parallel phrases over a factual line as 引题 and 主题, as the paper’s e-paper gives them', () => {
    // 南通日报 e-paper, 2024-01-24, 第A02版:看南通, content_162153: 引题 分享工作经历 畅谈感受体会, 主题 市总工会举行劳模迎新活动.
    expect(items[1]).toEqual({
      ...none,
      kind: 'story',
      kicker: '分享工作经历 畅谈感受体会',
      headline: '市总工会举行劳模迎新活动',
      dateline: '本报讯（记者彭军君 实习生陈少鹏）',
      bylines: ['彭军君', '陈少鹏'],
      titles: { 彭军君: '记者', 陈少鹏: '实习生' },
      title: { text: '市总工会举行劳模迎新活动', added: false },
      lines: [57, 65],
      body: [p(61, 61, '本报讯（记者彭军君 实习生陈少鹏）'), p(63), p(65)],
    });
  });

  test('reads a jump whose 上接 marker opens its first paragraph', () => {
    expect(items[2]).toEqual(jump('议政建言谋未来 凝心聚力促发展', [67, 73], [p(69, 69, '（上接A1版）'), p(71), p(73)]));
  });

  test('joins a headline broken over two display lines', () => {
    expect(items[3]).toEqual(
      jump('以实际行动为全面推进中国式现代化江苏新实践增光添彩', [75, 87], [p(79, 79, '（上接A1版）'), p(81), p(83, 85), p(87)]),
    );
  });

  test('makes a captioned picture a photo with a site-added title', () => {
    expect(items[4]).toEqual({
      ...none,
      kind: 'photo',
      credit: '记者 许丛军摄',
      credits: ['许丛军'],
      titles: { 许丛军: '记者' },
      title: { text: '图片：22日，南通粮油接运码头正在卸运进口巴西玉米', added: true },
      lines: [91, 93],
      body: [p(91)],
    });
  });

  test('reads a jump whose 上接 marker stands on a line of its own', () => {
    expect(items[5]).toEqual(
      jump('省十四届人大二次会议隆重开幕', [95, 113], [p(99), p(101), p(103), p(105), p(107), p(109), p(111), p(113)]),
    );
  });

  test('reads a jump headline with a quoted enumeration comma', () => {
    expect(items[6]).toEqual(
      jump('凝心聚力交出“走在前、做示范”的好答卷', [115, 125], [p(117, 117, '（上接A1版）'), p(119), p(121), p(123), p(125)]),
    );
  });
});
