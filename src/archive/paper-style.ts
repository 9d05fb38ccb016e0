import { z } from 'zod';

/**
 * A paper's house style: how it sets what the text alone leaves open, for
 * the parser to weigh as a prior on that paper's pages only. An archive is
 * fed by the same few papers for years, and each sets its heads its own way:
 * one prints a two-line head as 引题 over 主题, another as 主题 over 副题.
 * Declared in papers.yml under the paper's `style`; `npm run parse:style --
 * <paper>` proposes it from the corrections kept on the paper's pages.
 */

/** How a paper sets a head of two display lines. */
export const TWO_LINE_HEADS = ['kicker-headline', 'headline-subtitle', 'headline'] as const;
/** A shape of two-line head: 引题 + 主题, 主题 + 副题, or one 主题 broken over two lines. */
export type TwoLineHead = (typeof TWO_LINE_HEADS)[number];

/** The roles each shape gives the two lines. */
export const TWO_LINE_ROLES: Readonly<Record<TwoLineHead, readonly ['kicker' | 'headline', 'headline' | 'subtitle']>> = {
  'kicker-headline': ['kicker', 'headline'],
  'headline-subtitle': ['headline', 'subtitle'],
  headline: ['headline', 'headline'],
};

/** A paper's `style` in papers.yml. */
export const paperStyleSchema = z.strictObject({
  /** How the paper sets a head of two display lines (both lines plain, no —— or ： to tell). */
  twoLineHead: z.enum(TWO_LINE_HEADS, { error: `twoLineHead: one of ${TWO_LINE_HEADS.join(', ')}` }).optional(),
});

/** A paper's house style, as validated. */
export type PaperStyle = z.output<typeof paperStyleSchema>;

/** The shape of a two-line head, from its roles; null for roles that are none of the shapes. */
export function twoLineShape(roles: readonly string[]): TwoLineHead | null {
  for (const shape of TWO_LINE_HEADS) {
    const [a, b] = TWO_LINE_ROLES[shape];
    if (roles.length === 2 && roles[0] === a && roles[1] === b) return shape;
  }
  return null;
}
