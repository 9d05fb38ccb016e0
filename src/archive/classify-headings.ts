import { hasInnerSpace } from './classify-line.ts';

/** A display line of a heading group, with its source line number. */
export interface DisplayLine {
  text: string;
  line: number;
}

/** Display lines sorted into the printed hierarchy 引题 / 主题 / 副题. */
export interface HeadingParts {
  kicker: DisplayLine[];
  headline: DisplayLine[];
  subtitle: DisplayLine[];
}

const endsWithDash = (l: DisplayLine): boolean => /(?:——|—|：|:)$/u.test(l.text);
const startsWithDash = (l: DisplayLine): boolean => /^(?:——|—)/u.test(l.text);

/**
 * Sorts one to four display lines into kicker, headline and subtitle.
 *
 * The paper marks the hierarchy only sometimes: a kicker may end in ——, a
 * subtitle may start with ——. Otherwise the line of parallel phrases set with
 * spaces (聚焦重大任务 坚持一体推进 …) is the headline, as in the seed pages; two
 * lines without spaces are one headline broken over two lines.
 * @example classifyHeadings([{ text: '省政府工作报告明确“…”——', line: 3 }, { text: '潮起长江口，抢抓机遇向未来', line: 5 }])
 * // kicker: line 3, headline: line 5
 */
export function classifyHeadings(lines: DisplayLine[]): HeadingParts {
  const [a, b, c, d] = lines;
  if (!a) return { kicker: [], headline: [], subtitle: [] };
  if (!b) return { kicker: [], headline: [a], subtitle: [] };
  if (d && c) {
    // Four lines: one of the middle pair is a broken headline.
    return { kicker: [a], headline: [b, c], subtitle: [d] };
  }
  if (c) return { kicker: [a], headline: [b], subtitle: [c] };
  if (endsWithDash(a)) return { kicker: [a], headline: [b], subtitle: [] };
  if (startsWithDash(b)) return { kicker: [], headline: [a], subtitle: [b] };
  const spacedA = hasInnerSpace(a.text);
  const spacedB = hasInnerSpace(b.text);
  if (!spacedA && !spacedB) return { kicker: [], headline: [a, b], subtitle: [] };
  if (spacedB && !spacedA) return { kicker: [a], headline: [b], subtitle: [] };
  return { kicker: [], headline: [a], subtitle: [b] };
}
