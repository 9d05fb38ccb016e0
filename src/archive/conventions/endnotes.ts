import { AGENCY_NAME, alternation, NEWS_AGENCIES, SIGNATURE_BULLETS } from './lexicon.ts';

/**
 * Lines printed after a story's last paragraph or byline that still belong
 * to it (编者附注, 来源): （完）, （据新华社）, （合作单位：…）, （责任编辑：…）.
 * Read on the matching form of the line (see width.ts).
 */

/** Parenthesised notes, by their first word. */
const PARENS_NOTE = new RegExp(
  `^（(?:完|据|综合|本报综合|合作单位|协办单位|支持单位|来源|稿件来源|信息来源|责任编辑|编辑|校对|作者|本文|本版|本栏|原标题|注|编者注|${alternation(NEWS_AGENCIES)}|(?:${AGENCY_NAME})(?=）)|记者手记|本报记者\\S{0,6}整理)[^（）]{0,80}）$`,
  'u',
);

/** Labelled notes without parentheses: 责任编辑：张三, 来源：新华社. */
const LABEL_NOTE =
  /^(?:责任编辑|编辑|校对|审核|来源|稿件来源|原标题|作者单位|本版编辑|美编|组版|指导老师|指导教师|辅导老师)[：\s][^\s]{1,40}(?:\s[^\s]{1,20}){0,3}$/u;

/**
 * A paper's thanks to the reader who tipped it off, and the fee paid:
 * 感谢吴先生拨打本报968111报料，线索费各30元; 庄先生报料，线索费30; 翁先生提供线索，奖20元.
 */
const TIP_THANKS =
  /^感谢.{1,40}(?:报料|爆料|提供线索|提供新闻线索)|^.{1,24}(?:报料|爆料|提供线索|提供新闻线索)[，\s]*(?:线索费|奖励?)各?\s*\d+元?$/u;

/**
 * Where a story was taken from, as a line of its own after it: 据新华社,
 * 据人民日报客户端, 据央视新闻报道. The name must be a news source's, so a
 * sentence beginning 据… is not taken.
 */
const SOURCE_NOTE =
  /^据(?:新华社|中新社|中通社|央视|央广|[\u4e00-\u9fff]{1,12}?(?:日报|晚报|早报|商报|时报|报|网|社|台|客户端|新闻))(?:综合)?(?:报道|消息|电)?$/u;

/** A note the editors signed: （…的电文——本刊编者注）. */
const EDITORS_NOTE = /^（[^（）]{1,300}(?:编者注|编者按|编者)）$/u;

/**
 * True when a whole line is a note that belongs to the story above.
 * @example isEndnote('（完）') // true
 * @example isEndnote('（合作单位：南通市总工会）') // true
 * @example isEndnote('据新华社') // true
 * @example isEndnote('（上接A1版）') // false
 */
export function isEndnote(text: string): boolean {
  const t = text.trim();
  return PARENS_NOTE.test(t) || LABEL_NOTE.test(t) || SOURCE_NOTE.test(t) || TIP_THANKS.test(t) || EDITORS_NOTE.test(t);
}

/** A source run in after a bullet at a text's end: …春天的气息。 □ 据新华社 (the bullet, then the source). */
const BULLETED_SOURCE = new RegExp(String.raw`[。！？…”]\s*([${SIGNATURE_BULLETS}]\s*)([^${SIGNATURE_BULLETS}]{2,20})$`, 'u');

/**
 * Where a note printed at the end of a paragraph begins: …增长5%。（据新华社）,
 * …春天的气息。 □ 据新华社.
 * Returns null when the paragraph does not end in one.
 * @example endnoteStart('会议圆满结束。（完）') // 7, where （完） begins
 * @example endnoteStart('增添一份春天的气息。 □ 据新华社') // 11, where □ begins
 */
export function endnoteStart(text: string): number | null {
  const t = text.trimEnd();
  // A source run in after a bullet: …春天的气息。 □ 据新华社.
  const bullet = BULLETED_SOURCE.exec(t);
  if (bullet?.[1] && bullet[2] && SOURCE_NOTE.test(bullet[2])) return t.length - bullet[1].length - bullet[2].length;
  if (!t.endsWith('）')) return null;
  const open = t.lastIndexOf('（');
  if (open <= 0) return null;
  const note = t.slice(open);
  const before = t.slice(0, open).trimEnd();
  // Only after a finished sentence: 会议（扩大）举行 is not a note.
  if (!/[。！？…”]$/u.test(before) || !PARENS_NOTE.test(note)) return null;
  return open;
}
