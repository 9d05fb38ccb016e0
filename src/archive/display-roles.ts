import { ROLE_NAMES_ZH } from './conventions/lexicon.ts';
import { isPlaceLine } from './conventions/places.ts';
import { twoLineShape, type PaperStyle, type TwoLineHead } from './paper-style.ts';
import { charCount, commaCount, hasInnerSpace, hasUnclosedMark, phrases } from './conventions/punctuation.ts';

/**
 * Which display line of a heading group is the 主题, which the 引题 above
 * it and which the 副题 below. Type size decides it on paper, and the text
 * alone never does every time, so every possible reading is scored by named
 * signals, as a copy editor would weigh them, and the best one wins. The
 * signals that decided, and how close the runner-up came, go into the
 * parse so a note can say why and how to correct it.
 */

/** A display role. */
export type DisplayRole = 'kicker' | 'headline' | 'subtitle';

/** A display line: printed text, matching form (see conventions/width.ts) and source line. */
export interface DisplayLine {
  text: string;
  norm: string;
  line: number;
}

/** What is known around the group. */
export interface DisplayContext {
  /** The group heads a continuation (上接…版): papers repeat only the 主题 there. */
  jump: boolean;
  /** Roles an archivist fixed by line number (corrections). */
  fixed: ReadonlyMap<number, DisplayRole>;
  /** Indices k where other printed lines (a column label) stand between display lines k-1 and k: one role is never broken around them. */
  apart?: ReadonlySet<number>;
  /** Signal families left out, to measure what each is worth (`parse:score -- --ablate`). */
  skip?: ReadonlySet<string>;
  /** The paper's house style (papers.yml), weighed as a prior. */
  style?: PaperStyle | undefined;
}

/** One reading of a group: a role per line, its score and the signals that gave it. */
export interface DisplayReading {
  roles: DisplayRole[];
  score: number;
  reasons: string[];
}

/** The chosen reading of a group and the best other one. */
export interface DisplayDecision {
  best: DisplayReading;
  /** The runner-up, or null when only one reading was possible. */
  next: DisplayReading | null;
}

/** Words a line cannot end on when the phrase goes on in the next line: 以实际行动为 / …. */
const UNFINISHED_END = /[的为在和与及把向对从以将让给被于之或并且而是跟同]$/u;
/** A 引题 often leads into the 主题 with a dash or a colon: 省政府工作报告明确“…”——. */
const LEAD_IN_END = /(?:——|—|--|：)$/u;
/** A 副题 often opens with a dash: ——记…. */
const SUB_START = /^(?:——|—|--)/u;

/**
 * Verbs a theme line opens with, as a 引题 does (推动产改向更大范围延伸 above
 * 省产改第二督查组来通督查), where a 主题 or 副题 opens with who did what.
 */
const THEME_START =
  /^(?:推动|推进|加快|深化|坚持|聚焦|打造|奋力|助力|守护|践行|弘扬|实施|厚植|扎实|全力|持续|不断|努力|着力|做好|抓好|擦亮|优化|提升|强化|加强|赋能|培育|激发|凝聚|汇聚|绘就|书写|谱写|争创|勇当|争当|当好|跑出|按下|奏响|唱响|走好|牢记|贯彻|落实|学习|喜迎|庆祝|致敬|礼赞|献礼|迎接|决胜|攻坚|携手|共建|共享|共绘|共筑|守正|创新|锚定|对标|围绕|立足|紧扣|聚力|发力|用心|用情|真情|倾情)/u;

/** A line that sets the scene and ends on where or when: 五四路上，一小时内. */
const LEAD_IN_PHRASE = /(?:上|下|内|中|后|前|间|里|附近|一带|周边|沿线|之际|期间|以来|之下|当天|时节)$/u;

/** A line that opens with when, as a sentence of news does: 今天，上海4条轨交线…恢复运营. */
const NEWS_OPENING = /^(?:今天|昨天|昨日|今日|近日|日前|本周|上周|上午|下午|晚上|当天|当晚|清晨|凌晨|\d{1,2}月\d{1,2}日|\d{1,2}日)[，\s]/u;

/** A short place or topic label before a colon opens a brief's 主题: 江溪：老小区人防工程…. */
const LABEL_START = /^[\u4e00-\u9fff]{2,4}：(?!$)/u;

/**
 * What a leader did at a meeting, as the 副题 of a meeting report lists it
 * phrase by phrase: 宋永祥讲话 范连生作常委会工作报告 皮台田主持会议.
 */
const AT_THE_MEETING = /(?:讲话|出席|主持(?:会议)?|致辞|作[\u4e00-\u9fff]{0,12}报告|宣读[\u4e00-\u9fff]{0,12}|颁奖|参加)$/u;

/** A line of two or more phrases that each say who spoke, presided or attended. */
function isWhoDidWhat(l: DisplayLine): boolean {
  const list = phrases(l.norm);
  const said = list.filter((p) => AT_THE_MEETING.test(p)).length;
  return said >= 2 && said * 2 >= list.length;
}

/** A line set as parallel phrases with spaces: 分享工作经历 畅谈感受体会. */
const isSlogan = (l: DisplayLine): boolean => hasInnerSpace(l.norm);
/** A long slogan (three phrases or more, or long) is set as the 主题 in party papers; a short one is a 引题 or 副题. */
const isLongSlogan = (l: DisplayLine): boolean => phrases(l.norm).length >= 3 || charCount(l.norm.replace(/\s/gu, '')) >= 22;
const isUnfinished = (l: DisplayLine): boolean => hasUnclosedMark(l.norm) || UNFINISHED_END.test(l.norm);

/** How likely each shape (引题, 主题 and 副题 line counts) is before any signal. */
function shapePrior(k: number, h: number, s: number): number {
  const key = `${k}${h}${s}`;
  const prior: Record<string, number> = {
    '010': 0,
    '110': 0,
    '011': 0.3,
    '020': -0.3,
    '111': 1,
    '120': 0,
    '021': 0,
    '210': -0.5,
    '012': -0.5,
    '121': 1,
    '211': 0,
    '112': 0,
    '220': -1,
    '022': -1,
    '122': 0.5,
    '221': 0.5,
    '212': 0,
  };
  return prior[key] ?? -2;
}

/** Every reading of n lines: up to two 引题 lines, one or two 主题 lines, up to two 副题 lines. */
function shapes(n: number): DisplayRole[][] {
  const out: DisplayRole[][] = [];
  for (let k = 0; k <= 2; k += 1) {
    for (let h = 1; h <= 2; h += 1) {
      const s = n - k - h;
      if (s < 0 || s > 2) continue;
      out.push([
        ...Array<DisplayRole>(k).fill('kicker'),
        ...Array<DisplayRole>(h).fill('headline'),
        ...Array<DisplayRole>(s).fill('subtitle'),
      ]);
    }
  }
  return out;
}

/** One line of a reading, as the signals below look at it. */
interface LineAt {
  line: DisplayLine;
  /** Its place in the group. */
  i: number;
  role: DisplayRole;
  /** The next line has another role (or there is none): the line ends its run. */
  last: boolean;
  /** The line before has another role (or there is none): the line opens its run. */
  first: boolean;
  lines: readonly DisplayLine[];
  /** Some line of the group is not parallel phrases. */
  anyPlain: boolean;
}

/** A whole reading, as the group signals below look at it. */
interface ReadingAt {
  lines: readonly DisplayLine[];
  roles: readonly DisplayRole[];
  headlines: readonly DisplayLine[];
  context: DisplayContext;
}

/**
 * A signal on one line: when it speaks, for which role, the weight it adds
 * to a reading and why. Signals of one family say one thing (the line ends
 * in a lead-in mark) for the roles it speaks to.
 */
export interface LineSignal {
  family: string;
  weight: number;
  /** The reason, where the signal speaks for this line in this role; null where it does not. */
  find(at: LineAt): string | null;
}

/** A signal on a whole reading; it may speak more than once (once per reason). */
export interface GroupSignal {
  family: string;
  weight: number;
  find(at: ReadingAt): string[];
}

const when = (test: boolean, reason: string): string | null => (test ? reason : null);
const several = (at: LineAt): boolean => at.lines.length >= 2;

/**
 * The signals on single lines, as a copy editor weighs them, with their
 * weights. `npm run parse:score -- --ablate` prints what each family is
 * worth on the corpus.
 */
export const LINE_SIGNALS: readonly LineSignal[] = [
  {
    family: 'lead-in-end',
    weight: 3,
    find: (a) =>
      when(
        a.role === 'kicker' && a.last && LEAD_IN_END.test(a.line.norm),
        `line ${a.line.line} ends in a lead-in mark (—— or ：), as a 引题 does`,
      ),
  },
  {
    family: 'lead-in-end',
    weight: -3,
    find: (a) => when(a.role === 'subtitle' && a.last && LEAD_IN_END.test(a.line.norm), `line ${a.line.line} ends in a lead-in mark`),
  },
  {
    family: 'lead-in-end',
    weight: -1,
    find: (a) => when(a.role === 'headline' && a.last && LEAD_IN_END.test(a.line.norm), `line ${a.line.line} ends in a lead-in mark`),
  },
  {
    family: 'dash-start',
    weight: 3,
    find: (a) => when(a.role === 'subtitle' && SUB_START.test(a.line.norm), `line ${a.line.line} opens with ——, as a 副题 does`),
  },
  {
    family: 'dash-start',
    weight: -3,
    find: (a) => when(a.role !== 'subtitle' && SUB_START.test(a.line.norm), `line ${a.line.line} opens with ——`),
  },
  {
    family: 'unfinished',
    weight: 2.5,
    find: (a) =>
      when(
        a.role === 'headline' && !a.last && isUnfinished(a.line),
        `line ${a.line.line} breaks off mid-phrase, so the 主题 goes on in the next line`,
      ),
  },
  {
    family: 'unfinished',
    weight: -1.5,
    find: (a) => when((a.role !== 'headline' || a.last) && isUnfinished(a.line), `line ${a.line.line} breaks off mid-phrase`),
  },
  {
    family: 'slogan',
    weight: 1.5,
    find: (a) =>
      when(
        a.role === 'headline' && a.anyPlain && isSlogan(a.line) && isLongSlogan(a.line),
        `line ${a.line.line} is a long line of parallel phrases, as a 主题 of a party paper is`,
      ),
  },
  {
    family: 'slogan',
    weight: 1.5,
    find: (a) =>
      when(
        a.role !== 'headline' && a.anyPlain && isSlogan(a.line) && !isLongSlogan(a.line),
        `line ${a.line.line} is a short line of parallel phrases beside a factual line, as a ${ROLE_NAMES_ZH[a.role]} is`,
      ),
  },
  {
    family: 'who-did-what',
    weight: 2,
    find: (a) =>
      when(
        a.role === 'subtitle' && several(a) && isWhoDidWhat(a.line),
        `line ${a.line.line} lists who spoke, presided and attended, as the 副题 of a meeting report does`,
      ),
  },
  {
    family: 'who-did-what',
    weight: -1,
    find: (a) => when(a.role === 'headline' && several(a) && isWhoDidWhat(a.line), `line ${a.line.line} lists who spoke and attended`),
  },
  {
    family: 'label-start',
    weight: 1.5,
    find: (a) =>
      when(
        a.role === 'headline' && a.first && LABEL_START.test(a.line.norm) && !isSlogan(a.line),
        `line ${a.line.line} opens with a place or topic label (江溪：), as a 主题 does`,
      ),
  },
  {
    family: 'label-start',
    weight: -1,
    find: (a) =>
      when(a.role !== 'headline' && LABEL_START.test(a.line.norm) && !isSlogan(a.line), `line ${a.line.line} opens with a label`),
  },
  {
    family: 'commas',
    weight: -1,
    find: (a) =>
      when(
        a.role === 'headline' && commaCount(a.line.norm) >= 2,
        `line ${a.line.line} runs on over commas, as a 引题 or 副题 may and a 主题 seldom does`,
      ),
  },
  {
    family: 'too-short',
    weight: -1.5,
    find: (a) =>
      when(
        a.role === 'headline' && a.last && a.first && several(a) && charCount(a.line.norm) <= 3,
        `line ${a.line.line} is too short to be the 主题 alone`,
      ),
  },
  {
    family: 'news-opening',
    weight: 1,
    find: (a) =>
      when(
        a.role === 'kicker' && several(a) && NEWS_OPENING.test(a.line.norm),
        `line ${a.line.line} opens with when (今天，…) and tells the news, as a 引题 does`,
      ),
  },
  {
    family: 'news-opening',
    weight: -0.5,
    find: (a) =>
      when(a.role === 'headline' && several(a) && NEWS_OPENING.test(a.line.norm), `line ${a.line.line} opens with when (今天，…)`),
  },
  {
    family: 'scene-setting',
    weight: 1,
    find: (a) =>
      when(
        a.role === 'kicker' && a.i === 0 && several(a) && LEAD_IN_PHRASE.test(a.line.norm),
        `line ${a.line.line} sets the scene (where, when: …上, …内), as a 引题 does`,
      ),
  },
  {
    family: 'theme-verb',
    weight: 1.2,
    find: (a) =>
      when(
        a.role === 'kicker' && several(a) && THEME_START.test(a.line.norm) && !isSlogan(a.line),
        `line ${a.line.line} opens with a theme verb, as a 引题 does`,
      ),
  },
  {
    family: 'theme-verb',
    weight: -0.4,
    find: (a) =>
      when(
        a.role === 'headline' && a.i === 0 && a.lines.length === 2 && THEME_START.test(a.line.norm) && !isSlogan(a.line),
        `line ${a.line.line} opens with a theme verb`,
      ),
  },
  {
    family: 'place-line',
    weight: 2,
    find: (a) =>
      when(
        a.role === 'kicker' && a.i === 0 && several(a) && isPlaceLine(a.line.norm),
        `line ${a.line.line} only names a place, as a 引题 over a brief from elsewhere does`,
      ),
  },
  {
    family: 'place-line',
    weight: -1,
    find: (a) => when(a.role !== 'kicker' && a.i === 0 && several(a) && isPlaceLine(a.line.norm), `line ${a.line.line} only names a place`),
  },
  {
    family: 'exclaims',
    weight: 0.5,
    find: (a) =>
      when(a.role === 'headline' && a.last && /[！？]$/u.test(a.line.norm), `line ${a.line.line} ends in ！ or ？, as a 主题 may`),
  },
  {
    family: 'exclaims',
    weight: -0.3,
    find: (a) => when(a.role !== 'headline' && a.last && /[！？]$/u.test(a.line.norm), `line ${a.line.line} ends in ！ or ？`),
  },
];

const TWO_LINE_NAMES: Readonly<Record<TwoLineHead, string>> = {
  'kicker-headline': '引题 + 主题',
  'headline-subtitle': '主题 + 副题',
  headline: 'one 主题 over two lines',
};

/** Two lines read as one 主题, the first and the second. */
const twoHeads = (r: ReadingAt): [DisplayLine, DisplayLine] | null => {
  const [a, b] = r.headlines;
  return a && b ? [a, b] : null;
};

/** The signals on a whole reading, with their weights. */
export const GROUP_SIGNALS: readonly GroupSignal[] = [
  {
    family: 'split-slogan',
    weight: -1,
    find: (r) =>
      r.headlines.length === 2 && r.headlines.some(isSlogan) ? ['a 主题 broken over two lines is not set as parallel phrases'] : [],
  },
  {
    family: 'label-between',
    weight: 0.5,
    find: (r) =>
      [...(r.context.apart ?? [])]
        .filter((k) => r.roles[k - 1] === 'kicker')
        .map((k) => `a column label stands under line ${r.lines[k - 1]?.line ?? '?'}, which reads as the 引题 above it`),
  },
  {
    family: 'short-headline-under-long',
    weight: 0.8,
    find: (r) => {
      const [top, bottom] = r.lines;
      const shaped =
        r.lines.length === 2 &&
        top !== undefined &&
        bottom !== undefined &&
        !r.lines.some(isSlogan) &&
        charCount(bottom.norm) >= 6 &&
        charCount(bottom.norm) <= 8 &&
        charCount(top.norm) >= 1.6 * charCount(bottom.norm);
      return shaped && top && bottom && r.roles[0] === 'kicker' && r.roles[1] === 'headline'
        ? [`line ${bottom.line} is short and line ${top.line} twice as long: a 引题 that tells the news over a short 主题`]
        : [];
    },
  },
  {
    family: 'narrow-column',
    weight: 1.2,
    find: (r) => {
      const heads = twoHeads(r);
      return heads &&
        r.lines.length === 2 &&
        !r.lines.some(isSlogan) &&
        r.lines.every((l) => charCount(l.norm) <= 10) &&
        charCount(heads[0].norm) >= 4
        ? ['two short lines without spaces, as one 主题 set in a narrow column']
        : [];
    },
  },
  {
    family: 'short-second-head',
    weight: 1.5,
    find: (r) => {
      const heads = twoHeads(r);
      return heads && !isSlogan(heads[0]) && charCount(heads[0].norm) >= 4 && charCount(heads[1].norm) <= 5
        ? [`line ${heads[1].line} is too short to be a display line of its own, so the 主题 breaks there`]
        : [];
    },
  },
  {
    family: 'house-style',
    weight: 2,
    find: (r) => {
      const declared = r.context.style?.twoLineHead;
      return declared && r.lines.length === 2 && twoLineShape(r.roles) === declared
        ? [`the paper's house style sets a two-line head as ${TWO_LINE_NAMES[declared]} (papers.yml)`]
        : [];
    },
  },
  {
    family: 'continuation',
    weight: 1.5,
    find: (r) =>
      r.context.jump && r.headlines.length === 2 && r.lines.length === 2 && !r.lines.some(isSlogan)
        ? ['a continuation (上接) repeats only the 主题, here broken over two lines']
        : [],
  },
  {
    family: 'continuation',
    weight: -0.5,
    // Once for each 引题 or 副题 line.
    find: (r) =>
      r.context.jump ? r.roles.filter((x) => x !== 'headline').map(() => 'a continuation (上接) seldom repeats 引题 or 副题') : [],
  },
];

/** Scores one reading of the group. */
function score(lines: DisplayLine[], roles: DisplayRole[], context: DisplayContext): DisplayReading | null {
  for (const [i, l] of lines.entries()) {
    const fixed = context.fixed.get(l.line);
    if (fixed && fixed !== roles[i]) return null;
    if (i > 0 && context.apart?.has(i) && roles[i] === roles[i - 1]) return null;
  }
  const count = (r: DisplayRole): number => roles.filter((x) => x === r).length;
  const reasons: string[] = [];
  let total = shapePrior(count('kicker'), count('headline'), count('subtitle'));
  const skip = context.skip ?? new Set<string>();
  const speak = (weight: number, reason: string): void => {
    total += weight;
    if (!reasons.includes(reason)) reasons.push(reason);
  };
  const anyPlain = lines.some((l) => !isSlogan(l));
  lines.forEach((line, i) => {
    const role = roles[i] ?? 'headline';
    const at: LineAt = { line, i, role, last: roles[i + 1] !== role, first: i === 0 || roles[i - 1] !== role, lines, anyPlain };
    for (const signal of LINE_SIGNALS) {
      if (skip.has(signal.family)) continue;
      const reason = signal.find(at);
      if (reason !== null) speak(signal.weight, reason);
    }
  });
  const reading: ReadingAt = { lines, roles, headlines: lines.filter((_, i) => roles[i] === 'headline'), context };
  for (const signal of GROUP_SIGNALS) {
    if (skip.has(signal.family)) continue;
    for (const reason of signal.find(reading)) speak(signal.weight, reason);
  }
  return { roles, score: total, reasons };
}

/**
 * Chooses the roles of a heading group's display lines.
 * @example decideDisplayRoles([{ text: '分享工作经历 畅谈感受体会', … }, { text: '市总工会举行劳模迎新活动', … }], ctx).best.roles
 * // ['kicker', 'headline']: a short line of parallel phrases above a factual line is the 引题
 */
export function decideDisplayRoles(lines: DisplayLine[], context: DisplayContext): DisplayDecision {
  const readings = shapes(lines.length)
    .map((roles) => score(lines, roles, context))
    .filter((r): r is DisplayReading => r !== null)
    .sort((a, b) => b.score - a.score);
  const [best, next] = readings;
  // Corrections that fit no shape (three 主题 lines, say) still win: every line takes its fixed role or 主题.
  const fallback: DisplayReading = {
    roles: lines.map((l) => context.fixed.get(l.line) ?? 'headline'),
    score: 0,
    reasons: ['as corrected'],
  };
  return { best: best ?? fallback, next: next ?? null };
}
