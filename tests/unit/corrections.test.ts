import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { checkCorrections, type Correction } from '../../src/archive/corrections.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import type { RawArchive, RawFile } from '../../src/archive/read-archive.ts';
import { pageProblems } from '../support/page-accounting.ts';

/**
 * Corrections kept beside a raw page set right what the parser read wrong,
 * by line number, without touching the raw text. Every kind is tried on the
 * seed pages (real lines), and the fidelity property holds with each.
 */

const NTRB_PATH = 'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt';
const JHWB_PATH = 'content/pages/jhwb/2025-02-06/000_29ee23daad04a246.txt';
const NTRB = readFileSync(NTRB_PATH, 'utf8');
const JHWB = readFileSync(JHWB_PATH, 'utf8');

/** Parses with corrections and checks that every character is still accounted for once. */
function corrected(text: string, corrections: Correction[]) {
  const page = parsePage(text, corrections);
  expect(pageProblems(text, page)).toEqual([]);
  expect(checkCorrections(corrections, text)).toEqual([]);
  return page;
}

describe('a role correction', () => {
  test('makes a line the 主题 where the parser read it as the 引题 (ntrb line 57)', () => {
    const page = corrected(NTRB, [{ line: 57, text: '分享工作经历', role: 'headline' }]);
    const item = page.items[1];
    expect([item?.kicker, item?.headline, item?.subtitle]).toEqual([null, '分享工作经历 畅谈感受体会', '市总工会举行劳模迎新活动']);
    expect(item?.notes).toEqual([]);
  });

  test('makes a subtitle line the kicker of the same story (jhwb line 33)', () => {
    const item = corrected(JHWB, [{ line: 33, text: '全市新型工业化', role: 'kicker' }]).items[1];
    expect([item?.kicker, item?.headline]).toEqual([
      '全市新型工业化暨重大项目建设推进大会举行',
      '坚定不移推进新型工业化 坚持不懈狠抓项目建设 奋力打造面向科技前沿的现代工业名城',
    ]);
  });

  test('makes a subhead a paragraph (ntrb line 17)', () => {
    const item = corrected(NTRB, [{ line: 17, text: '大势已至', role: 'paragraph' }]).items[0];
    expect(item?.body.find((b) => b.lines[0] === 17)).toEqual({ type: 'paragraph', text: '大势已至 乘势而上', lines: [17, 17] });
  });

  test('makes a paragraph a subhead (jhwb line 29)', () => {
    const item = corrected(JHWB, [{ line: 29, text: '吴新明、张彤', role: 'subhead' }]).items[0];
    expect(item?.body.at(-1)).toEqual({
      type: 'subhead',
      text: '吴新明、张彤、周伟文、姜永华、沈雷等市四套班子相关领导在南通分会场参加。',
      lines: [29, 29],
    });
  });

  test('makes a last paragraph the byline, with no names read from it (jhwb line 29)', () => {
    const item = corrected(JHWB, [{ line: 29, text: '吴新明', role: 'byline' }]).items[0];
    expect(item?.byline).toBe('吴新明、张彤、周伟文、姜永华、沈雷等市四套班子相关领导在南通分会场参加。');
    expect(item?.body.at(-1)?.lines).toEqual([27, 27]);
  });

  test('makes a last paragraph a note after the story (jhwb line 29)', () => {
    const item = corrected(JHWB, [{ line: 29, text: '吴新明', role: 'endnote' }]).items[0];
    expect(item?.endnotes).toEqual(['吴新明、张彤、周伟文、姜永华、沈雷等市四套班子相关领导在南通分会场参加。']);
  });

  test('makes a line page furniture, kept out of every item (ntrb line 9, the year under the column label)', () => {
    const page = corrected(NTRB, [{ line: 9, text: '2024', role: 'layout' }]);
    expect(page.layout).toEqual([{ role: 'paragraph', text: '2024', lines: [9, 9] }]);
    expect(page.items.flatMap((i) => i.pieces).some((p) => p.lines[0] <= 9 && p.lines[1] >= 9)).toBe(false);
  });

  test('states a dateline the parser did not read as one, quoting it whole (ntrb line 11)', () => {
    const item = corrected(NTRB, [{ line: 11, text: '昨天开幕的江苏省十四届人大二次会议上，', role: 'dateline' }]).items[0];
    expect(item?.dateline).toBe('昨天开幕的江苏省十四届人大二次会议上，');
    expect(item?.body[0]?.text.startsWith('省政府工作报告在部署2024年重点工作时')).toBe(true);
  });

  test('makes the last line of a story its credit (ntrb line 53)', () => {
    const line = NTRB.split('\n')[52]?.trim() ?? '';
    const item = corrected(NTRB, [{ line: 53, text: line, role: 'credit' }]).items[0];
    expect(item?.credit).toBe(line);
  });

  test('makes a paragraph the caption of a photo of its own (ntrb line 87)', () => {
    const page = corrected(NTRB, [{ line: 87, text: '李耀光说', role: 'caption' }]);
    expect(page.items.map((i) => [i.kind, i.lines])).toEqual([
      ['story', [3, 55]],
      ['story', [57, 65]],
      ['jump', [67, 73]],
      ['jump', [75, 85]],
      ['photo', [87, 87]],
      ['photo', [91, 93]],
      ['jump', [95, 113]],
      ['jump', [115, 125]],
    ]);
  });

  test('makes a column label of a display line (ntrb line 3)', () => {
    const item = corrected(NTRB, [{ line: 3, text: '省政府工作报告', role: 'column' }]).items[0];
    expect(item?.column).toBe('省政府工作报告明确“规划建设长江口产业创新协同区”—— 直通省两会 2024');
  });
});

describe('a break correction', () => {
  test('starts a story at a line the parser read as a subhead (ntrb line 45)', () => {
    const page = corrected(NTRB, [{ line: 45, text: '跨江向海 拥抱未来', break: 'story' }]);
    expect(page.items.map((i) => [i.headline, i.lines])).toEqual([
      ['潮起长江口，抢抓机遇向未来', [3, 43]],
      ['跨江向海 拥抱未来', [45, 55]],
      ['市总工会举行劳模迎新活动', [57, 65]],
      ['议政建言谋未来 凝心聚力促发展', [67, 73]],
      ['以实际行动为全面推进中国式现代化江苏新实践增光添彩', [75, 87]],
      [null, [91, 93]],
      ['省十四届人大二次会议隆重开幕', [95, 113]],
      ['凝心聚力交出“走在前、做示范”的好答卷', [115, 125]],
    ]);
    expect(page.items[1]?.byline).toBe('本报记者 王玮丽 沈雪梅');
  });

  test('starts a story at a paragraph, without a heading (jhwb line 27)', () => {
    const page = corrected(JHWB, [{ line: 27, text: '会议以视频会议形式召开', break: 'story' }]);
    expect(page.items.map((i) => [i.lines, i.title])).toEqual([
      [[3, 25], { text: '聚焦重大任务 坚持一体推进 努力在高质量发展上继续走在前列', added: false }],
      [[27, 29], { text: '会议以视频会议形式召开', added: true }],
      [[31, 63], { text: '坚定不移推进新型工业化 坚持不懈狠抓项目建设 奋力打造面向科技前沿的现代工业名城', added: false }],
    ]);
  });

  test('keeps two blocks apart that the parser joined across a column break (jhwb line 11)', () => {
    const item = corrected(JHWB, [{ line: 11, text: '多层次', break: 'paragraph' }]).items[0];
    expect(item?.body.slice(1, 3).map((b) => b.lines)).toEqual([
      [9, 9],
      [11, 11],
    ]);
  });

  test('joins two blocks the parser kept apart (ntrb lines 61 and 63)', () => {
    const item = corrected(NTRB, [{ line: 63, text: '出席活动的劳模工匠中', break: 'none' }]).items[1];
    expect(item?.body.map((b) => b.lines)).toEqual([
      [61, 63],
      [65, 65],
    ]);
  });
});

describe('a photo group correction', () => {
  // Two captioned photos of 无锡日报 2022-02-13 A3 (tests/fixtures/real-pages), here without their title.
  const caption1 = '近日,锡山区云林街道云昌社区组织留锡过年的青少年开展创意手工画活动。';
  const caption2 = '春节期间,新吴区旺庄街道党群服务中心举办冬令营。';
  const text = `${caption1}\n\n(田光华 摄)\n\n${caption2}\n\n(戚善成 摄)\n`;

  test('without it, two headless captions are two photos', () => {
    expect(parsePage(text).items.map((i) => [i.kind, i.lines])).toEqual([
      ['photo', [1, 3]],
      ['photo', [5, 7]],
    ]);
  });

  test('with it, the lines are one photo item with both captions and credits', () => {
    const [item, ...rest] = corrected(text, [{ line: 1, text: '近日', photos: 7 }]).items;
    expect(rest).toEqual([]);
    expect([item?.kind, item?.credits, item?.body.length]).toEqual(['photo', ['田光华', '戚善成'], 2]);
  });
});

describe('checkCorrections', () => {
  test('reports a correction whose line no longer reads as quoted', () => {
    expect(checkCorrections([{ line: 57, text: '市总工会', role: 'headline' }], NTRB)).toEqual([
      {
        entry: 0,
        message: expect.stringContaining('line 57 reads "分享工作经历 畅谈感受体会", not "市总工会": this correction no longer applies'),
      },
    ]);
  });

  test('reports a correction of a blank line or one past the end', () => {
    expect(
      checkCorrections(
        [
          { line: 58, text: '市', role: 'headline' },
          { line: 500, text: '市', role: 'headline' },
        ],
        NTRB,
      ).map((p) => p.message),
    ).toEqual([expect.stringContaining('line 58 of the page is blank'), expect.stringContaining('line 500 of the page is past its end')]);
  });

  test('reports two corrections that contradict each other', () => {
    const problems = checkCorrections(
      [
        { line: 63, text: '出席', role: 'subhead' },
        { line: 63, text: '出席', break: 'none' },
        { line: 59, text: '市总工会', role: 'headline' },
        { line: 59, text: '市总工会', role: 'kicker' },
      ],
      NTRB,
    );
    expect(problems.map((p) => [p.entry, p.message])).toEqual([
      [1, expect.stringContaining('line 63 cannot go on from the block before it and also be a subhead')],
      [3, expect.stringContaining('line 59 is corrected twice (also entry 3)')],
    ]);
  });

  test('accepts a quote written with full-width marks where the page prints half-width ones', () => {
    expect(checkCorrections([{ line: 1, text: '江溪：老小区', role: 'headline' }], '江溪:老小区人防工程 标识牌换新颜\n')).toEqual([]);
  });
});

describe('corrections in the archive', () => {
  const papers: RawFile = { path: 'content/papers.yml', bytes: readFileSync('content/papers.yml') };
  const file = (path: string, content: string): RawFile => ({ path, bytes: new TextEncoder().encode(content) });
  const META = readFileSync(JHWB_PATH.replace(/\.txt$/u, '.yml'), 'utf8');
  const REGISTRY = readFileSync('content/permalinks.tsv', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('/jhwb/') || l.startsWith('#'))
    .join('\n');
  const archive = (corrections: string): RawArchive => ({
    papers,
    pageFiles: [file(JHWB_PATH, JHWB), file(JHWB_PATH.replace(/\.txt$/u, '.yml'), `${META}corrections:\n${corrections}`)],
    registry: file('content/permalinks.tsv', `${REGISTRY}\n`),
  });
  const FIRST = '/jhwb/2025-02-06/ju-jiao-zhong-da-ren-wu-jian-chi/';
  const SECOND = '/jhwb/2025-02-06/jian-ding-bu-yi-tui-jin-xin-xing/';

  test('a story whose first line a correction moves keeps its link', () => {
    // Line 29 becomes the 引题 of the second story, which now begins two lines earlier.
    const built = buildArchive(archive('  - { line: 29, text: 吴新明、张彤, role: kicker }\n'));
    expect(built.problems).toEqual([]);
    const second = built.articles.find((a) => a.source.lines[0] === 29);
    expect(second?.url).toBe(SECOND);
    expect(second?.kicker).toBe('吴新明、张彤、周伟文、姜永华、沈雪等市四套班子相关领导在南通分会场参加。'.replace('沈雪', '沈雷'));
    expect(built.unregistered).toEqual([]);
  });

  test('a story split in two keeps its link on the part that holds its first line; the other part gets a new one', () => {
    const built = buildArchive(archive('  - { line: 27, text: 会议以视频会议形式召开, break: story }\n'));
    expect(built.articles.map((a) => [a.source.lines, a.url])).toEqual([
      [[3, 25], FIRST],
      [[27, 29], '/jhwb/2025-02-06/hui-yi-yi-shi-pin-hui-yi-xing/'],
      [[31, 63], SECOND],
    ]);
    expect(built.unregistered.map((r) => r.base)).toEqual(['/jhwb/2025-02-06/hui-yi-yi-shi-pin-hui-yi-xing/']);
  });

  test('two stories merged into one keep both links: the second leads to the first', () => {
    const built = buildArchive(
      archive('  - { line: 31, text: 坚定不移推进新型工业化, role: paragraph }\n  - { line: 33, text: 全市新型工业化, role: paragraph }\n'),
    );
    expect(built.problems).toEqual([]);
    expect(built.articles.map((a) => [a.source.lines, a.url])).toEqual([[[3, 63], FIRST]]);
    expect(built.moved).toEqual([{ from: SECOND, to: FIRST, why: 'merged' }]);
  });

  test('a correction that no longer applies stops the build with the .yml file and line', () => {
    const built = buildArchive(archive('  - { line: 31, text: 全市新型工业化, role: subtitle }\n'));
    expect(built.problems).toEqual([
      {
        file: JHWB_PATH.replace(/\.txt$/u, '.yml'),
        line: META.split('\n').length + 1,
        message: expect.stringMatching(
          /^corrections: line 31 reads "坚定不移推进新型工业化 [^"]*", not "全市新型工业化": this correction no longer applies/u,
        ),
      },
    ]);
  });
});
