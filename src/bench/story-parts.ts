/**
 * The printed parts of a synthetic story: display lines, datelines, bylines,
 * credits, column labels. Each is drawn from the bigram model and shaped by
 * the conventions the parser recognises (see docs/contributors.md, "How a page is parsed").
 */
import { opensWithStaffRole } from '../archive/conventions/bylines.ts';
import { matchDateline } from '../archive/conventions/datelines.ts';
import { STAFF_ROLE_WORDS } from '../archive/conventions/lexicon.ts';
import { endsWithEvent } from '../archive/reading-signals.ts';
import { sampleParagraph, sampleRun, type BigramModel } from './bigram-model.ts';
import { Prng } from './prng.ts';

/** Display lines of a heading group and what the parser should make of them. */
export interface Heading {
  lines: string[];
  kicker: string | null;
  headline: string;
  subtitle: string | null;
}

/** A line that would read as a byline or dateline if it opened a display line: a staff role word (本报记者…), an agency or 综合消息. */
const markedStart = (run: string): boolean => opensWithStaffRole(run) || /^(?:新华社|中新社|人民日报)|综合消息/u.test(run);

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'文君彤译军鹏玮丽雪梅丛建新华明伟强磊静燕芳敏娟霞婷洁慧颖琳晨涛勇杰斌浩宇轩博然宁安欣怡佳悦子诚志国平海波峰云飞帆越嵩青山兵智莹',
];
const CITIES = ['南京', '北京', '上海', '苏州', '南通', '扬州', '无锡', '常州'];
const COLUMNS = ['直通省两会', '聚焦高质量发展', '民生关注', '走基层', '江海观察', '两会声音'];

/** A display line with no marked start (byline, dateline words). */
function displayRun(model: BigramModel, rng: Prng, min: number, max: number): string {
  for (;;) {
    const run = sampleRun(model, rng, rng.int(min, max));
    if (!markedStart(run)) return run;
  }
}

/** Parallel phrases set with spaces: 聚焦重大任务 坚持一体推进. */
function spacedLine(model: BigramModel, rng: Prng, phrases = rng.int(2, 3)): string {
  return Array.from({ length: phrases }, () => displayRun(model, rng, 4, 8)).join(' ');
}

/** A person's name of two or three characters. */
function personName(rng: Prng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** `count` different names, none of them in `taken`, the same ones for the same seed. */
function roster(seed: number, count: number, taken: readonly string[] = []): readonly string[] {
  const rng = new Prng(seed);
  const names = new Set<string>();
  while (names.size < count) {
    const name = personName(rng);
    if (!taken.includes(name)) names.add(name);
  }
  return [...names];
}

/**
 * Who signs the stories. A paper's bylines come from its newsroom, the same
 * few hundred reporters year after year, and from the press officers of the
 * city's offices, more of them and each signing less. Drawing a new name for
 * every story would give the archive a person page per story, which no real
 * paper has.
 */
const REPORTERS = roster(1949, 240);
const CORRESPONDENTS = roster(1978, 720, REPORTERS);

/** `count` different names of a roster. */
function signers(rng: Prng, pool: readonly string[], count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(rng.pick(pool));
  return [...names];
}

/** Last characters that make a display line read as broken off (…为) or as setting the scene (…中): the generator's plain lines avoid them. */
const SIGNAL_END = /[的为在和与及把向对从以将让给被于之或并且而是跟同上下内中后前间里]$/u;

/**
 * One to four display lines in one of the patterns the parser sorts into
 * 引题 / 主题 / 副题 without doubt (see src/archive/display-roles.ts): a
 * lead-in ——, a subtitle's ——, a long line of parallel phrases as the 主题,
 * a 主题 broken after 的.
 */
export function sampleHeading(model: BigramModel, rng: Prng): Heading {
  const plain = (): string => {
    let line = displayRun(model, rng, 11, 16);
    while (SIGNAL_END.test(line)) line = line.slice(0, -1);
    return line;
  };
  const slogan = (): string => {
    let line = spacedLine(model, rng, 3);
    // A first phrase ending in 讯 or 消息 reads as a 电头 (央视网消息 …): draw again.
    while (matchDateline(line) !== null) line = spacedLine(model, rng, 3);
    while (SIGNAL_END.test(line)) line = line.slice(0, -1);
    return line;
  };
  const r = rng.next();
  if (r < 0.25) {
    const h = rng.chance(0.5) ? plain() : spacedLine(model, rng);
    return { lines: [h], kicker: null, headline: h, subtitle: null };
  }
  if (r < 0.4) {
    const k = `${displayRun(model, rng, 8, 24)}——`;
    const h = rng.chance(0.5) ? plain() : slogan();
    return { lines: [k, h], kicker: k, headline: h, subtitle: null };
  }
  if (r < 0.55) {
    const h = slogan();
    const s = plain();
    return { lines: [h, s], kicker: null, headline: h, subtitle: s };
  }
  if (r < 0.67) {
    const k = plain();
    const h = slogan();
    return { lines: [k, h], kicker: k, headline: h, subtitle: null };
  }
  if (r < 0.77) {
    const a = `${plain()}的`;
    const b = plain();
    return { lines: [a, b], kicker: null, headline: a + b, subtitle: null };
  }
  if (r < 0.85) {
    const h = plain();
    const s = `——${plain()}`;
    return { lines: [h, s], kicker: null, headline: h, subtitle: s };
  }
  if (r < 0.96) {
    const [k, h, s] = [plain(), slogan(), plain()];
    return { lines: [k, h, s], kicker: k, headline: h, subtitle: s };
  }
  const [k, a, b, s] = [plain(), `${plain()}的`, plain(), `——${plain()}`];
  return { lines: [k, a, b, s], kicker: k, headline: a + b, subtitle: s };
}

/** A subhead inside a story: 大势已至 乘势而上, or one short phrase. */
export function sampleSubhead(model: BigramModel, rng: Prng): string {
  // A line saying what happened (…召开) heads a brief of its own; a subhead names a theme.
  const draw = (): string => (rng.chance(0.6) ? spacedLine(model, rng, 2) : displayRun(model, rng, 4, 12));
  let line = draw();
  // A first phrase ending in 讯 or 消息 reads as a 电头 opening a paragraph: draw again.
  while (matchDateline(line) !== null) line = draw();
  while (endsWithEvent(line)) line = line.slice(0, -1);
  return line;
}

/** The newsroom's role words the generated bylines print, as the lexicon writes them. */
const [REPORTER_ROLE, CORRESPONDENT_ROLE, INTERN_ROLE] = STAFF_ROLE_WORDS;

/** A 电头 in the paper's own style, or a wire dateline. */
export function sampleDateline(paper: string, date: string, rng: Prng): { text: string; spaced: boolean } {
  const r = rng.next();
  if (r < 0.12) {
    const [, m, d] = date.split('-').map(Number);
    return { text: `新华社${rng.pick(CITIES)}${m}月${d}日电`, spaced: true };
  }
  const agency = paper === 'jhwb' ? '晚报讯' : '本报讯';
  if (r < 0.4) return { text: paper === 'jhwb' && rng.chance(0.3) ? '晚报综合消息' : agency, spaced: true };
  const names = [`${REPORTER_ROLE}${rng.pick(REPORTERS)}`];
  if (rng.chance(0.4)) names.push(`${rng.pick([INTERN_ROLE, CORRESPONDENT_ROLE])}${rng.pick(CORRESPONDENTS)}`);
  return { text: `${agency}（${names.join(' ')}）`, spaced: false };
}

/** A byline line: 记者朱文君 张彤 范译, 本报记者 王玮丽 沈雪梅, 记者彭军君 通讯员陈少鹏. */
export function sampleByline(rng: Prng): string {
  const count = rng.int(1, 3);
  const r = rng.next();
  if (r < 0.4) return `本报${REPORTER_ROLE} ${signers(rng, REPORTERS, count).join(' ')}`;
  if (r < 0.8 || count === 1) return `${REPORTER_ROLE}${signers(rng, REPORTERS, count).join(' ')}`;
  return `${REPORTER_ROLE}${rng.pick(REPORTERS)} ${CORRESPONDENT_ROLE}${signers(rng, CORRESPONDENTS, count - 1).join(' ')}`;
}

/** A photo credit: 记者 许丛军摄. */
export function sampleCredit(rng: Prng): string {
  return rng.chance(0.7) ? `${REPORTER_ROLE} ${rng.pick(REPORTERS)}摄` : `${CORRESPONDENT_ROLE} ${rng.pick(CORRESPONDENTS)}摄`;
}

/** A column label and its year line: 直通省两会 / 2024. */
export function sampleColumn(date: string, rng: Prng): [string, string] {
  return [rng.pick(COLUMNS), date.slice(0, 4)];
}

/** A photo caption: one paragraph, shorter than a story's. */
export function sampleCaption(model: BigramModel, rng: Prng): string {
  return sampleParagraph(model, rng, rng.int(30, 110));
}
