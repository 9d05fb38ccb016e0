import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkCorrections } from '../../src/archive/corrections.ts';
import { DOUBTS } from '../../src/archive/doubts.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import { readCorpus } from '../support/gold-corpus.ts';

/**
 * Readings the text leaves open are noted, each with the correction that
 * reads its line the other way, so that a wrong reading is never silent.
 * Each case is a real page of the corpus that the parser alone reads wrong,
 * with the line the paper printed; its gold says what the paper meant.
 */

const page = (path: string): string => readFileSync(`tests/fixtures/real-pages/pages/${path}`, 'utf8');
const doubtsOn = (text: string, id: string) =>
  parsePage(text)
    .items.flatMap((i) => i.notes)
    .filter((n) => n.doubt === id);

describe('doubts', () => {
  test('a short text opening with its date and crediting no photographer may be a caption (四川新闻网 新华社 photos, 2020-03-24)', () => {
    const text = page('scxb/2020-03-24/scxb-20200324.txt');
    const notes = doubtsOn(text, 'caption-or-story');
    expect(notes.map((n) => [n.line, n.fix?.role])).toEqual([
      [3, 'caption'],
      [7, 'caption'],
      [11, 'caption'],
    ]);
    // The correction it offers reads the item as the photo the paper printed.
    const fixed = parsePage(
      text,
      notes.slice(0, 1).map((n) => n.fix!),
    );
    expect(fixed.items[0]?.kind).toBe('photo');
  });

  test('a 副题 with no dash may be the first paragraph (海峡都市报 2013-12-28: 骑警与车主推车让路前,西二环车辆排成行)', () => {
    const notes = doubtsOn(page('hxdsb/2013-12-28/hxdsb-20131228-a08.txt'), 'subtitle-undashed');
    expect(notes.map((n) => [n.line, n.fix?.text, n.fix?.role])).toEqual([[5, '骑警与车主推车让路前,西二环车辆', 'paragraph']]);
  });

  test('a short top line over a headline may be a column label (人民日报 1990-10-28: 新闻摄影比赛 / 喜交丰收粮)', () => {
    const notes = doubtsOn(page('rmrb/1990-10-28/rmrb-19901028-1.txt'), 'short-top-line');
    expect(notes.map((n) => [n.line, n.fix?.text, n.fix?.role])).toEqual([[1, '新闻摄影比赛', 'column']]);
  });

  test('a column label read by its length alone may be the 引题 (钱江晚报 2009-01-22: 谁领头谁输球)', () => {
    const notes = doubtsOn(page('qjwb/2009-01-22/qjwb-20090122-b15.txt'), 'column-by-shape');
    expect(notes.map((n) => [n.line, n.fix?.role])).toEqual([[1, 'kicker']]);
  });

  test('several texts signed X记者 Y 报道 may be a photo page’s captions (半岛都市报 2019-08-12: 有你们,城市安心)', () => {
    const text = page('bddsb/2019-08-12/bddsb-20190812-a08.txt');
    const notes = doubtsOn(text, 'reported-captions');
    expect(notes.map((n) => [n.line, n.fix?.line, n.fix?.photos])).toEqual([[5, 1, 17]]);
    // The correction it offers reads the item as the photos the paper printed, each caption with its credit.
    const fixed = parsePage(text, [notes[0]!.fix!]);
    expect(fixed.items.map((i) => [i.kind, i.credits])).toEqual([['photo', ['张伟', '何毅', '王滨']]]);
  });

  test('a line the archivist corrected carries no doubt', () => {
    const text = page('scxb/2020-03-24/scxb-20200324.txt');
    const notes = parsePage(text, [{ line: 3, text: '3月23日,刘相杰', role: 'caption' }]).items.flatMap((i) => i.notes);
    expect(notes.some((n) => n.line === 3)).toBe(false);
  });

  test('every correction a doubt offers on the corpus fits its page, ready to copy into the .yml', () => {
    let offered = 0;
    for (const p of readCorpus()) {
      const fixes = parsePage(p.text)
        .items.flatMap((i) => i.notes)
        .filter((n) => n.doubt !== undefined)
        .map((n) => n.fix!);
      offered += fixes.length;
      expect([p.path, checkCorrections(fixes, p.text)]).toEqual([p.path, []]);
    }
    expect(offered).toBeGreaterThan(DOUBTS.length);
  });
});
