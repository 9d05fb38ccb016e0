import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bylineOf, reportStart, signedInParens } from '../../src/archive/conventions/bylines.ts';
import { isPlaceLine } from '../../src/archive/conventions/places.ts';
import { segmentNames } from '../../src/archive/conventions/names.ts';
import { creditOf, creditStart } from '../../src/archive/conventions/credits.ts';
import { matchDateline } from '../../src/archive/conventions/datelines.ts';
import { endnoteStart, isEndnote } from '../../src/archive/conventions/endnotes.ts';
import { matchJumpFrom, matchJumpTo } from '../../src/archive/conventions/jumps.ts';
import { endsParagraph, endsSentence } from '../../src/archive/conventions/punctuation.ts';
import { matchingForm } from '../../src/archive/conventions/width.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import { parsedLines } from '../support/parse-lines.ts';

/**
 * One test per convention of Chinese dailies the parser reads, each with a
 * real printed line: from the corpus of real pages (tests/fixtures/real-pages,
 * whose .yml name each story's source), from the seed pages, or from a stored
 * public copy named beside it. Conventions are matched on the matching form
 * (half-width marks made full-width), as the parser does.
 */

const CORPUS = 'tests/fixtures/real-pages/pages';
/** The lines of a corpus page, by 1-based line number. */
const corpusLine = (page: string, line: number): string => (readFileSync(`${CORPUS}/${page}`, 'utf8').split('\n')[line - 1] ?? '').trim();
const m = matchingForm;
/** The dateline a line opens with, as printed. */
const dateline = (line: string): string | null => {
  const found = matchDateline(m(line));
  return found ? line.slice(0, found.length) : null;
};
const parsed = parsedLines;

describe('datelines (电头)', () => {
  test('本报讯 with a space before the names in parentheses keeps the names in the dateline', () => {
    const line = corpusLine('ntrb/2023-01-18/ntrb-20230118-a05.txt', 5);
    expect(dateline(line)).toBe('本报讯 (通讯员仇亚 记者黄天玲)');
    expect(matchDateline(m(line))?.names.writers).toEqual(['仇亚', '黄天玲']);
  });

  test('本报讯 with names spaced out in the parentheses (新华每日电讯 2025-05-25, mrdx.cn)', () => {
    const line = '本报讯(记者陈凯星 王攀 詹奕嘉 邓瑞璇)这是一支2.5万亿元规模的“文化粤军”';
    expect(matchDateline(m(line))?.names.writers).toEqual(['陈凯星', '王攀', '詹奕嘉', '邓瑞璇']);
  });

  test('a wire dateline in 【】 (人民日报 1952-08-16, and 1951-09-15 at cn.govopendata.com/renminribao/1951/9/15/1/)', () => {
    expect(dateline(corpusLine('rmrb/1952-08-16/rmrb-19520816-1.txt', 3))).toBe('【新华社十五日讯】');
    expect(dateline('【新华社重庆十四日电】拉萨讯:执行和平解放西藏办法协议开往西藏的人民解放军某部先遣部队')).toBe(
      '【新华社重庆十四日电】',
    );
  });

  test('据新华社…电, with the lead-in up to its colon', () => {
    expect(dateline(corpusLine('rmrb/2000-03-26/rmrb-20000326-2.txt', 3))).toBe('据新华社北京3月24日电 综合本社驻外记者报道:');
  });

  test('据新华社电 without place or date (a daily’s 要闻 page A10, 2022-01-05, stored copy)', () => {
    expect(dateline('据新华社电 瑞典王室4日发表声明说,瑞典国王卡尔十六世·古斯塔夫和王后西尔维娅3日晚新冠病毒检测结果呈阳性')).toBe(
      '据新华社电',
    );
  });

  test('本报…电 with the correspondent and 报道: run on, names read', () => {
    const line = corpusLine('rmrb/2001-06-22/rmrb-20010622-1.txt', 3);
    expect(dateline(line)).toBe('本报延安6月21日电记者孟西安报道:');
    expect(matchDateline(m(line))?.names.writers).toEqual(['孟西安']);
  });

  test('本报…电 with the reporters after a space (人民日报 1997-11-17, rmrb.haitun.store)', () => {
    const line =
      '本报大阪11月16日电记者张国成、吴迎春报道:圆满结束对日本的正式友好访问,李鹏总理一行今天下午在日本大阪关西国际机场乘专机回国。';
    expect(dateline(line)).toBe('本报大阪11月16日电记者张国成、吴迎春报道:');
    expect(matchDateline(m(line))?.names.writers).toEqual(['张国成', '吴迎春']);
  });

  test('…电(记者 X) with the reporter in parentheses', () => {
    const line = corpusLine('rmrb/2000-06-16/rmrb-20000616-6.txt', 7);
    expect(dateline(line)).toBe('新华社柏林6月15日电(记者 吕鸿)');
    expect(matchDateline(m(line))?.names.writers).toEqual(['吕鸿']);
  });

  test('no dateline in running text that opens with a word ending in 讯', () => {
    expect(dateline('喜讯传来，全市上下倍受鼓舞。')).toBeNull();
  });

  test('on a line of its own, only a news outlet’s name stands before 讯 or 消息 (交汇点讯), not a phrase that ends in 消息', () => {
    expect(dateline('交汇点讯')).toBe('交汇点讯');
    expect(dateline('扬子晚报网讯')).toBe('扬子晚报网讯');
    expect(dateline('就是人民消息')).toBeNull();
  });
});

describe('bylines (署名)', () => {
  test('·X Y· between dots (南通日报 ·通 平· commentary; the dots mark a pen name)', () => {
    expect(bylineOf(m('·通 平·'))).toEqual({ writers: ['通平'], photographers: [], titles: {} });
  });

  test('(X/文、摄): one person wrote and photographed', () => {
    expect(bylineOf(m(corpusLine('jnwb/2020-12-28/jnwb-20201228-a03.txt', 9)))).toEqual({
      writers: ['陈大春'],
      photographers: ['陈大春'],
      titles: {},
    });
  });

  test('X/文 Y/图 in parentheses, and role-led after the paper’s bullet N', () => {
    expect(bylineOf(m(corpusLine('pdswb/2024-03-11/pdswb-20240311-a08.txt', 13)))).toEqual({
      writers: ['张骞'],
      photographers: ['张梦珠'],
      titles: {},
    });
    expect(bylineOf(m(corpusLine('hxdsb/2015-09-21/hxdsb-20150921-a05.txt', 7)))).toEqual({
      writers: ['李帅'],
      photographers: ['毛朝青'],
      titles: { 李帅: '海都记者', 毛朝青: '海都记者' },
    });
  });

  test('文/图 before the reporter, after a bullet □', () => {
    expect(bylineOf(m(corpusLine('xhab/2025-04-10/xhab-20250410-05.txt', 13)))).toEqual({
      writers: ['梁玉鹏'],
      photographers: ['梁玉鹏'],
      titles: { 梁玉鹏: '本报记者' },
    });
  });

  test('X 报道 after the role word (半岛都市报 2019-08-12; a 摄影报道 credit, 沧州晚报 2023-01-19, czwb.bohaitoday.com content_80104)', () => {
    expect(bylineOf(m(corpusLine('bddsb/2019-08-12/bddsb-20190812-a08.txt', 5)))).toEqual({
      writers: ['张伟'],
      photographers: [],
      titles: { 张伟: '半岛记者' },
    });
    expect(creditOf(m('吕依霖 摄影报道'))?.photographers).toEqual(['吕依霖']);
  });

  test('names alone in parentheses at a brief’s end (news.cnnb.com.cn 2013-10-05; futurebike.cn, a 济南 daily’s brief)', () => {
    // Read on the matching form, where 張 is 张; the item keeps the name as printed (printed-names.ts).
    expect(bylineOf(m('(張永哲)'))).toEqual({ writers: ['张永哲'], photographers: [], titles: {} });
  });

  test('role words of other papers: 海都记者, 郑州晚报记者, 见习记者, 全媒体记者', () => {
    expect(bylineOf(m(corpusLine('hxdsb/2014-08-10/hxdsb-20140810-a05.txt', 3)))?.writers).toEqual(['李帅', '关铭荣', '华真', '刘惠萍']);
    expect(bylineOf(m(corpusLine('zzwb/2013-12-28/zzwb-20131228-t07.txt', 15)))?.writers).toEqual(['吴淑娟', '叶霖']);
    expect(bylineOf(m(corpusLine('tzwb/2019-09-25/tzwb-20190925-04.txt', 5)))).toEqual({
      writers: ['王建成'],
      photographers: ['王建成'],
      titles: { 王建成: '全媒体记者' },
    });
  });

  test('a pupil’s school and class before the name', () => {
    expect(bylineOf(m(corpusLine('jhwb/2023-05-22/jhwb-20230522-b02.txt', 17)))?.writers).toEqual(['翁欣颐']);
  });

  test('a sentence is not a byline', () => {
    expect(bylineOf(m('记者 许丛军摄影作品展今日开幕，欢迎参观'))).toBeNull();
    expect(bylineOf(m('大势已至 乘势而上'))).toBeNull();
  });
});

describe('photo credits (摄影)', () => {
  test('(X 摄) at the end of a caption', () => {
    const line = corpusLine('wxrb/2021-12-09/wxrb-20211209-a05.txt', 3);
    const at = creditStart(m(line));
    expect(at === null ? null : line.slice(at)).toBe('(新宣 摄)');
  });

  test('本报记者 X 摄 at the end of a caption, straight after the stop', () => {
    const line = corpusLine('yarb/2018-06-13/yarb-20180613-04.txt', 3);
    const at = creditStart(m(line));
    expect(at === null ? null : line.slice(at)).toBe('本报记者 肖金雄 摄');
  });

  test('新华社记者 X 摄 at the end of a caption', () => {
    const line = corpusLine('rmrb/2000-06-16/rmrb-20000616-6.txt', 3);
    const at = creditStart(m(line));
    expect(at === null ? null : line.slice(at)).toBe('新华社记者 鞠鹏 摄');
    expect(creditOf(m('新华社记者 鞠鹏 摄'))).toEqual({ writers: [], photographers: ['鞠鹏'], titles: { 鞠鹏: '新华社记者' } });
  });

  test('several photographers in parentheses, and a 拍摄者: label (宁波日报 reposts at news.cnnb.com.cn and hsnews.cnnb.com.cn; 信阳晚报 2019-03-07, wanbao.xyxww.com.cn content_53421)', () => {
    expect(creditOf(m('(施超 杨忠华 丁华 摄)'))?.photographers).toEqual(['施超', '杨忠华', '丁华']);
    expect(creditOf(m('(胡建华 许玉芬 厉娜摄)'))?.photographers).toEqual(['胡建华', '许玉芬', '厉娜']);
    expect(creditOf(m('拍摄者:本报记者 张方志'))?.photographers).toEqual(['张方志']);
  });

  test('a credit for a whole page of photos', () => {
    expect(creditOf(m('本版照片为本报记者孟仁泉、王东 摄'))).toEqual({
      writers: [],
      photographers: ['孟仁泉', '王东'],
      titles: { 孟仁泉: '本报记者', 王东: '本报记者' },
    });
  });

  test('a credit over two lines names both', () => {
    const page = parsed(['加速“过关”', corpusLine('zhjrb/2020-03-26/zhjrb-20200326-00004.txt', 3), '本报记者 董旭明', '拍友 包响亮 摄']);
    expect(page.items.map((i) => [i.kind, i.credit, i.credits])).toEqual([
      ['photo', '本报记者 董旭明 拍友 包响亮 摄', ['董旭明', '包响亮']],
    ]);
  });
});

describe('notes after the story (附注)', () => {
  test('(合作单位:…) after the byline at a paragraph’s end (江海晚报 2024-10-14, zgnt.net/jhwbszb content_186978)', () => {
    const last =
      '【今明后三天天气预报】14日:阴有小到中雨,东到东北风3~4级,气温20℃~25℃;15日:阴有时有小雨,东北风3~4级,气温19℃~22℃;16日:阴到多云,东到东北风3~4级,气温19℃~24℃。记者俞慧娟';
    const page = parsed(['本周阴雨天气将成主角', '晚报讯 昨天起,阳光被厚厚的云层覆盖,偶尔有小雨飘落。', last, '(合作单位:南通市气象局)']);
    expect(page.items).toHaveLength(1);
    expect([page.items[0]?.byline, page.items[0]?.bylines, page.items[0]?.endnotes]).toEqual([
      '记者俞慧娟',
      ['俞慧娟'],
      ['(合作单位:南通市气象局)'],
    ]);
  });

  test('a reader’s tip and its fee, after the story', () => {
    expect(isEndnote(m(corpusLine('hxdsb/2013-12-28/hxdsb-20131228-a08.txt', 17)))).toBe(true);
    expect(isEndnote(m(corpusLine('hxdsb/2015-09-21/hxdsb-20150921-a05.txt', 15)))).toBe(true);
  });

  test('the set formulas (完), (据新华社), (据《人民日报》), (本报综合), and an editors’ note (参考消息 1961-07-01)', () => {
    for (const note of ['(完)', '(据新华社)', '(据《人民日报》)', '(本报综合)']) expect(isEndnote(m(note))).toBe(true);
    expect(isEndnote(m(corpusLine('ckxx/1961-07-01/ckxx-19610701.txt', 9)))).toBe(true);
    expect(endnoteStart(m('增长5%。(据新华社)'))).toBe(5);
  });

  test('a 上接 marker is not a note', () => {
    expect(isEndnote(m('(上接A1版)'))).toBe(false);
  });
});

describe('jumps (转版)', () => {
  test('(上接A1版) at the start, on its own line or opening the text', () => {
    expect(matchJumpFrom(m('（上接A1版）持续深化党建带群建'))).toEqual({ marker: '（上接A1版）', page: 'A1' });
    expect(matchJumpFrom(m('(上接A1版)'))).toEqual({ marker: '（上接A1版）', page: 'A1' });
  });

  test('(下转A6版) at the end, even after a comma (南通日报 2024-01, an A1 story’s copy), and 下转第五版 (滁州日报 2020-01-07), a numeral read as the page’s digits', () => {
    expect(matchJumpTo(m('落户, (下转A6版)'))?.page).toBe('A6');
    expect(matchJumpTo(m('(下转第五版)'))?.page).toBe('5');
    expect(matchJumpTo(m('(下转第三版)'))?.page).toBe('3'); // 滨州日报 2022-12-28 01版
    expect(matchJumpTo(m('(下转第十二版)'))?.page).toBe('12');
    expect(matchJumpTo(m('（转载）'))).toBeNull();
  });
});

describe('paragraph ends', () => {
  test('a paragraph ending in a colon before a list ends there', () => {
    const line = corpusLine('rmrb/1981-06-01/rmrb-19810601-6.txt', 3);
    expect(endsParagraph(m(line))).toBe(true);
    expect(endsSentence(m(line))).toBe(false);
  });

  test('a headline ending in ? is a display line, not a sentence that splits a story', () => {
    const page = parsed(readFileSync(`${CORPUS}/qlwb/2011-07-05/qlwb-20110705.txt`, 'utf8').split('\n\n'));
    expect(page.items.map((i) => i.headline)).toEqual(['请问:上厕所谁顾得上看电视?']);
  });
});

/** A whole page of the corpus, parsed with every character accounted for. */
const corpusPage = (page: string) => parsed(readFileSync(`${CORPUS}/${page}`, 'utf8').split('\n\n'));

describe('conventions first met in stories collected after the parser was written', () => {
  test('新民晚报’s >>4版 continues a story on page 4', () => {
    expect(matchJumpTo(m('>>4版'))?.page).toBe('4');
    expect(corpusPage('xmwb/2022-05-22/xmwb-20220522-01.txt').items.map((i) => i.continuesOn)).toEqual(['4']);
  });

  test('a paragraph ending in a semicolon goes on after a column break, a list item does not', () => {
    const item = corpusPage('xmwb/2022-05-22/xmwb-20220522-01.txt').items[0];
    expect(item?.body.at(-1)?.lines).toEqual([17, 19]);
    expect(endsParagraph(m('一是加快项目建设;'))).toBe(true);
  });

  test('a line that opens with when and tells the news is the 引题 over a catchy 主题', () => {
    const item = corpusPage('xmwb/2022-05-22/xmwb-20220522-01.txt').items[0];
    expect([item?.kicker, item?.headline]).toEqual(['今天,上海4条轨交线和273条公交线恢复运营', '复工的返乡的,步入洒满阳光的车厢']);
  });

  test('a photo printed at a story’s top, its credit at the caption’s end, leaves the story a story', () => {
    const item = corpusPage('xmwb/2022-05-22/xmwb-20220522-01.txt').items[0];
    expect([item?.kind, item?.credit, item?.body.filter((b) => b.type === 'subhead').map((b) => b.text)]).toEqual([
      'story',
      '本报记者 陈梦泽 摄',
      ['公交', '轨交'],
    ]);
  });

  test('a titled photo story whose credit ends it is a photo (工人日报 2022-12-01)', () => {
    expect(corpusPage('grrb/2022-12-01/grrb-20221201-04.txt').items.map((i) => [i.kind, i.credits])).toEqual([['photo', ['方喆']]]);
  });

  test('numbered captions under the display lines are text, not display lines (新民晚报 2022-05-28)', () => {
    const item = corpusPage('xmwb/2022-05-28/xmwb-20220528-01.txt').items[0];
    expect([item?.kicker, item?.headline, item?.body[0]?.text]).toEqual([
      '上午,记者在奉贤看到市民生活如往昔',
      '相信上海不久会恢复热闹',
      '①不少奉贤居民趁周末到“上海之鱼”泡泡公园内游玩',
    ]);
  });

  test('a reader’s signature under a letter’s title: a pen name and where the reader lives', () => {
    const item = corpusPage('qlwb/2014-07-31/qlwb-20140731-j02.txt').items[0];
    expect([item?.headline, item?.byline, item?.bylines]).toEqual(['期待新桥片区改变', '大地(芝罘区)', ['大地']]);
  });

  test('a name after a role word needs no surname from the table (记者 毓洛)', () => {
    expect(bylineOf(m(corpusLine('xnwb/2024-01-19/xnwb-20240119-a10.txt', 13)))).toEqual({
      writers: ['毓洛'],
      photographers: [],
      titles: { 毓洛: '记者' },
    });
  });

  test('names set on the line under a 电头 are the dateline’s', () => {
    const item = corpusPage('zhjrb/2014-04-25/zhjrb-20140425-00013.txt').items[0];
    expect([item?.dateline, item?.byline, item?.bylines]).toEqual([
      '本报杭州4月24日讯 记者 石天星 通讯员 余文冲',
      null,
      ['石天星', '余文冲'],
    ]);
  });

  test('a wire service’s tag after a photo story, (新华)', () => {
    expect(isEndnote(m(corpusLine('ssrb/2025-05-28/ssrb-20250528-03.txt', 7)))).toBe(true);
  });
});

describe('conventions first met in the second set collected after the parser was written', () => {
  test('a paper and its website share a 讯 (滨州日报/滨州网讯), the names in it run together', () => {
    const line = corpusLine('bzrb/2019-01-03/bzrb-20190103-03.txt', 3);
    const found = matchDateline(m(line));
    expect(dateline(line)).toBe('滨州日报/滨州网讯(记者董锋磊通讯员孔凡华报道)');
    expect(found?.names.writers).toEqual(['董锋磊', '孔凡华']);
    expect(dateline('滨州日报/滨州网发布消息,提醒市民注意防暑。')).toBeNull();
  });

  test('names printed without a space after a role word are read apart by their surnames', () => {
    expect(segmentNames('王娟王文哲')).toEqual(['王娟', '王文哲']);
    expect(segmentNames('吴绮敏罗观星')).toEqual(['吴绮敏', '罗观星']);
    expect(segmentNames('高质量发展')).toBeNull();
    expect(creditOf(m(corpusLine('bzrb/2021-10-28/bzrb-20211028-04.txt', 9)))?.photographers).toEqual(['王娟', '王文哲']);
    expect(bylineOf(m('记者王健通讯员李明'))).toEqual({
      writers: ['王健', '李明'],
      photographers: [],
      titles: { 王健: '记者', 李明: '通讯员' },
    });
  });

  test('a bullet before a credit stays with the credit (聊城日报 2023-09-22, a 新华社 photo)', () => {
    const line = m(corpusLine('lcrb/2023-09-22/lcrb-20230922.txt', 5));
    const start = creditStart(line);
    expect(start === null ? null : line.slice(start)).toBe('■ 新华社记者 王松 摄');
  });

  test('a reader’s letter signed □name(occupation) at the end of its last paragraph, then the next letter (新京报 2015-08-25)', () => {
    const page = corpusPage('xjb/2015-08-25/xjb-20150825-a02.txt');
    expect(page.items.map((i) => [i.headline, i.byline, i.bylines])).toEqual([
      ['梧桐苑979路公交何时开通', '□鲁永松(职员)', ['鲁永松']],
      ['地锁成排占道该拆则拆', '□卿连成(市民)', ['卿连成']],
    ]);
  });

  test('a private-use character an e-paper’s font draws as a bullet marks a byline (枣庄晚报 2013-08-19)', () => {
    const item = corpusPage('zzhwb/2013-08-19/zzhwb-20130819-02.txt').items[0];
    expect([item?.headline, item?.bylines]).toEqual(['公共场合蹭凉请多点公德意识', ['侯敬方']]);
  });

  test('X 文  Y 绘: a writer and an artist with spaces, where X 摄 alone stays a credit (宁波日报 2016-09-28)', () => {
    expect(bylineOf(m(corpusLine('nbrb/2016-09-28/nbrb-20160928-a10.txt', 23)))).toEqual({
      writers: ['朱晨凯'],
      photographers: ['王成喜'],
      titles: {},
    });
    expect(bylineOf(m(corpusLine('zjfzb/2005-10-11/zjfzb-20051011-2.txt', 3)))).toBeNull();
  });

  test('a line listing who spoke, presided and attended is a meeting report’s 副题 (滨州日报 2022-12-28)', () => {
    const item = corpusPage('bzrb/2022-12-28/bzrb-20221228-01.txt').items[0];
    expect([item?.kicker, item?.headline, item?.subtitle?.slice(0, 13), item?.continuesOn]).toEqual([
      null,
      '市政协十二届二次会议隆重开幕',
      '宋永祥讲话李春田梁金光出席',
      '3',
    ]);
  });

  test('据新华社 on a line after the story is a note where it came from, 据了解 opens a sentence', () => {
    expect(isEndnote(m(corpusLine('qlwb/2025-04-29/qlwb-20250429.txt', 9)))).toBe(true);
    expect(isEndnote('据了解')).toBe(false);
  });

  test('photo stories: a credit run into the last caption, a 摄影报道, a credit set under the title', () => {
    for (const page of [
      'bzrb/2018-07-30/bzrb-20180730-03.txt',
      'qlwb/2018-09-04/qlwb-20180904-r04.txt',
      'zjfzb/2005-10-11/zjfzb-20051011-2.txt',
    ]) {
      expect(corpusPage(page).items.map((i) => i.kind)).toEqual(['photo']);
    }
  });

  test('a line ending in a comma goes on after a column break though the next holds 图为 (延安日报 2017-07-10)', () => {
    const page = corpusPage('yarb/2017-07-10/yarb-20170710-01.txt');
    expect(page.items.map((i) => [i.kind, i.body.length, i.credits])).toEqual([['photo', 1, ['申宇']]]);
  });

  test('a full-width slash reads as a slash', () => {
    expect(bylineOf(m('文／张三 图／李四'))).toEqual({ writers: ['张三'], photographers: ['李四'], titles: {} });
  });
});

describe('conventions first met in the third set collected after the parser was written: pages of several stories', () => {
  test('under a column label of briefs (短讯), every short line after a brief’s text heads the next brief (人民日报 1994-10-21)', () => {
    const page = corpusPage('rmrb/1994-10-21/rmrb-19941021-6.txt');
    expect(page.items.map((i) => [i.column, i.headline, i.body.filter((b) => b.type === 'subhead').length])).toEqual([
      ['短讯', '菲纪念莱特岛登陆50周年', 0],
      [null, '马其顿选举初步揭晓', 0],
      [null, '尼日尔年底将再次选举', 0],
      [null, '玻前总统将被引渡回国', 0],
      [null, '两名外国人在阿被暗杀', 0],
    ]);
  });

  test('a plain short line that would be a story’s only subhead heads the next story (人民日报 2001-12-25, 沧州晚报 2022-01-19)', () => {
    expect(corpusPage('rmrb/2001-12-25/rmrb-20011225-3.txt').items.map((i) => i.headline)).toEqual([
      '英不赞同对伊采取行动',
      '佩雷斯要求沙龙支持与巴接触',
      '杜斯塔姆出任阿副防长',
    ]);
    expect(corpusPage('czwb/2022-01-19/czwb-20220119.txt').items.map((i) => [i.headline, i.endnotes])).toEqual([
      ['单元楼口常有宠物粪便', []],
      ['机动车挤占非机动车道', ['(本栏目稿件由张婧整理)']],
    ]);
  });

  test('subheads a story sets more than once stay subheads (南通日报 2024-01-24 A2, the seed)', () => {
    const seed = parsePage(readFileSync('content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt', 'utf8'));
    expect(seed.items[0]?.body.filter((b) => b.type === 'subhead').map((b) => b.text)).toEqual([
      '大势已至 乘势而上',
      '紧密协同 深度融合',
      '跨江向海 拥抱未来',
    ]);
  });

  test('two names run together in parentheses at a paragraph’s end are the byline (人民日报 1999-08-28)', () => {
    expect(bylineOf(m('(孟西安祁鸿斌)'))).toEqual({ writers: ['孟西安', '祁鸿斌'], photographers: [], titles: {} });
    expect(corpusPage('rmrb/1999-08-28/rmrb-19990828-4.txt').items.map((i) => i.bylines)).toEqual([
      ['孟西安', '祁鸿斌'],
      ['黄华', '郝志华'],
    ]);
  });

  test('a source run in after a bullet at a caption’s end is a note (三峡晚报 2020-03-24)', () => {
    const line = m(corpusLine('scxb/2020-03-24/scxb-20200324.txt', 3));
    const start = endnoteStart(line);
    expect(start === null ? null : line.slice(start)).toBe('□ 据新华社');
  });
});

describe('conventions first met in fresh batch 5 (人民日报 runs of briefs, 1980–1990)', () => {
  test('an agency’s bare name in parentheses on a line after a brief is its source, not a photo credit (人民日报 1990-09-04, 新闻简报)', () => {
    const line = corpusLine('rmrb/1990-09-04/rmrb-19900904-1.txt', 7);
    expect(line).toBe('(新华社)');
    expect(creditOf(m(line))).toBeNull();
    expect(isEndnote(m(line))).toBe(true);
    expect(corpusPage('rmrb/1990-09-04/rmrb-19900904-1.txt').items.map((i) => [i.kind, i.credit, i.endnotes])).toEqual([
      ['story', null, ['(新华社)']],
      ['story', null, ['(新华社)']],
      ['story', null, ['(新华社)']],
      ['story', null, ['(新华社)']],
    ]);
    // A photo's credit naming the agency keeps its reading.
    expect(creditOf(m('新华社发'))?.photographers).toEqual([]);
  });

  test('a full headline after a brief’s one paragraph heads the next brief, whatever the column label (人民日报 1987-08-01, 神州大地)', () => {
    expect(corpusPage('rmrb/1987-08-01/rmrb-19870801-1.txt').items.map((i) => [i.column, i.headline, i.body.length])).toEqual([
      ['神州大地', '中美合作生产首架飞机交付使用', 1],
      [null, '合肥至上海开行特快“豪华列车”', 1],
      [null, '文明青藏公路运输线纪念碑揭幕', 1],
      [null, '大连向巴基斯坦出口油水补给船', 2],
    ]);
  });
});

describe('conventions first met in fresh batch 7 (runs of briefs of 参考消息, 工人日报, 陕西工人报 and 人民日报, 1987–2008)', () => {
  test('paragraphs that each open with the same bullet are briefs of their own, under a short line that is their column label (陕西工人报 1987-06-06)', () => {
    const page = corpusPage('sxgrb/1987-06-06/sxgrb-19870606.txt');
    expect(page.items.map((i) => [i.column, i.headline, i.byline])).toEqual([
      ['工会动态', null, '(牛全海)'],
      [null, null, '(刘兴芳)'],
      [null, null, '(刘生来)'],
      [null, null, '(炳坤 忠斌)'],
      [null, null, '(郭绍英黄旭)'],
      [null, null, '(郭远慈 包如新)'],
      [null, null, '(刘文)'],
    ]);
    expect(page.items[3]?.bylines).toEqual(['炳坤', '忠斌']);
  });

  test('bulleted captions that end in the photographer’s credit stay one photo story (西海岸报 2025-04-10)', () => {
    const page = parsePage(readFileSync(`${CORPUS}/xhab/2025-04-10/xhab-20250410-05.txt`, 'utf8'));
    expect(page.items.map((i) => [i.headline, i.credits])).toEqual([['花开满城', ['梁玉鹏']]]);
  });

  test('the body that sent a brief, in parentheses on a line under it, signs it (陕西工人报 1990-06-19)', () => {
    const line = corpusLine('sxgrb/1990-06-19/sxgrb-19900619.txt', 9);
    expect(line).toBe('(宝鸡县总工会)');
    expect(signedInParens(m(line))).toEqual(['宝鸡县总工会']);
    expect(signedInParens(m('(待续)'))).toBeNull();
    const item = corpusPage('sxgrb/1990-06-19/sxgrb-19900619.txt').items[1];
    expect([item?.byline, item?.bylines]).toEqual(['(宝鸡县总工会)', ['宝鸡县总工会']]);
  });

  test('a line naming only a place over a brief’s headline is its 引题 (工人日报 2008-11-25, ■信息)', () => {
    expect(isPlaceLine(m(corpusLine('grrb/2008-11-25/grrb-20081125-005.txt', 3)))).toBe(true);
    expect(isPlaceLine('江苏召开会议')).toBe(false);
    expect(corpusPage('grrb/2008-11-25/grrb-20081125-005.txt').items.map((i) => [i.kicker, i.headline, i.bylines])).toEqual([
      ['湖南岳阳', '艺术节请劳模坐前排', ['晓溪']],
      ['浙江舟山', '劳模体验“乡村游”', expect.any(Array)],
      ['湖北武汉', '明年评劳模500名', expect.any(Array)],
    ]);
  });

  test('a foreign agency’s name in parentheses at a brief’s end is its source (参考消息 1997-10-27: (俄通社|塔斯社))', () => {
    const line = m(corpusLine('ckxx/1997-10-27/ckxx-19971027-1.txt', 15));
    const start = endnoteStart(line);
    expect(start === null ? null : line.slice(start)).toBe('（俄通社|塔斯社）');
  });
});

describe('conventions first met in fresh batch 8 (参考消息 briefs and 人民日报, 1997–2002)', () => {
  test('any short agency name ending in 社 in parentheses at a brief’s end is its source (参考消息 1999-02-11: (俄塔社))', () => {
    const line = m(corpusLine('ckxx/1999-02-11/ckxx-19990211-1.txt', 15));
    const start = endnoteStart(line);
    expect(start === null ? null : line.slice(start)).toBe('（俄塔社）');
    expect(isEndnote('（埃菲社）')).toBe(true);
    expect(creditOf('（朝中社）')).toBeNull();
  });

  test('a 电头 may give the year of its date (人民日报 2002-01-01: 本报北京2001年12月31日讯)', () => {
    expect(dateline(corpusLine('rmrb/2002-01-01/rmrb-20020101-2.txt', 3))).toBe('本报北京2001年12月31日讯');
  });

  test('a two-character name set with a space between signs a brief in parentheses (人民日报 2002-01-01: (北 文))', () => {
    expect(signedInParens(m('(北 文)'))).toEqual(['北文']);
  });

  test('a short caption saying where and on which day, with its credit, after a story with a 电头 is a photo of its own (人民日报 2002-01-01)', () => {
    expect(corpusPage('rmrb/2002-01-01/rmrb-20020101-2.txt').items.map((i) => [i.kind, i.headline, i.credits])).toEqual([
      ['story', '文化科普杂志《文明》在京创刊', []],
      ['story', '汽柴油今起降价', []],
      ['photo', null, ['刘龙']],
    ]);
  });
});

describe('conventions first met in fresh batch 6 (陕西工人报 briefs, 1986)', () => {
  test('on a page of briefs each signed in parentheses at its end, a signature ends its brief wherever it stands (陕西工人报 1986-04-04)', () => {
    expect(corpusPage('sxgrb/1986-04-04/sxgrb-19860404.txt').items.map((i) => [i.byline, i.bylines])).toEqual([
      ['(唐言)', ['唐言']],
      ['(长河)', ['长河']],
      ['(爱莲、沈平)', ['爱莲', '沈平']],
    ]);
  });
});

describe('conventions first met in fresh batch 11 (e-paper photo stories, 2012–2025)', () => {
  test('a contract photographer’s credit at a caption’s end names the photographer (荆州日报 2024-11-26: (荆州日报签约摄影师 肖杨 摄))', () => {
    expect(creditOf(m('(荆州日报签约摄影师 肖杨 摄)'))?.photographers).toEqual(['肖杨']);
  });

  test('a photo feature’s nine captions, its 文/图 byline and then its text are one story (荆州日报 2024-11-26, 醉美荆秋)', () => {
    const page = corpusPage('jzrb/2024-11-26/jzrb-20241126-a008.txt');
    expect(page.items.map((i) => [i.kind, i.headline, i.body.length, i.credits])).toEqual([
      ['story', '醉美荆秋', 12, ['肖杨', '潘路', '梅闻', '张梦瑶', '肖琦']],
    ]);
  });
});

describe('conventions first met in fresh batch 12 (参考消息 briefs 1991–1997, 人民日报 1964)', () => {
  test('a brief’s headline may list with 、 and still heads the next brief (参考消息 1991-11-18: 布什可能于今年底或明年一月访问日本、南朝鲜、新加坡和澳大利亚)', () => {
    const page = corpusPage('ckxx/1991-11-18/ckxx-19911118-1.txt');
    expect(corpusLine('ckxx/1991-11-18/ckxx-19911118-1.txt', 17)).toBe('布什可能于今年底或明年一月访问日本、南朝鲜、新加坡和澳大利亚');
    expect(page.items.map((i) => i.headline).slice(3, 6)).toEqual([
      '越南欢迎西哈努克返回国内',
      '布什可能于今年底或明年一月访问日本、南朝鲜、新加坡和澳大利亚',
      '印度各邦十六日进行补缺选举',
    ]);
    expect(page.items[4]?.body.map((b) => b.text)).toEqual(['路透社报道,这是白宫发言人菲茨沃特十五日宣布的。']);
  });

  test('a caption naming whom the story above names is that story’s photo, with its credit (人民日报 1964-11-07: 图为林枫副委员长同…)', () => {
    const page = corpusPage('rmrb/1964-11-07/rmrb-19641107-5.txt');
    expect(page.items.map((i) => [i.kind, i.headline, i.credit])).toEqual([
      ['story', '美国悍然宣布本月底前将派核潜艇驻日', null],
      ['story', '林枫副委员长接见乌拉圭客人', '新华社记者 张彬摄'],
    ]);
    expect(page.items[1]?.body.at(-1)?.text).toBe('图为林枫副委员长同乌拉圭参议员路易斯·特罗科利(左一)和夫人交谈。');
  });
});

describe('a second report run into a story (又讯), from stored copies of city papers', () => {
  // 新京报 2017-02-27, e-paper content_672672 (环保部部长带队督查石家庄空气质量), as a public data file on GitHub quotes it.
  const bjnews = [
    '环保部部长带队督查石家庄空气质量',
    '新京报讯 (记者王硕)24日，环保部部长陈吉宁赴河北省石家庄市开展2017年第一季度空气质量专项督查。',
    '又讯 据新华社电 环保部正在对京津冀及周边区域18个城市进行2017年第一季度空气质量专项督查，并继续加大暗查夜查力度。',
    '赴现场检查的督查人员26日介绍，这家企业违规建设燃煤锅炉，锅炉房已于2月21日被当地复兴区环保局查封。',
  ];
  // 苍南 county news of 2011-03-17 (食盐库存充足 抢购没有必要), as a public data file on GitHub stores it.
  const cangnan =
    '又讯 （记者 董少芬 冯瑞元）面对盐荒闹剧，县盐务管理局局长郑恩合说：“其实大可不必抢购食用盐，我县碘盐库存充足，市场供应稳定。”';

  test('又讯 never opens a story as a 电头 does', () => {
    expect(matchDateline(m(bjnews[2] ?? ''))).toBeNull();
    expect(matchDateline(m(cangnan))).toBeNull();
  });

  test('the second report stays a paragraph of the story, its own 电头 (据新华社电) left in its text', () => {
    const page = parsed(bjnews);
    expect(page.items.map((i) => [i.headline, i.dateline, i.bylines, i.body.map((b) => b.text)])).toEqual([
      [
        '环保部部长带队督查石家庄空气质量',
        '新京报讯 (记者王硕)',
        ['王硕'],
        [(bjnews[1] ?? '').slice('新京报讯 (记者王硕)'.length), bjnews[2], bjnews[3]],
      ],
    ]);
  });

  test('the writers a second report names in parentheses are the story’s writers too, and its text is kept whole', () => {
    const page = parsed([
      '我县全力保障食盐市场供应',
      '会议还强调，将严厉打击囤积居奇、哄抬盐价的违法行为，确保广大群众正常生活秩序。',
      cangnan,
    ]);
    expect(page.items.map((i) => [i.bylines, i.titles, i.body.at(-1)?.text])).toEqual([
      [['董少芬', '冯瑞元'], { 董少芬: '记者', 冯瑞元: '记者' }, cangnan],
    ]);
  });
});

describe('bracket datelines and headings of 人民日报 1949–1950 and Hong Kong papers (stored transcriptions)', () => {
  test('a source of any name in 【】 run into the text is a 电头; a label over briefs is not', () => {
    // 人民日报 1949-11-22 p4 (rmrb.online), 1950-12-31 p3 (rmrb.online); 明報 2018-12-17 and 成報 2018-08-02 (ayltai/hknews-backend test data).
    expect(dateline('【北京讯】为纪念世界青年日及世界学生周的首都青年半日义务劳动,廿日继续在原地进行,')).toBe('【北京讯】');
    expect(
      dateline('【京市新闻处讯】北京市第二届第四次各界人民代表会议通过《关于北京市第三届各界人民代表会议代表产生办法的决议》,全文如下:'),
    ).toBe('【京市新闻处讯】');
    expect(dateline('【明報專訊】深水埗福榮街周六（15日）發生天降鈔票事件，')).toBe('【明報專訊】');
    expect(dateline('【本報港聞部報道】輕鐵綫屯門泳池站沉降問題至少持續八個月，')).toBe('【本報港聞部報道】');
    expect(dateline('【简讯】市总工会举行劳模迎新活动')).toBeNull();
    expect(dateline('【短訊】男籃銀牌賽今演負方賽事')).toBeNull();
  });

  test('a sentence set between the display lines and the 电头 is a display line, noted as one that could be the text (人民日报 1949-09-23 p4, 1950-06-18 p1)', () => {
    const page = parsed([
      '人民政协第一届全国委员会二次会议第四日',
      '郭沫若沈钧儒报告文教和法院工作',
      '大会进入讨论阶段,李济深张澜黄炎培习仲勋发言,对各项报告一致表示满意。',
      '【新华社十七日讯】人民政协第一届全国委员会第二次会议今日上午继续分组讨论土地改革问题。',
    ]);
    expect(page.items.map((i) => [i.subtitle, i.dateline])).toEqual([
      ['大会进入讨论阶段,李济深张澜黄炎培习仲勋发言,对各项报告一致表示满意。', '【新华社十七日讯】'],
    ]);
    expect(page.items[0]?.notes.map((n) => n.line)).toContain(5);
    const other = parsed([
      '工人纷纷举行庆祝会',
      '工人阶级领导的全国政权出现了,我们要加紧生产,建设它,巩固它。',
      '【本报讯】北平各界人民欢庆人民政协的开幕。',
    ]);
    expect(other.items.map((i) => [i.headline, i.subtitle, i.dateline])).toEqual([
      ['工人纷纷举行庆祝会', '工人阶级领导的全国政权出现了,我们要加紧生产,建设它,巩固它。', '【本报讯】'],
    ]);
  });

  test('two reports under one heading, each opening with the same wire 电头, are one item (人民日报 1949-02-26 p1, cn.govopendata.com)', () => {
    const page = parsed([
      '颜惠庆邵力子等四氏抵石家庄',
      '毛主席周恩来将军予以接见',
      '傅作义邓宝珊同来接洽公务',
      '【新华社石家庄二十四日电】以私人资格访问北平之颜惠庆,邵力子,章士钊,江庸四氏,二十二日由北平飞抵石家庄,当被中共毛泽东主席与周恩来将军接见,对于和平谈判及南北通航通邮诸项问题,广泛地交换了意见。二十四日四氏由石家庄飞返北平。',
      '【新华社石家庄二十四日电】傅作义邓宝珊两将军,二十二日与颜惠庆邵力子诸氏同机到石家庄,向中共中央诸领袖接洽公务。二十四日与颜邵等同机返北平。',
    ]);
    expect(page.items.map((i) => [i.dateline, i.body.length, i.body[1]?.text.slice(0, 13)])).toEqual([
      ['【新华社石家庄二十四日电】', 2, '【新华社石家庄二十四日电】'],
    ]);
  });
});

describe('a photo page whose captions carry a reporter’s 报道 (半岛都市报 2019-08-12 A08, bddsb.bandao.cn)', () => {
  const PAGE = 'bddsb/2019-08-12/bddsb-20190812-a08.txt';

  test('the 报道 run on after a caption’s last sentence is found where it begins', () => {
    const line = corpusLine(PAGE, 11);
    expect(line.slice(reportStart(m(line)) ?? 0)).toBe('半岛记者 何毅 报道');
    expect(reportStart(m('民警在现场拉起了警戒线，半岛记者 何毅 报道'))).toBeNull();
  });

  test('in a photo group, each 报道 names the photographers of its caption, on its own line or run on', () => {
    const text = readFileSync(`${CORPUS}/${PAGE}`, 'utf8');
    const page = parsePage(text, [{ line: 1, text: '有你们,城市安心', photos: 17 }]);
    expect(page.items.map((i) => [i.kind, i.credits, i.bylines])).toEqual([['photo', ['张伟', '何毅', '王滨'], []]]);
    expect(page.items[0]?.body.at(-1)?.text).toBe('8月11日,一名外卖小哥冒雨送餐。');
  });
});
