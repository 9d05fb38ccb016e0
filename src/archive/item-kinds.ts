/**
 * The kinds of item and what readers call them, apart from the item's schema
 * (./item-schema.ts, which builds its kind from these and re-exports the
 * labels) because the search's browser scripts show the labels too, and
 * importing the schema would bundle zod into them.
 */

/** The kinds of item a page holds: story (begins on this page), jump (continued from another page), photo (captioned pictures). */
export const ITEM_KINDS = ['story', 'jump', 'photo'] as const;

/**
 * What readers call each kind of item: in the search's results and its kind
 * filter, and on the badge of a photo with a printed title.
 */
export const ITEM_KIND_LABELS: Readonly<Record<(typeof ITEM_KINDS)[number], string>> = { story: '报道', jump: '转版', photo: '图片' };
