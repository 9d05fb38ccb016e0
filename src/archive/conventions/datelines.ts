import { addNames, bylineOf, namesOf, ROLE_WORD, type Names } from './bylines.ts';
import { alternation, BRIEF_LABELS, REPORTER, STAFF_ROLE_WORDS } from './lexicon.ts';
import { isPersonName } from './names.ts';

/**
 * 电头: the lead-in of a story's first paragraph that says who reports it
 * from where. Read on the matching form of the line (see width.ts). The
 * dateline as the archive keeps it runs to where the running text begins,
 * so it holds the names the paper set in or after it.
 */

/**
 * Agency datelines of a paper's own news: 本报讯, 晚报讯, 晚报综合消息,
 * 本报综合消息, 快报讯, 交汇点讯. The known ones may run straight into the
 * text; any other word ending in 讯 or 消息 must be followed by a space,
 * parentheses or names, so that 喜讯传来 is never taken. A paper and its
 * website may share one: 滨州日报/滨州网讯.
 */
const KNOWN_AGENCY = /^(?:本报|晚报|本刊|快报|日报|早报|商报)(?:讯|综合消息|消息|综合报道|专讯)/u;
const OTHER_AGENCY = new RegExp(
  // 又讯 and 另讯 are a second report inside a story (matchSecondReport), never a story's 电头.
  String.raw`^(?!又讯|另讯)(?:[\u4e00-\u9fff]{2,10}[/·])?[\u4e00-\u9fff]{1,8}(?:讯|综合消息|消息)(?=\s|（|【|${alternation(STAFF_ROLE_WORDS)})`,
  'u',
);
/** The same on a line of its own, where only a news outlet's name may stand before it (交汇点讯, 扬子晚报网讯), not a phrase (就是人民消息). */
const AGENCY_ALONE = /^(?:[\u4e00-\u9fff]{2,10}[/·])?[\u4e00-\u9fff]{0,8}(?:报|网|台|社|端|点|新闻)(?:讯|综合消息|消息)$/u;

/**
 * A paper's own dateline set in 【】 and run into the text, as Hong Kong and
 * Macau papers print it: 【本報消息】, 【本報訊】, 【特訊】, 【專訊】. Only a
 * paper, website or station may stand before 讯 or 消息, so a column label
 * of briefs (【短訊】, 【简讯】) is never taken for one.
 */
const BRACKETED_LOCAL = /^【(?:(?:本报|本刊|本台|本网|[\u4e00-\u9fff]{1,8}(?:报|网|台|社))(?:讯|消息|综合消息|专讯|特讯)|特讯|专讯)】/u;

/**
 * A source of any name in 【】 run into the text, as papers of the 1940s–50s
 * and of Hong Kong print it: 【北京讯】, 【京市新闻处讯】, 【明報專訊】,
 * 【本報港聞部報道】. A label over briefs (【简讯】, 【短讯】) is no source:
 * it heads a brief, so it is set apart (BRIEF_LABELS), and the text after a
 * source runs on as a sentence does.
 */
const BRACKETED_SOURCE = new RegExp(
  String.raw`^【(?!(?:${alternation([...BRIEF_LABELS])})】)[\u4e00-\u9fff]{1,10}(?:讯|消息|报道)】(?=[^【】\n]{4,}?[，。：])`,
  'u',
);

/**
 * Wire and correspondent datelines: 新华社北京1月5日电, 中新社南京1月23日电,
 * 本报北京1月5日电, 人民日报华盛顿1月4日电, 据新华社北京1月5日电,
 * 【新华社北京1月5日电】, 本报南京1月5日讯.
 */
const WIRE_AGENCY =
  '(?:新华社|中新社|中通社|人民日报|光明日报|经济日报|工人日报|科技日报|法治日报|中国青年报|中国日报|央视|央广|本报|本刊)';
const WIRE = new RegExp(
  '^(?:据)?【?(?:' +
    // Dated: 新华社北京1月5日电, 本报南京1月5日讯, 人民网北京1月5日电, 本报北京2001年12月31日讯.
    String.raw`(?:${WIRE_AGENCY}|[\u4e00-\u9fff]{2,6}(?:日报|晚报|网|社|台))(?:驻[\u4e00-\u9fff]{1,6}?${REPORTER})?[\u4e00-\u9fff]{0,10}?(?:\d{4}年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:专电|电|讯|消息)` +
    // Undated wire: 新华社北京电.
    String.raw`|(?:新华社|中新社|中通社)[\u4e00-\u9fff]{0,10}?(?:专电|电)` +
    ')】?',
  'u',
);

/** A lead-in after a wire dateline, up to its colon: 综合本社驻外记者报道：, 记者孟西安报道：. */
const REPORTED_LEAD = /^\s*([\u4e00-\u9fff·、 ]{1,24}?)报道：/u;

/** The writer named with 报道 after a space, then the text after another: 本报讯 记者罗昆娅报道 10月19日晚，…. */
const REPORTED_SPACED = /^\s+([^\s，。：；（）]{2,30}?(?:报道|采写))(?=\s)/u;

/** Parentheses after the dateline, holding its writers: （记者彭军君 实习生陈少鹏）. */
const NAMES_IN_PARENS = /^\s*（[^（），。；]{1,60}）/u;

/** A dateline found at the start of a paragraph. */
export interface DatelineMatch {
  /** Its length: the dateline is that many characters at the start of the line. */
  length: number;
  /** Writers (and photographers) named in it. */
  names: Names;
}

/** A role word and name with 报道 after the dateline's space (REPORTED_SPACED), as far as it is a byline. */
function reportedAfterSpace(rest: string): { length: number; names: Names } | null {
  const reported = REPORTED_SPACED.exec(rest);
  const words = reported?.[1] ?? '';
  const names = ROLE_WORD.test(words) ? bylineOf(words) : null;
  return reported && names ? { length: reported[0].length, names } : null;
}

/** Names set after a dateline without parentheses: 本报北京1月5日电 记者张三 李四 …, as far as the tokens are roles and names. */
function trailingNames(rest: string): { length: number; names: Names } | null {
  const tokens = [...rest.matchAll(/\s*(\S+)/gu)].slice(0, 8);
  if (!ROLE_WORD.test(tokens[0]?.[1] ?? '')) return null;
  let accepted: { length: number; names: Names } | null = null;
  for (const token of tokens) {
    const word = token[1] ?? '';
    const isRole = ROLE_WORD.exec(word)?.[0] === word;
    if (!isRole && !isPersonName(word.replace(ROLE_WORD, ''))) break;
    const length = (token.index ?? 0) + token[0].length;
    // The names end where the running text begins, after a space.
    if (length < rest.length && !/^\s/u.test(rest.slice(length))) break;
    const names = bylineOf(rest.slice(0, length));
    if (names) accepted = { length, names };
    else if (!isRole) break;
  }
  return accepted;
}

/** The dateline of `text` that ends at `end`, run on over the names set after it: in parentheses, before 报道：, or after a space. */
function withNamesAfter(text: string, end: number): DatelineMatch {
  const names = namesOf();
  const rest = text.slice(end);
  const parens = NAMES_IN_PARENS.exec(rest);
  if (parens) {
    end += parens[0].length;
    const inner = parens[0].trim().slice(1, -1);
    const found = bylineOf(inner) ?? bylineOf(`（${inner}）`);
    if (found) addNames(names, found);
  } else if (REPORTED_LEAD.test(rest)) {
    const lead = REPORTED_LEAD.exec(rest) as RegExpExecArray;
    end += lead[0].length;
    const found = bylineOf(lead[1] ?? '');
    if (found) addNames(names, found);
  } else {
    const trailing = reportedAfterSpace(rest) ?? trailingNames(rest);
    if (trailing) {
      end += trailing.length;
      addNames(names, trailing.names);
    }
  }
  return { length: text.slice(0, end).trimEnd().length, names };
}

/**
 * A second report run into a story (又讯, 另讯, 【又讯】): it opens a
 * paragraph, never a story, and may carry a dateline and writers of its
 * own: 又讯 据新华社电, 又讯 （记者 董少芬 冯瑞元）.
 */
const SECOND_REPORT = /^(?:【(?:又讯|另讯)】|(?:又讯|另讯)(?=[\s（【]))\s*/u;

/**
 * The lead of a second report at the start of a paragraph's matching form,
 * with the names it sets, or null.
 * @example matchSecondReport('又讯 （记者 董少芬 冯瑞元）面对盐荒闹剧，…')?.names.writers // ['董少芬', '冯瑞元']
 * @example matchSecondReport('又讯 据新华社电 环保部正在对…')?.length // 9, 又讯 据新华社电
 */
export function matchSecondReport(text: string): DatelineMatch | null {
  const head = SECOND_REPORT.exec(text);
  if (!head) return null;
  const wire = matchDateline(text.slice(head[0].length));
  if (wire) return { length: head[0].length + wire.length, names: wire.names };
  return withNamesAfter(text, head[0].length);
}

/**
 * The 电头 at the start of a paragraph's matching form, or null.
 * @example matchDateline('本报讯（记者彭军君 实习生陈少鹏）22日，…')?.length // 17, 本报讯（记者彭军君 实习生陈少鹏）
 * @example matchDateline('晚报讯 昨天，南通…')?.length // 3, 晚报讯
 * @example matchDateline('本报北京1月5日电 记者张三 近日，…')?.length // 15, 本报北京1月5日电 记者张三
 * @example matchDateline('【本报消息】大三巴牌坊老人院前地昨深夜…')?.length // 6, 【本报消息】
 * @example matchDateline('本报讯 记者罗昆娅报道 10月19日晚，…')?.length // 11, 本报讯 记者罗昆娅报道
 * @example matchDateline('喜讯传来，全市上下倍受鼓舞。') // null
 */
export function matchDateline(text: string): DatelineMatch | null {
  const head =
    WIRE.exec(text) ??
    BRACKETED_LOCAL.exec(text) ??
    BRACKETED_SOURCE.exec(text) ??
    KNOWN_AGENCY.exec(text) ??
    OTHER_AGENCY.exec(text) ??
    AGENCY_ALONE.exec(text.trimEnd());
  if (!head) return null;
  return withNamesAfter(text, head[0].length);
}
