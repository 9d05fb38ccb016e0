import { alternation, PROVINCES } from './lexicon.ts';

/**
 * A line that only names a place, as a paper sets it over a brief from
 * elsewhere (湖南岳阳 / 艺术节请劳模坐前排): a province, and a city or county
 * of two or three characters.
 * Read on the matching form (see width.ts).
 */
const PLACE_LINE = new RegExp(`^(?:${alternation(PROVINCES)})(?:省|市|自治区)?(?:[\\u4e00-\\u9fff]{2,3}[市县区]?)?$`, 'u');

/**
 * True for a line that only names a place: 湖南岳阳, 浙江舟山, 湖北武汉.
 * @example isPlaceLine('湖南岳阳') // true
 * @example isPlaceLine('江苏召开会议') // false
 */
export function isPlaceLine(norm: string): boolean {
  return PLACE_LINE.test(norm);
}
