/**
 * The words and marks of Chinese dailies that the readers of a page share:
 * news agencies, and the bullets set before briefs. Written once here; the
 * conventions build their patterns from these lists. Matched on the
 * matching form (simplified characters, full-width marks; see width.ts).
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

/** Bullets a paper sets before each brief of a run, or before a caption: ▲, △, ■, ●. */
export const BRIEF_BULLETS = '▲△■□●○◆◇★☆';

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
