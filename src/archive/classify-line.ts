/**
 * Recognisers for single printed lines: dateline, byline, photo credit,
 * jump markers, year line. They only look at one line's text.
 */

const JUMP_FROM = /^[（(]上接(?:第)?([^）)\s]{1,8}?)版?[）)]/u;
const JUMP_TO = /[（(]下转(?:第)?([^）)\s]{1,8}?)版?[）)]$/u;

/** Characters that close a sentence in Chinese print. */
const SENTENCE_END = /[。！？!?…；;]$/u;
/** Closing quotes and brackets that may follow the sentence end. */
const CLOSERS = /[”’」』）)\]》]+$/u;

/**
 * True when a line ends a sentence, so the next block starts a new paragraph.
 * A line that does not is cut by a column break and continues in the next block.
 * @example isTerminated('…量质齐升。') // true
 * @example isTerminated('…构建') // false
 * @example isTerminated('…“抓住了就是风口。”') // true
 */
export function isTerminated(text: string): boolean {
  // A 下转 marker after the sentence does not hide its end: …大会。（下转A2版）
  const t = text.trimEnd().replace(JUMP_TO, '').trimEnd();
  if (SENTENCE_END.test(t)) return true;
  const stripped = t.replace(CLOSERS, '');
  return stripped !== t && SENTENCE_END.test(stripped);
}

/** Length in code points (a CJK character counts once). */
export function charCount(text: string): number {
  return [...text].length;
}

/** True when the line has whitespace between printed words (parallel phrases). */
export function hasInnerSpace(text: string): boolean {
  return /\S\s+\S/u.test(text.trim());
}

/**
 * True when the line has clause punctuation outside quotation marks.
 * @example hasClausePunctuation('凝心聚力交出“走在前、做示范”的好答卷') // false
 * @example hasClausePunctuation('会议强调，要打好项目招引提质') // true
 */
export function hasClausePunctuation(text: string): boolean {
  const unquoted = text.replace(/“[^”]*”|「[^」]*」|《[^》]*》|‘[^’]*’/gu, '');
  return /[，。、；：！？,;:!?]/u.test(unquoted);
}

/**
 * True when a line reads as running text cut mid-sentence rather than a
 * display line: sentence punctuation (。；：) or more than one comma outside
 * quotes. Headlines may hold one comma: 潮起长江口，抢抓机遇向未来.
 * @example hasSentencePunctuation('曲福田说，政府工作报告政治站位高远；总结工作求实') // true
 */
export function hasSentencePunctuation(text: string): boolean {
  const unquoted = text.replace(/“[^”]*”|「[^」]*」|《[^》]*》|‘[^’]*’/gu, '');
  return /[。；;：:]/u.test(unquoted) || (unquoted.match(/[，,]/gu)?.length ?? 0) > 1;
}

/** A line that is only a four-digit year, as under a column label. */
export function isYearLine(text: string): boolean {
  return /^\d{4}$/u.test(text.trim());
}


/**
 * The 上接 marker at the start of a line, with the page label it names.
 * @example matchJumpFrom('（上接A1版）持续深化党建带群建') // { marker: '（上接A1版）', page: 'A1' }
 */
export function matchJumpFrom(text: string): { marker: string; page: string } | null {
  const m = JUMP_FROM.exec(text);
  return m?.[1] ? { marker: m[0], page: m[1] } : null;
}

/**
 * The 下转 marker at the end of a line, with the page label it names.
 * @example matchJumpTo('…重要讲话精神。（下转A2版）') // { marker: '（下转A2版）', page: 'A2' }
 */
export function matchJumpTo(text: string): { marker: string; page: string } | null {
  const m = JUMP_TO.exec(text.trimEnd());
  return m?.[1] ? { marker: m[0], page: m[1] } : null;
}

/** Agency datelines (晚报讯, 本报讯, 晚报综合消息) and wire datelines (新华社南京1月23日电). */
const DATELINE_HEAD =
  /^(?:[\u4e00-\u9fff]{1,4}(?:讯|综合消息)|(?:新华社|中新社|人民日报|本报)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日(?:电|讯))/u;
const DATELINE_PARENS = /^(?:（[^（）]{1,60}）|\([^()]{1,60}\))/u;

/**
 * The 电头 at the start of a paragraph, or null. An agency dateline must be
 * followed by a space or parentheses so that words like 喜讯 are not taken.
 * @example matchDateline('本报讯（记者彭军君 实习生陈少鹏）22日，…') // '本报讯（记者彭军君 实习生陈少鹏）'
 * @example matchDateline('晚报讯 昨天，南通…') // '晚报讯'
 */
export function matchDateline(text: string): string | null {
  const head = DATELINE_HEAD.exec(text);
  if (!head) return null;
  const rest = text.slice(head[0].length);
  const parens = DATELINE_PARENS.exec(rest);
  if (parens) return head[0] + parens[0];
  const isWire = /日(?:电|讯)$/u.test(head[0]);
  if (isWire || /^\s/u.test(rest)) return head[0];
  return null;
}

/** Role words that open a byline or credit token. */
const ROLE = /^(?:本报|本刊|晚报)?(?:特约|见习)?(?:记者|通讯员|实习生|摄影记者)/u;
const NAME = /^[\u4e00-\u9fff·]{2,6}$/u;

/**
 * Names in a run of byline tokens such as 记者朱文君 张彤 范译, or null when
 * the text is not one. Each token is a role word, a name, or both.
 * @example bylineNames('本报记者 王玮丽 沈雪梅') // ['王玮丽', '沈雪梅']
 * @example bylineNames('记者彭军君 实习生陈少鹏') // ['彭军君', '陈少鹏']
 */
export function bylineNames(text: string): string[] | null {
  const tokens = text.trim().split(/\s+/u);
  if (!tokens[0] || !ROLE.test(tokens[0])) return null;
  const names: string[] = [];
  for (const token of tokens) {
    const role = ROLE.exec(token);
    const name = role ? token.slice(role[0].length) : token;
    if (name === '') continue;
    if (!NAME.test(name)) return null;
    names.push(name);
  }
  return names.length > 0 ? names : null;
}

/**
 * Names on a photo credit line (记者 许丛军摄), or null when the line is not one.
 * @example creditNames('记者 许丛军摄') // ['许丛军']
 */
export function creditNames(text: string): string[] | null {
  const m = /^(.*?)\s*\/?摄(?:影)?$/u.exec(text.trim());
  if (!m?.[1]) return null;
  return bylineNames(m[1]);
}

/**
 * Names inside a dateline's parentheses: 本报讯（记者彭军君 实习生陈少鹏） gives both.
 * @example datelineNames('本报讯（记者彭军君 实习生陈少鹏）') // ['彭军君', '陈少鹏']
 */
export function datelineNames(dateline: string): string[] {
  const m = /[（(]([^（）()]+)[）)]$/u.exec(dateline);
  return (m?.[1] && bylineNames(m[1])) || [];
}
