import {
  alternation,
  BULLETS as BULLET_MARKS,
  FONT_BULLETS,
  LETTER_BULLET,
  PHOTO_ROLE_WORDS,
  REPORTER,
  ROLE_OUTLETS,
  ROLE_RANKS,
  ROLE_WORDS,
  STAFF_ROLE_WORDS,
} from './lexicon.ts';
import { isPersonName, segmentNames, namesOfRun } from './names.ts';
import { charCount } from './punctuation.ts';

/**
 * Bylines (署名) in the forms Chinese dailies print them. Every form is
 * read on the matching form of the line (see width.ts) and gives the names
 * of the writers and, where the form says so (文/摄, 图/…), of the
 * photographers.
 */

/** Writers and photographers named by a byline or credit, in print order, with the role word printed before each. */
export interface Names {
  writers: string[];
  photographers: string[];
  /**
   * The role word printed before a name, for each name printed after one,
   * as the matching form reads it (本报记者; 記者 is 记者): 记者朱文君 张彤
   * gives both 记者. A name read twice keeps its first.
   */
  titles: Record<string, string>;
}

/** Who a byline's role word makes a person: a writer, or a photographer (摄影记者). */
type RoleKind = 'writer' | 'photographer';

/** A paper, its website or its media centre, as role words name them: 滨州日报, 滨州网, 滨州日报/滨州网. */
const MEDIA = String.raw`[\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|商报|报社|新闻网|网|电视台|融媒体中心|客户端)`;

/**
 * Role words before a name: 记者, 本报记者, 通讯员, 实习生, 新华社记者,
 * 融媒体记者, 见习记者, 特约通讯员, 本报特派记者, 摄影记者,
 * 滨州日报/滨州网记者 … (the words are the lexicon's).
 * @example ROLE_WORD.exec('本报记者王玮丽')?.[0] // '本报记者'
 */
export const ROLE_WORD = new RegExp(
  String.raw`^(?:${alternation(ROLE_OUTLETS)}|${MEDIA}(?:/${MEDIA})?|[\u4e00-\u9fff]{2}(?=${REPORTER}))?(?:驻[\u4e00-\u9fff]{1,6}?)?(?:${alternation(ROLE_RANKS)})?(?:${alternation(ROLE_WORDS)})|^共享联盟·[\u4e00-\u9fff]{2,3}`,
  'u',
);

/** A staff role word with the known outlet and rank it may have: 记者, 本报记者, 见习记者, 本报特约通讯员, 实习生. */
const STAFF_ROLE = `(?:${alternation(ROLE_OUTLETS)})?(?:${alternation(ROLE_RANKS)})?(?:${alternation(STAFF_ROLE_WORDS)})`;

/**
 * Where a role word begins inside a run of names and role words printed
 * without spaces: 记者王健通讯员李明 is 记者 王健, 通讯员 李明.
 */
const INNER_ROLE = new RegExp(`(?=${STAFF_ROLE})`, 'u');
const STAFF_ROLE_START = new RegExp(`^${STAFF_ROLE}`, 'u');

/**
 * True for text that opens with a staff role word (STAFF_ROLE_WORDS, with a
 * known outlet or rank), as a signature run in after a text's last sentence does.
 * @example opensWithStaffRole('记者俞慧娟') // true
 */
export function opensWithStaffRole(text: string): boolean {
  return STAFF_ROLE_START.test(text);
}

/** A role word that makes the person the photographer (摄影记者, 本报视觉记者). */
const isPhotoRole = (role: string): boolean => PHOTO_ROLE_WORDS.some((word) => role.endsWith(word));

/** Slash roles of 文/X 图/Y and X/文: what the named person did. */
const SLASH_ROLES: Readonly<Record<string, readonly RoleKind[]>> = {
  文: ['writer'],
  撰文: ['writer'],
  文字: ['writer'],
  整理: ['writer'],
  口述: ['writer'],
  图: ['photographer'],
  摄: ['photographer'],
  摄影: ['photographer'],
  图片: ['photographer'],
  摄像: ['photographer'],
  视频: ['photographer'],
  制图: ['photographer'],
  绘: ['photographer'],
  漫画: ['photographer'],
  图文: ['writer', 'photographer'],
  文图: ['writer', 'photographer'],
  '文/图': ['writer', 'photographer'],
  '文/摄': ['writer', 'photographer'],
  '文·图': ['writer', 'photographer'],
  '文、图': ['writer', 'photographer'],
  '文、摄': ['writer', 'photographer'],
  '文/摄影': ['writer', 'photographer'],
};

/**
 * Names with no role word printed before them: writers, and photographers.
 * @example namesOf(['王玮丽']) // { writers: ['王玮丽'], photographers: [], titles: {} }
 */
export const namesOf = (writers: string[] = [], photographers: string[] = []): Names => ({ writers, photographers, titles: {} });

const empty = (): Names => namesOf();

/** Gives names the role word printed before them, where none was read for them yet. */
const entitle = (into: Names, names: readonly string[], title: string | null): void => {
  if (title === null) return;
  for (const name of names) if (!Object.hasOwn(into.titles, name)) into.titles[name] = title;
};

const add = (into: Names, names: string[], kinds: readonly RoleKind[], title: string | null = null): void => {
  if (kinds.includes('writer')) into.writers.push(...names);
  if (kinds.includes('photographer')) into.photographers.push(...names);
  entitle(into, names, title);
};

/**
 * Adds the names of another reading (a 电头's, a byline's) to these, in
 * print order, with their role words.
 */
export function addNames(into: Names, from: Names): void {
  into.writers.push(...from.writers);
  into.photographers.push(...from.photographers);
  for (const [name, title] of Object.entries(from.titles)) entitle(into, [name], title);
}

/**
 * Bullets and rules a paper sets before or around a byline: □记者 X, ■ X,
 * ·X Y·, ◎X, and the private-use characters an e-paper's font draws as a
 * bullet (a copy keeps them as they are).
 */
const BULLETS = new RegExp(String.raw`^[${BULLET_MARKS}${FONT_BULLETS}\s]+|[${BULLET_MARKS}${FONT_BULLETS}\s]+$`, 'gu');

/** The letter a copy renders a byline's bullet as, before a role word: N本报记者 陈恭璋. */
const LETTER_BEFORE_ROLE = new RegExp(String.raw`^${LETTER_BULLET}(?=[\u4e00-\u9fff]{0,4}(?:${alternation(STAFF_ROLE_WORDS)}))`, 'u');

/**
 * Reads a run of tokens that are role words, names, or role words with a
 * name: the role word says who the names after it are (摄影记者: the
 * photographer). Returns null when a token is neither.
 */
function readNames(tokens: string[]): Names | null {
  const names = empty();
  let kind: RoleKind = 'writer';
  let title: string | null = null;
  let pending: string[] = [];
  let afterRole = false;
  const flush = (): boolean => {
    if (pending.length === 0) return true;
    // Right after a role word (记者 毓洛), a two- or three-character name needs no surname from the table.
    // Names run together (通讯员王娟王文哲, （孟西安祁鸿斌）) are read apart by their surnames.
    const alone = pending.length === 1 ? (pending[0] ?? '') : null;
    const split =
      namesOfRun(pending.join(' ')) ??
      (alone !== null && afterRole && /^[\u4e00-\u9fff]{2,3}$/u.test(alone) ? [alone] : alone !== null ? segmentNames(alone) : null);
    pending = [];
    afterRole = false;
    if (split) add(names, split, [kind], title);
    return split !== null;
  };
  const queue = [...tokens];
  for (let token = queue.shift(); token !== undefined; token = queue.shift()) {
    const role = ROLE_WORD.exec(token);
    if (!role) {
      pending.push(token);
      continue;
    }
    if (!flush()) return null;
    kind = isPhotoRole(role[0]) ? 'photographer' : 'writer';
    title = role[0];
    afterRole = true;
    const [names, ...roles] = token.slice(role[0].length).split(INNER_ROLE);
    if (names) pending.push(names);
    queue.unshift(...roles);
  }
  if (!flush()) return null;
  return names.writers.length + names.photographers.length > 0 ? names : null;
}

/**
 * Role-led tokens: 记者朱文君 张彤 范译, 本报记者 王玮丽 沈雪梅, 记者 张三
 * 通讯员 李四. Every token is a role word, a name, or a role word with a name.
 * Returns null when the first is no role word or a token is neither.
 * @example roleLedNames('记者朱文君 张彤 范译') // writers 朱文君 张彤 范译
 */
export function roleLedNames(text: string): Names | null {
  const tokens = text.trim().split(/\s+/u);
  return tokens[0] && ROLE_WORD.test(tokens[0]) ? readNames(tokens) : null;
}

/** Slash roles, longest first, so that 文/图 is read before 文. */
const SLASH_ROLE_KEYS = Object.keys(SLASH_ROLES).sort((a, b) => b.length - a.length);

/** The slash role a token opens with (文/…, 文/图 …), and the rest after its slash. */
function leadingRole(token: string): { roles: readonly RoleKind[]; rest: string } | null {
  for (const key of SLASH_ROLE_KEYS) {
    if (token === key && key.includes('/')) return { roles: SLASH_ROLES[key] ?? [], rest: '' };
    if (token.startsWith(`${key}/`)) return { roles: SLASH_ROLES[key] ?? [], rest: token.slice(key.length + 1) };
  }
  return null;
}

/** A name-first token: 张三/文, 张三/文、摄. */
function trailingRole(token: string): { name: string; roles: readonly RoleKind[] } | null {
  const slash = token.indexOf('/');
  if (slash <= 0) return null;
  const roles = SLASH_ROLES[token.slice(slash + 1)];
  const name = token.slice(0, slash);
  return roles && isPersonName(name) ? { name, roles } : null;
}

/**
 * Slash forms: 文/张三, 文/张三 图/李四, 文/图 张三, 图文/张三, 张三/文,
 * 张三/文 李四/图, 撰文/张三 摄影/李四, 文/本报记者 张三, 张三/文、摄.
 * @example slashNames('文/张三 图/李四') // writers 张三, photographers 李四
 * @example slashNames('张三/文、摄') // 张三 both
 */
export function slashNames(text: string): Names | null {
  if (!text.includes('/')) return null;
  const tokens = text
    .trim()
    .replace(/\s*\/\s*/gu, '/')
    .split(/\s+/u);
  const names = empty();
  let roles: readonly RoleKind[] | null = null;
  // A role word set alone (海都记者 李帅/文 毛朝青/图) is the title of the names after it.
  let title: string | null = null;
  const take = (who: string): boolean => {
    if (who === '') return true;
    if (ROLE_WORD.exec(who)?.[0] === who) {
      title = who;
      return true;
    }
    const found = roleLedNames(who) ?? namesOnly(who);
    if (!found || !roles) return false;
    const all = [...found.writers, ...found.photographers];
    add(names, all, roles);
    for (const name of all) entitle(names, [name], found.titles[name] ?? title);
    return true;
  };
  for (const token of tokens) {
    const lead = leadingRole(token);
    if (lead) {
      roles = lead.roles;
      if (!take(lead.rest)) return null;
      continue;
    }
    const trail = trailingRole(token);
    if (trail) {
      add(names, [trail.name], trail.roles, title);
      roles = null;
      continue;
    }
    if (!take(token)) return null;
  }
  return names.writers.length + names.photographers.length > 0 ? names : null;
}

/**
 * Names each followed, after a space, by what the person did: 朱晨凯 文  王成喜 绘
 * (a cartoon's writer and artist). One of them must have written, so that
 * a photo credit (张三 摄) is never read as a byline.
 * @example spacedRoles('朱晨凯 文  王成喜 绘') // writers 朱晨凯, photographers 王成喜
 */
export function spacedRoles(text: string): Names | null {
  const tokens = text.trim().split(/\s+/u);
  if (tokens.length < 2 || tokens.length % 2 !== 0) return null;
  const names = empty();
  for (let i = 0; i < tokens.length; i += 2) {
    const name = tokens[i] ?? '';
    const roles = SLASH_ROLES[tokens[i + 1] ?? ''];
    if (!roles || !isPersonName(name)) return null;
    add(names, [name], roles);
  }
  return names.writers.length > 0 ? names : null;
}

/**
 * Names alone, or names among role words, as set between dots, after a
 * bullet or in parentheses: ·张三 李四·, ◎张三, （朱冬娅、见习记者 姚程玉）.
 * @example namesOnly('张三 李四') // writers 张三 李四
 * @example namesOnly('朱冬娅、见习记者 姚程玉') // writers 朱冬娅 姚程玉
 */
export function namesOnly(text: string): Names | null {
  return readNames(
    text
      .trim()
      .split(/[\s、，]+/u)
      .filter((t) => t !== ''),
  );
}

/** Pen names between dots, set with spaces to the width of a name: ·通 平· is 通平. */
function penNames(text: string): Names | null {
  const tokens = text.trim().split(/\s+/u);
  if (!tokens.every((t) => /^[\u4e00-\u9fff]{1,4}$/u.test(t))) return null;
  const joined = tokens.every((t) => t.length === 1) ? [tokens.join('')] : tokens;
  return namesOf(joined);
}

/**
 * A school or unit before the name, as pupils' and readers' pieces are
 * signed: 南通市朝晖小学四(1)班 翁欣颐.
 * @example affiliatedName('南通市朝晖小学四（1）班 翁欣颐') // writers 翁欣颐
 */
export function affiliatedName(text: string): Names | null {
  const m = /^[\u4e00-\u9fff\d（）]{2,30}?(?:小学|中学|学校|幼儿园|大学|学院|班|年级|学生)\s+([\u4e00-\u9fff·]{2,8})$/u.exec(text.trim());
  // A pupil's or reader's own name: two or three characters, or four under a two-character surname.
  const name = m?.[1] ?? '';
  return isPersonName(name) && (name.length <= 3 || segmentNames(name)?.length === 1) ? namesOf([name]) : null;
}

/**
 * A reader's comment signed with where the reader lives and the name, as a
 * paper's opinion page prints it: 南京读者 朱红, 读者 王明, 市民 李强.
 * @example readerSignature('南京读者 朱红') // writers 朱红
 */
export function readerSignature(text: string): Names | null {
  const m = /^[\u4e00-\u9fff]{0,8}(?:读者|市民|网友)\s+([\u4e00-\u9fff]{2,3})$/u.exec(text.trim());
  return m?.[1] && isPersonName(m[1]) ? namesOf([m[1]]) : null;
}

/**
 * A reader's letter signed with a name or pen name and, in parentheses,
 * what the reader does or where the reader lives, as set after a bullet:
 * □鲁永松（职员）, □晓敏（市民）. The bullet marks it, so a pen name needs
 * no surname.
 */
function signedLetter(text: string): Names | null {
  const m = /^([\u4e00-\u9fff·]{2,6})（[\u4e00-\u9fff、·]{1,12}）$/u.exec(text);
  return m?.[1] ? namesOf([m[1]]) : null;
}

/** Trailing words of a byline that say what the named did: 报道, 采写, 文/摄. */
const REPORTED = /\s*(?:联合)?(?:报道|采写|整理|发自[\u4e00-\u9fff]{1,8})$/u;
const WROTE_AND_SHOT = /\s+(?:文\/摄|文\/图|文、摄|图文)$/u;

/**
 * A whole line (or a part of one) that is a byline, in any of the forms
 * above, with or without bullets, dots, parentheses, 报道 or 文/摄 after it.
 * Returns null when the text is not a byline.
 * @example bylineOf('本报记者 王玮丽 沈雪梅') // writers 王玮丽 沈雪梅
 * @example bylineOf('·张三 李四·') // writers 张三 李四
 * @example bylineOf('张三 李四报道') // writers 张三 李四
 * @example bylineOf('（张三/文、摄）') // 张三 as writer and photographer
 */
export function bylineOf(text: string): Names | null {
  let t = text.trim();
  if (t.length > 96 || charCount(t) > 48 || t === '') return null;
  const parens = /^（(.*)）$/u.exec(t);
  if (parens) t = parens[1] ?? '';
  // Some copies render the paper's byline bullet as a letter N: N本报记者 陈恭璋.
  t = t.replace(BULLETS, '').replace(LETTER_BEFORE_ROLE, '');
  if (t === '') return null;
  const both = WROTE_AND_SHOT.exec(t);
  if (both) {
    const found = bylineOf(t.slice(0, both.index));
    return found ? { writers: found.writers, photographers: [...found.photographers, ...found.writers], titles: found.titles } : null;
  }
  const reported = REPORTED.exec(t);
  if (reported && reported.index > 0) {
    const head = t.slice(0, reported.index);
    return roleLedNames(head) ?? namesOnly(head);
  }
  const roleLed = roleLedNames(t);
  if (roleLed) return roleLed;
  const slash = slashNames(t) ?? spacedRoles(t);
  if (slash) return slash;
  const affiliated = affiliatedName(t) ?? readerSignature(t);
  if (affiliated) return affiliated;
  // Bare names count only where the paper marked them as a byline: bullets,
  // dots or parentheses around them. Between dots (·通 平·) a pen name needs no surname.
  if (parens || t !== text.trim()) return namesOnly(t) ?? (/^·.*·$/u.test(text.trim()) ? penNames(t) : null) ?? signedLetter(t);
  return null;
}

/** Words set in parentheses after a text that sign nothing: （待续）, （摘编）. */
const NOT_SIGNED = /^(?:待续|续完|未完|摘编|编译|节选|综合|供图|资料|图文|有删节|全文完)$/u;
/** A body that sends a brief in, as a union paper signs it: （宝鸡县总工会）. */
const SENDING_BODY = /^[\u4e00-\u9fff]{2,10}(?:总工会|工会|委员会|办公室|宣传部|协会|公司|工厂|厂|局|站|所|院|学校|中心|队)$/u;

/**
 * The names a brief is signed with in parentheses, with no role word: one
 * to three given names or names (（炳坤 忠斌）, （晓溪）, （爱莲、沈平）), or the body that
 * sent it (（宝鸡县总工会）). Null when the text is not such a signature.
 * Only where a brief ends is this read so (the caller knows).
 * @example signedInParens('（炳坤 忠斌）') // ['炳坤', '忠斌']
 */
export function signedInParens(norm: string): string[] | null {
  const m = /^（([^（）]{2,12})）$/u.exec(norm.trim());
  const inner = m?.[1]?.trim() ?? '';
  if (inner === '' || NOT_SIGNED.test(inner)) return null;
  if (SENDING_BODY.test(inner)) return [inner];
  const names = inner.split(/\s+|、/u);
  // A two-character name is often set with a space between its characters: （北 文）.
  if (names.length === 2 && names.every((n) => /^[\u4e00-\u9fff]$/u.test(n))) return [names.join('')];
  return names.length <= 3 && names.every((n) => /^[\u4e00-\u9fff]{2,4}$/u.test(n)) ? names : null;
}

/**
 * Where a brief's signature in parentheses (see signedInParens) begins after
 * its last sentence: …节支3000多元。 （炳坤 忠斌）. Null when the text does
 * not end in one.
 */
export function signedInParensStart(norm: string): number | null {
  const t = norm.trimEnd();
  const open = t.lastIndexOf('（');
  if (open <= 0 || !t.endsWith('）') || !/[。！？…”]\s*$/u.test(t.slice(0, open))) return null;
  return signedInParens(t.slice(open)) ? open : null;
}

/**
 * Whether a byline ends with 报道, as a reporter signs what they covered; in
 * a photo group it names the photographers of the captions (摄影报道).
 * @example endsWithReport('半岛记者 张伟 报道') // true
 */
export const endsWithReport = (norm: string): boolean => /报道$/u.test(norm);

/**
 * Where a reporter's 报道 run on after a caption's last sentence begins, or
 * null: …拉起了警戒线。半岛记者 何毅 报道.
 * @example reportStart('民警在现场拉起了警戒线。半岛记者 何毅 报道') // 12
 */
export function reportStart(norm: string): number | null {
  const found = /[。！？]\s*([^\s。！？，]{0,8}?记者\s*[\u4e00-\u9fff]{2,4}\s*报道)$/u.exec(norm);
  return found?.[1] ? norm.length - found[1].length : null;
}
