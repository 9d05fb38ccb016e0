import { ROLE_NAMES_ZH } from '../archive/conventions/lexicon.ts';

/**
 * The names the review page gives what the parser read: the role of each
 * raw line, in the order a story prints them, and the kind of each item.
 * One table each, read by the legend, the line labels, the item boxes and
 * the styles (each role's class is `role-<id>`).
 */

/** The roles a raw line is coloured by, in the order a story prints them. */
const REVIEW_ROLE_IDS = [
  'column',
  'kicker',
  'headline',
  'subtitle',
  'dateline',
  'jump',
  'paragraph',
  'subhead',
  'byline',
  'credit',
  'endnote',
  'layout',
] as const;

/** The roles a raw line is coloured by, with their names in the glossary of docs/archivists.md. */
export const REVIEW_ROLES = REVIEW_ROLE_IDS.map((id) => ({ id, zh: ROLE_NAMES_ZH[id], en: id }));

/** A role a raw line is shown with. */
export type ReviewRole = (typeof REVIEW_ROLE_IDS)[number];

/** The Chinese name of each role, as the line labels print it. */
export const ROLE_NAMES = Object.fromEntries(REVIEW_ROLES.map((r) => [r.id, r.zh])) as Readonly<Record<ReviewRole, string>>;

/** The name of each kind of item, as its box is headed: as `npm run parse` names it. */
export { KIND_NAMES } from '../archive/describe-parse.ts';
