/**
 * The names the review page gives what the parser read: the role of each
 * raw line, in the order a story prints them, and the kind of each item.
 * One table each, read by the legend, the line labels, the item boxes and
 * the styles (each role's class is `role-<id>`).
 */

/** The roles a raw line is coloured by, with their names in the README's glossary. */
export const REVIEW_ROLES = [
  { id: 'column', zh: '栏目', en: 'column' },
  { id: 'kicker', zh: '引题', en: 'kicker' },
  { id: 'headline', zh: '主题', en: 'headline' },
  { id: 'subtitle', zh: '副题', en: 'subtitle' },
  { id: 'dateline', zh: '电头', en: 'dateline' },
  { id: 'jump', zh: '转版', en: 'jump' },
  { id: 'paragraph', zh: '正文', en: 'paragraph' },
  { id: 'subhead', zh: '小标题', en: 'subhead' },
  { id: 'byline', zh: '署名', en: 'byline' },
  { id: 'credit', zh: '摄影', en: 'credit' },
  { id: 'endnote', zh: '附注', en: 'endnote' },
  { id: 'layout', zh: '版面', en: 'layout' },
] as const;

/** A role a raw line is shown with. */
export type ReviewRole = (typeof REVIEW_ROLES)[number]['id'];

/** The Chinese name of each role, as the line labels print it. */
export const ROLE_NAMES = Object.fromEntries(REVIEW_ROLES.map((r) => [r.id, r.zh])) as Readonly<Record<ReviewRole, string>>;

/** The name of each kind of item, as its box is headed: as `npm run parse` names it. */
export { KIND_NAMES } from '../archive/describe-parse.ts';
