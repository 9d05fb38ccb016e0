/**
 * The words and marks of Chinese dailies that the readers of a page share:
 * news agencies, the role words and titles printed before a name, and the
 * bullets. Written once here; the conventions build their patterns from
 * these lists, and the people pages read titles with them. Matched on the
 * matching form (simplified characters, full-width marks; see width.ts), so
 * each word is written in simplified characters only: 記者 is read as 记者.
 */

/** News agencies known by name; in parentheses after a text, one says where the text came from: （新华社）, （法新社）. */
export const NEWS_AGENCIES = [
  '新华社',
  '新华',
  '中新社',
  '中通社',
  '路透社',
  '美联社',
  '法新社',
  '合众国际社',
  '合众社',
  '共同社',
  '塔斯社',
  '俄通社',
  '俄新社',
  '德新社',
  '埃菲社',
  '安莎社',
  '韩联社',
  '越通社',
  '美通社',
] as const;

/**
 * An agency's name as a brief's source prints it: a known one, or any short
 * name ending in 社 (俄塔社, 埃菲社, 朝中社), and two joined (俄通社|塔斯社).
 * A pattern source, for the conventions to build on.
 */
export const AGENCY_NAME = (() => {
  const one = `(?:${[...NEWS_AGENCIES].sort((a, b) => b.length - a.length).join('|')}|[\u4e00-\u9fff]{1,4}社)`;
  return `${one}(?:[|｜、·]${one})?`;
})();

/**
 * Role words: the last word of what a byline prints before a name, saying
 * what the person is to the paper: 记者, 通讯员, 实习生, 评论员, 撰稿人,
 * 特约撰稿 (撰稿 alone is not printed), 拍友 (a reader who sends photos),
 * 摄影师 (荆州日报签约摄影师 肖杨 摄).
 */
export const ROLE_WORDS = ['记者', '通讯员', '实习生', '评论员', '撰稿人', '特约撰稿', '拍友', '摄影师'] as const;

/** The role word that any outlet's name may stand before: 郑州晚报记者, 海都记者. */
export const REPORTER: (typeof ROLE_WORDS)[number] = '记者';

/**
 * The role words of a newsroom's own people: a paper runs them into the
 * names without a space (记者王健通讯员李明), a signature after a text's last
 * sentence opens with one (…天气。记者俞慧娟), and a 电头 may run into one
 * (滨州网讯记者 X).
 */
export const STAFF_ROLE_WORDS = ['记者', '通讯员', '实习生'] as const;

/** Outlets a byline names before its role word: 本报记者, 本刊记者, 晚报记者, 新华社记者, 人民日报记者 (other papers are read by their name's ending). */
export const ROLE_OUTLETS = ['本报', '本刊', '晚报', '新华社', '中新社', '人民日报'] as const;

/** Ranks and desks printed between the outlet and the role word: 首席记者, 特约通讯员, 本报特派记者, 签约摄影师, 见习记者, 融媒体记者, 视觉记者, 摄影记者. */
export const ROLE_RANKS = ['首席', '特约', '特派', '签约', '见习', '资深', '融媒体', '融媒', '全媒体', '全媒', '视觉', '摄影'] as const;

/** Role words that make the person the photographer, with any outlet before them: 摄影记者, 本报摄影记者, 视觉记者. */
export const PHOTO_ROLE_WORDS = ['摄影记者', '视觉记者', '摄影师'] as const;

/**
 * The titles a person is shown with (the people pages): what a role word
 * ends with, longest first so that 见习记者 is not read as 记者. Any outlet
 * or rank before 记者 otherwise (本报记者, 首席记者, 新华社记者) is the title
 * 记者, and 特约通讯员 is 通讯员; a role word ending in none (评论员) gives no title.
 */
export const PERSON_TITLES = ['见习记者', '实习记者', '特约记者', '摄影记者', '记者', '通讯员', '实习生', '拍友'] as const;

/**
 * The title a person is shown with for the role word the parser read
 * before their name (see PERSON_TITLES), or null.
 * @example personTitle('本报记者') // '记者'
 * @example personTitle('本报见习记者') // '见习记者'
 * @example personTitle('评论员') // null
 */
export function personTitle(roleWord: string): string | null {
  return PERSON_TITLES.find((title) => roleWord.endsWith(title)) ?? null;
}

/**
 * Every bullet a paper sets before a line or around a name: before a list
 * item (■ 加快…, ◆ 推进…), and around a byline (□记者 X, ◎X, ·X Y·).
 */
export const BULLETS = '□■◎●○◆◇▲△★☆▶►·•';

/**
 * The private-use characters an e-paper's font draws as a bullet (a copy
 * keeps them as they are), as a regular-expression class escape to set
 * beside the bullets.
 */
export const FONT_BULLETS = String.raw`\p{Co}`;

/** A letter some copies render a paper's byline bullet as: N本报记者 陈恭璋. */
export const LETTER_BULLET = 'N';

/** Bullets a paper sets before each brief of a run, or before a caption: ▲, △, ■, ●. */
export const BRIEF_BULLETS = '▲△■□●○◆◇★☆';

/**
 * Bullets that open a signature, a credit or a source run in after a
 * text's last sentence: …投入运行。□鲁永松（职员）, ■ 新华社记者 王松 摄,
 * …春天的气息。 □ 据新华社. Squares, circles, diamonds and arrows; a
 * triangle there opens a caption (▲图为…).
 */
export const SIGNATURE_BULLETS = '□■◎●◆▶►';

/** Bullets set before a column label above a heading: ■民生关注, ◆短评. */
export const LABEL_BULLETS = '■□◆◇●';

/** Rules a paper sets before a column label: ▌民生关注, |短评. */
export const LABEL_RULES = '▌|';

/** Marks that open a caption of a series of photos: ▲…, △…, ▶…, ▼…. */
export const CAPTION_BULLETS = '▲△▶►▼';

/** China's provinces, regions and municipalities by their short names, as a place line over a brief names them (湖南岳阳). */
export const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
] as const;

/** A regular-expression alternation of words, longest first so that a longer word wins. */
export const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');

/** The Chinese name of each role a line of a page may play, as copy editors say it; read by the parser's notes and the review page. */
export const ROLE_NAMES_ZH = {
  column: '栏目',
  kicker: '引题',
  headline: '主题',
  subtitle: '副题',
  dateline: '电头',
  jump: '转版',
  paragraph: '正文',
  subhead: '小标题',
  byline: '署名',
  credit: '摄影',
  caption: '图片说明',
  endnote: '附注',
  layout: '版面',
} as const;

/** Labels over a run of briefs: every item under them is a brief with a 主题 of its own, none a story with subheads. */
export const BRIEF_LABELS: ReadonlySet<string> = new Set([
  '简讯',
  '短讯',
  '快讯',
  '一句话新闻',
  '新闻集锦',
  '新闻速递',
  '国际简讯',
  '国内简讯',
  '本地简讯',
  '简明新闻',
  '要闻简报',
  '新闻简报',
  '综合新闻',
  '新闻速览',
  '速读',
  '资讯',
]);
