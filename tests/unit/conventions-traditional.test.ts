import { describe, expect, test } from 'vitest';
import { matchDateline } from '../../src/archive/conventions/datelines.ts';
import { matchingForm } from '../../src/archive/conventions/width.ts';
import { parsedLines } from '../support/parse-lines.ts';

/**
 * Conventions as Hong Kong and Macau papers print them, in traditional
 * characters, with the real lines of the pages collected for them (the
 * fourth held-out set, now in tests/fixtures/real-pages). A traditional
 * character is read as its simplified one for matching only: what the
 * archive keeps is the printed text.
 */

describe('the matching form of traditional text', () => {
  test('reads 記者 as 记者, one character for one, so offsets stay', () => {
    const printed = '香港文匯報訊(記者 鄭治祖)國務院總理李克強';
    const form = matchingForm(printed);
    expect(form).toBe('香港文汇报讯（记者 郑治祖）国务院总理李克强');
    expect(form.length).toBe(printed.length);
  });

  test('leaves simplified text and letters as they are', () => {
    expect(matchingForm('本报讯 记者罗昆娅报道 10月19日晚')).toBe('本报讯 记者罗昆娅报道 10月19日晚');
  });
});

describe('names are kept as printed', () => {
  test('香港文匯報訊(記者 鄭治祖): the writer is 鄭治祖, not 郑治祖 (香港文匯報 2017-03-06)', () => {
    const [item] = parsedLines([
      '「港獨」趨表面化 梁振英:須續警惕',
      '香港文匯報訊(記者 鄭治祖)國務院總理李克強在政府工作報告中,首次將反對「港獨」寫入報告內。',
    ]).items;
    expect(item?.dateline).toBe('香港文匯報訊(記者 鄭治祖)');
    expect(item?.bylines).toEqual(['鄭治祖']);
    expect(item?.body[0]?.text).toBe('國務院總理李克強在政府工作報告中,首次將反對「港獨」寫入報告內。');
  });

  test('a paper’s own name before 訊 is a dateline (matchDateline on the matching form)', () => {
    expect(matchDateline(matchingForm('香港文匯報訊(記者 鄭治祖)國務院'))?.length).toBe('香港文匯報訊(記者 鄭治祖)'.length);
  });
});

describe('datelines of a paper’s own news', () => {
  const dateline = (line: string): string | null => {
    const found = matchDateline(matchingForm(line));
    return found ? line.slice(0, found.length) : null;
  };

  test('【本報消息】 and 【特訊】 run into the text (澳門日報 2022-11-01, 正報 2010-01-13)', () => {
    expect(dateline('【本報消息】二○二二本地籃球聯賽原定今晚假塔石體育館開鑼,並上演兩場高級組賽事,班霸福建、翱翔、')).toBe('【本報消息】');
    expect(dateline('【特訊】澳門中華教育會康樂部主辦2011年全澳教師足球賽於今(13)日假關閘工人體育場響鑼,')).toBe('【特訊】');
  });

  test('a column label of briefs in 【】 is no dateline (香港文匯報 2017-03-24)', () => {
    expect(dateline('【短訊】男籃銀牌賽今演負方賽事')).toBeNull();
  });

  test('本报讯 记者X报道, then the text after a space (昆明日报 2025-10-20)', () => {
    const line = '本报讯 记者罗昆娅报道 10月19日晚,昆明市第十三届少数民族传统体育运动会在寻甸县体育中心开幕。';
    expect(dateline(line)).toBe('本报讯 记者罗昆娅报道');
    expect(matchDateline(matchingForm(line))?.names.writers).toEqual(['罗昆娅']);
  });

  test('a story’s text after 本报讯 that merely mentions 报道 keeps it', () => {
    expect(dateline('本报讯 据媒体报道 近日，某地发生一起事故。')).toBe('本报讯');
  });
});

describe('photo credits run into a caption or under it', () => {
  test('an agency after the caption and a space: 路透社 (香港文匯報 2016-12-12)', () => {
    const [item] = parsedLines([
      '世冠盃',
      '日職冠軍鹿島鹿角昨晚以東道主身份出戰世冠盃半準決賽,在日職冠軍戰起孖的金崎夢生(右)又立功,助鹿角贏南非馬姆洛迪辛當斯2:0,4強會鬥哥倫比亞的國民體育會。 路透社',
    ]).items;
    expect(item?.kind).toBe('photo');
    expect(item?.credit).toBe('路透社');
    expect(item?.credits).toEqual([]);
  });

  test('X攝 straight after the caption’s last sentence, the name kept as printed (蘋果日報 2011-03-01)', () => {
    const [item] = parsedLines(['僅勝', '以2:1獲勝。圖為港隊張國明(紅衫)力阻流浪門將曾文輝接球。曾雁平攝']).items;
    expect(item?.kind).toBe('photo');
    expect(item?.credit).toBe('曾雁平攝');
    expect(item?.credits).toEqual(['曾雁平']);
  });

  test('漫画:X under an editorial cartoon’s text (中国青年报 2012-10-26)', () => {
    const [item] = parsedLines([
      '建设新村的工人建设情景铜雕像都出现缺损,有些雕塑的介绍铭牌也不翼而飞。(《新快报》10月23日)',
      '漫画:徐简',
    ]).items;
    expect(item?.kind).toBe('photo');
    expect(item?.credit).toBe('漫画:徐简');
    expect(item?.credits).toEqual(['徐简']);
  });
});

describe('signatures run into the last paragraph', () => {
  test('■記者 X after the last sentence (香港文匯報 2017-03-24)', () => {
    const [item] = parsedLines([
      '男籃銀牌賽今演負方賽事',
      '飛鷹上仗則以80:82惜負南青,今晚雙方實力接近,且看能否打開勝利之門。■記者 陳曉莉',
    ]).items;
    expect(item?.byline).toBe('■記者 陳曉莉');
    expect(item?.bylines).toEqual(['陳曉莉']);
  });

  test('a reader’s place and name: 南京读者 朱红 (现代快报 2014-09-15)', () => {
    const [item] = parsedLines([
      '一位南京普通市民的“青奥观”',
      '但总的来说,青奥会留给普通市民的,应该说收获大于争议、“遗产”多于“遗憾”。这是一个南京普通市民的真实感受。南京读者 朱红',
    ]).items;
    expect(item?.byline).toBe('南京读者 朱红');
    expect(item?.bylines).toEqual(['朱红']);
  });

  test('a name after a wide space (钱江晚报 2006-12-08), but not one after a single space', () => {
    const signed = '劲敌来了,“独孤求败”的中国军团该兴奋起来了吧?  王涛';
    expect(parsedLines(['澳大利亚加入有何不好?', signed]).items[0]?.bylines).toEqual(['王涛']);
    expect(parsedLines(['澳大利亚加入有何不好?', signed.replace('  ', ' ')]).items[0]?.bylines).toEqual([]);
  });
});

describe('a column label run into the headline’s line', () => {
  test('【短訊】男籃… is the label 【短訊】 and the 主题 after it (香港文匯報 2017-03-24)', () => {
    const [item] = parsedLines([
      '【短訊】男籃銀牌賽今演負方賽事',
      '2017年度香港銀牌籃球賽男子高級組賽事今晚假修頓室內體育館上演兩場負方賽事,頭場晚上7時正展開,由標準福建對飛鷹,尾場8時40分角逐。',
    ]).items;
    expect(item?.column).toBe('【短訊】');
    expect(item?.headline).toBe('男籃銀牌賽今演負方賽事');
  });

  test('a bracketed word that is no column label stays in the headline', () => {
    const [item] = parsedLines([
      '【獨家】港隊破哈薩克保世盃望',
      '港隊昨日在港會舉行的欖球賽主場迎戰去屆亞軍哈薩克,結果以19:15勝出。',
    ]).items;
    expect(item?.column).toBeNull();
    expect(item?.headline).toBe('【獨家】港隊破哈薩克保世盃望');
  });
});
