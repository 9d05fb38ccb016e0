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

const parsed = parsedLines;

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
    const [item] = parsed([
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
