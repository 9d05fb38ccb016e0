import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyHeadings, type DisplayLine } from '../../src/archive/classify-headings.ts';
import {
  bylineNames,
  creditNames,
  hasClausePunctuation,
  isTerminated,
  matchDateline,
  matchJumpFrom,
  matchJumpTo,
} from '../../src/archive/classify-line.ts';
import { parsePage } from '../../src/archive/parse-page.ts';

describe('isTerminated', () => {
  test('is true for a line ending a sentence', () => {
    expect(isTerminated('部分在苏外籍友好人士、外国驻苏办事机构代表和外商投资企业代表应邀旁听大会。')).toBe(true);
    expect(isTerminated('预祝大会圆满成功！')).toBe(true);
  });

  test('is true when a closing quote follows the sentence end', () => {
    expect(isTerminated('建设长江口产业创新协同区的重大机遇，“抓住了就是风口，抓不住就是一阵风。”')).toBe(true);
  });

  test('is false for a line cut by a column break', () => {
    expect(isTerminated('会议强调，要打好项目招引提质、建设提速、转化提效的')).toBe(false);
    expect(isTerminated('曲福田说，政府工作报告政治站位高远，通篇贯穿党的全面领导和科学思想指引；总结工作求实，“率先整体好')).toBe(false);
  });

  test('is false for a closing bracket without a sentence end', () => {
    expect(isTerminated('（上接A1版）')).toBe(false);
  });
});

describe('matchDateline', () => {
  test('takes 晚报综合消息 followed by a space', () => {
    expect(matchDateline('晚报综合消息 人勤春早，实干争先。')).toBe('晚报综合消息');
  });

  test('takes 晚报讯 followed by a space', () => {
    expect(matchDateline('晚报讯 昨天，南通新型工业化暨重大项目建设推进大会举行')).toBe('晚报讯');
  });

  test('takes 本报讯 with the writers in parentheses', () => {
    expect(matchDateline('本报讯（记者彭军君 实习生陈少鹏）22日，市总工会“协同创新我先行”2024年劳模迎新活动举行')).toBe(
      '本报讯（记者彭军君 实习生陈少鹏）',
    );
  });

  test('takes a wire dateline with place and date', () => {
    expect(matchDateline('新华社南京1月23日电 昨天开幕的江苏省十四届人大二次会议上')).toBe('新华社南京1月23日电');
  });

  test('does not take a word ending in 讯 inside running text', () => {
    expect(matchDateline('喜讯传来，全市上下倍受鼓舞。')).toBeNull();
  });

  test('does not take a paragraph without a dateline', () => {
    expect(matchDateline('信长星强调，做好今年工作，要更大力度推进重大科创平台建设')).toBeNull();
  });
});

describe('bylineNames', () => {
  test('reads names after a role word and on their own', () => {
    expect(bylineNames('记者朱文君 张彤 范译')).toEqual(['朱文君', '张彤', '范译']);
  });

  test('reads a 本报记者 role set apart from the names', () => {
    expect(bylineNames('本报记者 王玮丽 沈雪梅')).toEqual(['王玮丽', '沈雪梅']);
  });

  test('reads several role words', () => {
    expect(bylineNames('记者彭军君 实习生陈少鹏')).toEqual(['彭军君', '陈少鹏']);
  });

  test('is null for a line that does not open with a role word', () => {
    expect(bylineNames('大势已至 乘势而上')).toBeNull();
  });

  test('is null when a token after the role word is not a name', () => {
    expect(bylineNames('记者 许丛军摄影作品展今日开幕，欢迎参观')).toBeNull();
  });
});

describe('creditNames', () => {
  test('reads the photographer of a credit line', () => {
    expect(creditNames('记者 许丛军摄')).toEqual(['许丛军']);
  });

  test('is null for a byline without 摄', () => {
    expect(creditNames('记者朱文君 张彤 范译')).toBeNull();
  });

  test('is null for a sentence that ends in 摄 without a role word', () => {
    expect(creditNames('许丛军摄')).toBeNull();
  });
});

describe('matchJumpFrom', () => {
  test('reads the marker opening a paragraph', () => {
    expect(matchJumpFrom('（上接A1版）持续深化党建带群建')).toEqual({ marker: '（上接A1版）', page: 'A1' });
  });

  test('reads a marker standing alone', () => {
    expect(matchJumpFrom('（上接A1版）')).toEqual({ marker: '（上接A1版）', page: 'A1' });
  });

  test('is null when the marker is not at the start', () => {
    expect(matchJumpFrom('持续深化党建带群建（上接A1版）')).toBeNull();
  });
});

describe('matchJumpTo', () => {
  test('reads the marker at the end of a paragraph', () => {
    expect(matchJumpTo('部分在苏外籍友好人士、外国驻苏办事机构代表和外商投资企业代表应邀旁听大会。（下转A2版）')).toEqual({
      marker: '（下转A2版）',
      page: 'A2',
    });
  });

  test('is null when text follows the marker', () => {
    expect(matchJumpTo('（下转A2版）部分在苏外籍友好人士')).toBeNull();
  });
});

describe('parsePage with a 下转 marker', () => {
  test('makes the marker a jumpTo piece and the page it names continuesOn', () => {
    const seed = readFileSync(new URL('../../content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt', import.meta.url), 'utf8');
    const last = seed.split('\n')[64]?.trim() ?? ''; // line 65, the story's last paragraph
    expect(last.startsWith('会议指出，过去一年，广大劳动模范')).toBe(true);
    const page = parsePage(`分享工作经历 畅谈感受体会\n\n市总工会举行劳模迎新活动\n\n${last}（下转A2版）\n`);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.continuesOn).toBe('A2');
    expect(page.items[0]?.pieces).toEqual([
      { role: 'headline', text: '分享工作经历 畅谈感受体会', lines: [1, 1] },
      { role: 'subtitle', text: '市总工会举行劳模迎新活动', lines: [3, 3] },
      { role: 'paragraph', text: last, lines: [5, 5] },
      { role: 'jumpTo', text: '（下转A2版）', lines: [5, 5] },
    ]);
  });
});

describe('classifyHeadings', () => {
  const at = (...pairs: [number, string][]): DisplayLine[] => pairs.map(([line, text]) => ({ text, line }));
  const kicker = at([3, '省政府工作报告明确“规划建设长江口产业创新协同区”——']);
  const spaced = at([5, '聚焦重大任务 坚持一体推进 努力在高质量发展上继续走在前列']);
  const plain = at([33, '全市新型工业化暨重大项目建设推进大会举行']);

  test('makes no parts of no lines', () => {
    expect(classifyHeadings([])).toEqual({ kicker: [], headline: [], subtitle: [] });
  });

  test('makes a single line the headline', () => {
    const one = at([95, '省十四届人大二次会议隆重开幕']);
    expect(classifyHeadings(one)).toEqual({ kicker: [], headline: one, subtitle: [] });
  });

  test('makes a first line ending in —— the kicker', () => {
    const headline = at([5, '潮起长江口，抢抓机遇向未来']);
    expect(classifyHeadings([...kicker, ...headline])).toEqual({ kicker, headline, subtitle: [] });
  });

  test('makes a second line starting with —— the subtitle', () => {
    const headline = at([57, '分享工作经历 畅谈感受体会']);
    const subtitle = at([59, '——市总工会举行劳模迎新活动']);
    expect(classifyHeadings([...headline, ...subtitle])).toEqual({ kicker: [], headline, subtitle });
  });

  test('joins two unspaced lines into one broken headline', () => {
    const lines = at([75, '以实际行动为全面推进'], [77, '中国式现代化江苏新实践增光添彩']);
    expect(classifyHeadings(lines)).toEqual({ kicker: [], headline: lines, subtitle: [] });
  });

  test('makes a plain line above a spaced line the kicker', () => {
    const above = at([3, '省委省政府召开全省“一中心一基地一枢纽”建设推进会']);
    expect(classifyHeadings([...above, ...spaced])).toEqual({ kicker: above, headline: spaced, subtitle: [] });
  });

  test('makes a plain line below a spaced line the subtitle', () => {
    const headline = at([31, '坚定不移推进新型工业化 坚持不懈狠抓项目建设 奋力打造面向科技前沿的现代工业名城']);
    expect(classifyHeadings([...headline, ...plain])).toEqual({ kicker: [], headline, subtitle: plain });
  });

  test('reads three lines as kicker, headline, subtitle', () => {
    expect(classifyHeadings([...kicker, ...spaced, ...plain])).toEqual({ kicker, headline: spaced, subtitle: plain });
  });

  test('reads four lines as kicker, a broken headline, subtitle', () => {
    const broken = at([5, '以实际行动为全面推进'], [7, '中国式现代化江苏新实践增光添彩']);
    const subtitle = at([9, '全市新型工业化暨重大项目建设推进大会举行']);
    expect(classifyHeadings([...kicker, ...broken, ...subtitle])).toEqual({ kicker, headline: broken, subtitle });
  });
});

describe('hasClausePunctuation', () => {
  test('ignores punctuation inside quotation marks', () => {
    expect(hasClausePunctuation('凝心聚力交出“走在前、做示范”的好答卷')).toBe(false);
  });

  test('finds a comma outside quotation marks', () => {
    expect(hasClausePunctuation('会议强调，要打好项目招引提质、建设提速、转化提效的')).toBe(true);
  });

  test('is false for a line of spaced phrases', () => {
    expect(hasClausePunctuation('大势已至 乘势而上')).toBe(false);
  });
});

describe('parsePage with short lines that are not headings', () => {
  test('a short paragraph ending in a 下转 marker stays in its story and the next heading stays a heading', () => {
    const page = parsePage(
      [
        '省十四届人大二次会议隆重开幕',
        '（上接A1版）',
        '部分在苏外籍友好人士、外国驻苏办事机构代表和外商投资企业代表应邀旁听大会。（下转A2版）',
        '分享工作经历 畅谈感受体会',
        '市总工会举行劳模迎新活动',
        '本报讯（记者彭军君 实习生陈少鹏）22日，市总工会“协同创新我先行”2024年劳模迎新活动举行。',
      ].join('\n\n'),
    );
    expect(page.items.map((i) => [i.headline, i.kicker, i.continuesOn])).toEqual([
      ['省十四届人大二次会议隆重开幕', null, 'A2'],
      ['分享工作经历 畅谈感受体会', null, null],
    ]);
  });

  test('a page that opens with a line cut mid-sentence does not take it for a headline', () => {
    const page = parsePage(
      '曲福田说，政府工作报告政治站位高远，通篇贯穿党的全面领导和科学思想指引；总结工作求实，“率先整体好\n\n转”成效令人鼓舞；坚持民生本位，彰显为民情怀。\n',
    );
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.headline).toBeNull();
    expect(page.items[0]?.body.map((b) => b.lines)).toEqual([[1, 3]]);
  });
});
