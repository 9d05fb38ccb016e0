import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ArticleData } from '../../src/archive/item-schema.ts';
import { bylineOf } from '../../src/archive/conventions/bylines.ts';
import { creditOf } from '../../src/archive/conventions/credits.ts';
import { matchDateline } from '../../src/archive/conventions/datelines.ts';
import { personTitle } from '../../src/archive/conventions/lexicon.ts';
import { matchingForm } from '../../src/archive/conventions/width.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import { renderBody } from '../../src/archive/render-body.ts';
import { columnName } from '../../src/data/column-name.ts';
import { groupColumns } from '../../src/data/columns.ts';
import { groupByYear, listPages, ONE_LIST_MAX, ONE_PAGE_MAX } from '../../src/data/dated-lists.ts';
import { indexByLetter } from '../../src/data/name-index.ts';
import { linkNames } from '../../src/data/name-links.ts';
import { byPinyin } from '../../src/data/name-order.ts';
import { columnPath, isPageName, personPath } from '../../src/data/name-paths.ts';
import { groupPeople, rolesOf, summariseStories, type PersonSource } from '../../src/data/people.ts';
import { isDrawnBy, splitNames } from '../../src/data/printed-names.ts';
import { CORPUS_DIR, readCorpus } from '../support/gold-corpus.ts';

/**
 * People and columns (src/data/people.ts, columns.ts, printed-names.ts),
 * with real printed lines: the seed pages' and those of the corpus of real
 * pages (tests/fixtures/real-pages), whose gold files say which names the
 * paper printed.
 */

const gold = readCorpus().flatMap((page) => page.gold);

/** A story of the seed pages as the collection holds it, with what these tests read. */
function story(
  fields: Partial<PersonSource & Pick<ArticleData, 'column'>> & Pick<ArticleData, 'url' | 'date'>,
): PersonSource & Pick<ArticleData, 'column'> {
  return {
    paper: 'ntrb',
    paperName: '南通日报',
    page: 'A2',
    pageName: '看南通',
    pageIndex: 0,
    order: 0,
    kind: 'story',
    title: { text: fields.url, added: false },
    dateline: null,
    byline: null,
    bylines: [],
    credit: null,
    credits: [],
    titles: {},
    column: null,
    ...fields,
  };
}

describe('splitNames', () => {
  test('finds the names of a seed byline and keeps every printed character', () => {
    expect(splitNames('本报记者 王玮丽 沈雪梅', ['王玮丽', '沈雪梅'])).toEqual([
      { text: '本报记者 ', name: null },
      { text: '王玮丽', name: '王玮丽' },
      { text: ' ', name: null },
      { text: '沈雪梅', name: '沈雪梅' },
    ]);
  });

  test('finds a name the paper set with a space inside it, space and all', () => {
    expect(splitNames('本报记者 周 涛  文/图', ['周涛'])).toEqual([
      { text: '本报记者 ', name: null },
      { text: '周 涛', name: '周涛' },
      { text: '  文/图', name: null },
    ]);
  });

  test('finds names printed together without a space', () => {
    expect(splitNames('(孟西安祁鸿斌)', ['孟西安', '祁鸿斌']).map((part) => part.text)).toEqual(['(', '孟西安', '祁鸿斌', ')']);
  });

  test('finds a name printed twice both times', () => {
    const credit = '半岛记者 张伟 报道 半岛记者 何毅 报道 半岛记者 王滨 报道 半岛记者 张伟 报道 半岛记者王滨 报道';
    expect(
      splitNames(credit, ['张伟', '何毅', '王滨'])
        .filter((part) => part.name !== null)
        .map((part) => part.text),
    ).toEqual(['张伟', '何毅', '王滨', '张伟', '王滨']);
  });

  test('in every byline, 电头 and credit of the corpus, the parts are the printed text and every name the paper printed is found', () => {
    let names = 0;
    for (const item of gold) {
      const printed = [item.dateline, item.byline, item.credit].filter((text): text is string => text !== null);
      const all = [...item.bylines, ...item.credits];
      for (const text of printed)
        expect(
          splitNames(text, all)
            .map((part) => part.text)
            .join(''),
        ).toBe(text);
      const found = new Set(printed.flatMap((text) => splitNames(text, all).flatMap((part) => (part.name === null ? [] : [part.name]))));
      for (const name of all) expect(found, `${name} in ${printed.join(' | ')}`).toContain(name);
      names += all.length;
    }
    expect(names).toBeGreaterThan(100);
  });
});

/** The title a person is shown with for each name of a printed byline, as the parser reads the line. */
const shownTitles = (line: string): Record<string, string | null> => {
  const names = bylineOf(matchingForm(line));
  const all = [...(names?.writers ?? []), ...(names?.photographers ?? [])];
  return Object.fromEntries(all.map((name) => [name, personTitle(names?.titles[name] ?? '')]));
};

describe('the titles the parser reads before names, as the people pages show them', () => {
  test('reads each name its own title in the seed 电头', () => {
    expect(matchDateline('本报讯（记者彭军君 实习生陈少鹏）22日，')?.names.titles).toEqual({ 彭军君: '记者', 陈少鹏: '实习生' });
  });

  test('gives the names after a title that title (记者朱文君 张彤 范译)', () => {
    expect(shownTitles('记者朱文君 张彤 范译')).toEqual({ 朱文君: '记者', 张彤: '记者', 范译: '记者' });
  });

  test('reads an outlet before 记者 as 记者, and 见习记者 and 通讯员 as themselves', () => {
    expect(bylineOf('郑州晚报记者 吴淑娟 见习记者 叶霖')?.titles).toEqual({ 吴淑娟: '郑州晚报记者', 叶霖: '见习记者' });
    expect(shownTitles('郑州晚报记者 吴淑娟 见习记者 叶霖')).toEqual({ 吴淑娟: '记者', 叶霖: '见习记者' });
    expect(shownTitles('N通讯员 蔡胡佳 本报记者 朱敏敏')).toEqual({ 蔡胡佳: '通讯员', 朱敏敏: '记者' });
    expect(creditOf('记者 李军 通讯员 路金涛 王广年 摄影报道')?.titles).toEqual({ 李军: '记者', 路金涛: '通讯员', 王广年: '通讯员' });
  });

  test('carries a title past what the name before did (李帅/文 毛朝青/图)', () => {
    expect(shownTitles('N海都记者 李帅/文 毛朝青/图')).toEqual({ 李帅: '记者', 毛朝青: '记者' });
  });

  test('reads a title printed in traditional characters as its simplified one (■記者 陳曉莉)', () => {
    expect(bylineOf(matchingForm('■記者 陳曉莉'))?.titles).toEqual({ 陈晓莉: '记者' });
    expect(matchDateline(matchingForm('香港文匯報訊(記者 鄭治祖)國務院'))?.names.titles).toEqual({ 郑治祖: '记者' });
  });

  test('reads no title where none is printed: a reader, a pupil, a writer and an artist, a columnist', () => {
    expect(shownTitles('□刘英团')).toEqual({ 刘英团: null });
    expect(shownTitles('南通市朝晖小学四(1)班 翁欣颐')).toEqual({ 翁欣颐: null });
    expect(shownTitles('朱晨凯 文  王成喜 绘')).toEqual({ 朱晨凯: null, 王成喜: null });
    expect(personTitle('本报评论员')).toBeNull();
  });
});

describe('rolesOf', () => {
  test('the seed photo credit makes its photographer 摄影', () => {
    expect(
      rolesOf(
        { dateline: null, byline: null, bylines: [], credit: '记者 许丛军摄', credits: ['许丛军'], titles: { 许丛军: '记者' } },
        '许丛军',
      ),
    ).toEqual(['摄影']);
  });

  test('a writer credited with the pictures too (文/图) is both', () => {
    const data = {
      dateline: null,
      byline: '本报记者 周 涛  文/图',
      bylines: ['周涛'],
      credit: null,
      credits: ['周涛'],
      titles: { 周涛: '本报记者' },
    };
    expect(rolesOf(data, '周涛')).toEqual(['记者', '摄影']);
  });

  test('a name with no title printed wrote as 作者; X 绘 drew', () => {
    const data = { dateline: null, byline: '朱晨凯 文  王成喜 绘', bylines: ['朱晨凯'], credit: null, credits: ['王成喜'], titles: {} };
    expect(rolesOf(data, '朱晨凯')).toEqual(['作者']);
    expect(rolesOf(data, '王成喜')).toEqual(['绘图']);
    expect(isDrawnBy('朱晨凯 文  王成喜 绘', '朱晨凯')).toBe(false);
  });

  test('a byline printed in traditional characters (■記者 陳曉莉, 香港文匯報訊(記者 鄭治祖)) makes its writer 记者, not 作者', () => {
    for (const [page, name] of [
      ['whb/2017-03-24/whb-20170324-sp.txt', '陳曉莉'],
      ['whb/2017-03-06/whb-20170306-hs.txt', '鄭治祖'],
    ] as const) {
      const text = readFileSync(`${CORPUS_DIR}/pages/${page}`, 'utf8');
      const item = parsePage(text).items.find((i) => i.bylines.includes(name));
      expect(item?.titles[name]).toBe('记者');
      expect(item && rolesOf(item, name)).toEqual(['记者']);
    }
  });
});

describe('groupPeople', () => {
  const stories = [
    story({
      url: '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/',
      date: '2024-01-24',
      order: 1,
      dateline: '本报讯（记者彭军君 实习生陈少鹏）',
      bylines: ['彭军君', '陈少鹏'],
      titles: { 彭军君: '记者', 陈少鹏: '实习生' },
    }),
    story({
      url: '/ntrb/2024-01-24/tu-pian-22-ri-nan-tong-liang-you/',
      date: '2024-01-24',
      order: 6,
      kind: 'photo',
      credit: '记者 许丛军摄',
      credits: ['许丛军'],
      titles: { 许丛军: '记者' },
    }),
    story({
      url: '/jhwb/2025-02-06/jian-ding-bu-yi-tui-jin-xin-xing/',
      paper: 'jhwb',
      paperName: '江海晚报',
      date: '2025-02-06',
      dateline: '晚报讯',
      byline: '记者朱文君 张彤 范译',
      bylines: ['朱文君', '张彤', '范译'],
      titles: { 朱文君: '记者', 张彤: '记者', 范译: '记者' },
    }),
    story({
      url: '/ntrb/2024-01-25/a/',
      date: '2024-01-25',
      byline: '本报记者 彭军君',
      bylines: ['彭军君'],
      titles: { 彭军君: '本报记者' },
    }),
  ];
  const people = new Map(groupPeople(stories).map((person) => [person.name, person]));

  test('lists each name once with its stories newest first, its role in each and the others named (linked by name)', () => {
    expect([...people.keys()].sort()).toEqual(['张彤', '彭军君', '朱文君', '范译', '许丛军', '陈少鹏'].sort());
    const peng = people.get('彭军君');
    expect(peng?.stories.map((s) => [s.date, s.roles, s.coAuthors])).toEqual([
      ['2024-01-25', ['记者'], []],
      ['2024-01-24', ['记者'], ['陈少鹏']],
    ]);
    expect(people.get('张彤')?.stories[0]?.coAuthors).toEqual(['朱文君', '范译']);
    expect(people.get('许丛军')?.stories[0]).toMatchObject({ kind: 'photo', roles: ['摄影'] });
  });

  test('keeps only what a row shows, so a page key changes only with its list', () => {
    expect(Object.keys(people.get('陈少鹏')?.stories[0] ?? {}).sort()).toEqual(
      ['coAuthors', 'date', 'kind', 'page', 'pageName', 'paper', 'paperName', 'roles', 'title', 'url'].sort(),
    );
  });

  test('sums up papers, span and roles', () => {
    expect(summariseStories(people.get('彭军君')!.stories)).toEqual({
      count: 2,
      papers: ['南通日报'],
      span: ['2024-01-24', '2024-01-25'],
      roles: [{ role: '记者', count: 2 }],
    });
  });

  test('every name of the corpus can be a page', () => {
    const names = gold.flatMap((item) => [...item.bylines, ...item.credits]);
    expect(names.filter((name) => !isPageName(name))).toEqual([]);
  });
});

describe('columns', () => {
  test('a label is its column without the year line and the marks it is set in', () => {
    expect(columnName('直通省两会 2024')).toBe('直通省两会');
    expect(columnName('■生气')).toBe('生气');
    expect(columnName('【短评】')).toBe('短评');
    expect(columnName('短讯')).toBe('短讯');
    expect(columnName(null)).toBeNull();
    expect(columnName('■')).toBeNull();
  });

  test('every column label of the corpus names a column', () => {
    const labels = gold.flatMap((item) => (item.column === null ? [] : [item.column]));
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.filter((label) => columnName(label) === null)).toEqual([]);
  });

  test('groups the stories of one column across its years, newest first', () => {
    const columns = groupColumns([
      story({ url: '/ntrb/2024-01-24/chao-qi/', date: '2024-01-24', column: '直通省两会 2024' }),
      story({ url: '/ntrb/2025-01-20/b/', date: '2025-01-20', column: '直通省两会 2025' }),
      story({ url: '/ntrb/2025-01-20/c/', date: '2025-01-20' }),
    ]);
    expect(columns.map((c) => [c.name, c.stories.map((s) => s.url)])).toEqual([
      ['直通省两会', ['/ntrb/2025-01-20/b/', '/ntrb/2024-01-24/chao-qi/']],
    ]);
  });
});

describe('lists and indexes', () => {
  test('a short list stays whole, a long one is split by year in its order', () => {
    const dates = (n: number, year: number) => Array.from({ length: n }, () => ({ date: `${year}-01-01` }));
    expect(groupByYear(dates(ONE_LIST_MAX, 2024)).map((g) => g.year)).toEqual([null]);
    expect(groupByYear([...dates(ONE_LIST_MAX, 2025), ...dates(1, 2024)]).map((g) => [g.year, g.stories.length])).toEqual([
      [2025, ONE_LIST_MAX],
      [2024, 1],
    ]);
  });

  test('a list of more than one page gets a page per year, its address showing the newest', () => {
    const dates = (n: number, year: number) => Array.from({ length: n }, (_, i) => ({ date: `${year}-01-01`, n: i }));
    expect(listPages(dates(ONE_PAGE_MAX, 2024)).map((p) => [p.year, p.entry, p.stories.length])).toEqual([[null, true, ONE_PAGE_MAX]]);
    expect(listPages(dates(ONE_PAGE_MAX + 1, 2024)).map((p) => [p.year, p.entry, p.stories.length])).toEqual([
      [null, true, ONE_PAGE_MAX + 1],
    ]);
    const long = [...dates(60, 2026), ...dates(1, 2025), ...dates(ONE_PAGE_MAX, 2023)];
    expect(listPages(long).map((p) => [p.year, p.entry, p.stories.length, p.years])).toEqual([
      [2026, true, 60, [2026, 2025, 2023]],
      [2026, false, 60, [2026, 2025, 2023]],
      [2025, false, 1, [2026, 2025, 2023]],
      [2023, false, ONE_PAGE_MAX, [2026, 2025, 2023]],
    ]);
  });

  test('names sort by pinyin, a surname read as a surname (单 shan, 曾 zeng)', () => {
    expect(byPinyin(['王玮丽', '沈雪梅', '单霁翔', '曾小明', '许丛军'], true)).toEqual(['单霁翔', '沈雪梅', '王玮丽', '许丛军', '曾小明']);
  });

  test('an index files names under the first letter of their pinyin', () => {
    const index = indexByLetter(
      ['王玮丽', '沈雪梅', '彭军君', '陈少鹏', '许丛军'].map((name) => ({ name, count: 1 })),
      true,
    );
    expect(index.map(({ letter, names }) => [letter, names.map((n) => n.name)])).toEqual([
      ['C', ['陈少鹏']],
      ['P', ['彭军君']],
      ['S', ['沈雪梅']],
      ['W', ['王玮丽']],
      ['X', ['许丛军']],
    ]);
  });

  test('links wrap the printed name and leave the rest as printed', () => {
    const parts = linkNames('本报记者 周 涛  文/图', ['周涛']);
    expect(parts.map((p) => p.text).join('')).toBe('本报记者 周 涛  文/图');
    expect(parts[1]).toEqual({ text: '周 涛', href: personPath('周涛') });
    expect(personPath('王玮丽')).toBe('/people/%E7%8E%8B%E7%8E%AE%E4%B8%BD/');
    expect(columnPath('直通省两会')).toBe('/columns/%E7%9B%B4%E9%80%9A%E7%9C%81%E4%B8%A4%E4%BC%9A/');
  });

  test('a 电头 in linked pieces renders its names as links and its text unchanged, and pieces that are not the 电头 are refused', () => {
    const dateline = '本报讯（记者彭军君 实习生陈少鹏）';
    const body = [{ type: 'paragraph' as const, text: '22日，市总工会举行劳模迎新活动。', lines: [45, 45] as [number, number] }];
    const html = renderBody(body, { dateline, datelineParts: linkNames(dateline, ['彭军君', '陈少鹏']) }).html;
    expect(html).toContain(`记者<a href="${personPath('彭军君')}">彭军君</a> 实习生<a href="${personPath('陈少鹏')}">陈少鹏</a>`);
    expect(html.replace(/<[^>]+>/gu, '')).toContain(`${dateline} 22日`);
    expect(() => renderBody(body, { dateline, datelineParts: [{ text: '本报讯', href: null }] })).toThrow(/电头/u);
  });
});
