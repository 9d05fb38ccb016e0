import { z } from 'zod';
import { isDeepStrictEqual } from 'node:util';
import { articleSchema, type ArticleData } from './item-schema.ts';

/**
 * An item as the content store keeps it: its record (item-schema.ts's
 * articleSchema) without the fields that say what their absence would. The
 * store is one string that every build writes, reads and compiles whole,
 * and V8 holds at most about half a billion characters in one string
 * (docs/deployers.md, "A million stories"): every field left out moves that
 * wall and shortens every one of those steps. A field is left out only when
 * {@link expandArticle} gives it back equal, so the pages read the same
 * record whichever form was stored.
 */

type Field = keyof ArticleData;

/** What a field holds when the store left it out, from the entry's id and the fields it kept. */
type Implied = (id: string, kept: Partial<ArticleData>) => unknown;

/**
 * Fields implied by others: the link is the id's, and a headline is the
 * title unless the site made one up. An implied field reads only fields
 * before it in the schema's order, which {@link compactArticle} has settled
 * by then.
 */
const IMPLIED_BY_OTHERS: Partial<Record<Field, Implied>> = {
  id: (id) => id,
  url: (id) => `/${id}/`,
  title: (_, kept) => ({ text: kept.headline ?? null, added: false }),
};

/** What an empty field of a schema's kind holds: null, [], {}; undefined when it has no empty value. */
function emptyOf(field: z.ZodType): (() => unknown) | undefined {
  if (field instanceof z.ZodNullable) return () => null;
  if (field instanceof z.ZodArray) return () => [];
  if (field instanceof z.ZodRecord) return () => ({});
  return undefined;
}

/** Each field the store may leave out, in the schema's order, with what its absence means. */
const IMPLIED: ReadonlyArray<readonly [Field, Implied]> = Object.entries(articleSchema.shape).flatMap(([name, field]) => {
  const implied = IMPLIED_BY_OTHERS[name as Field] ?? emptyOf(field);
  return implied ? [[name as Field, implied] as const] : [];
});

/** What each field the store may leave out means by its absence. */
const IMPLIED_BY_NAME = new Map(IMPLIED);

/** The fields the store may leave out. */
const OPTIONAL = Object.fromEntries(IMPLIED.map(([name]) => [name, true])) as Partial<Record<Field, true>>;

/** The `articles` collection's schema: the record, with the fields {@link compactArticle} may leave out optional. */
export const storedArticleSchema = articleSchema.partial(OPTIONAL);

/** One item as the content store keeps it. */
export type StoredArticle = z.output<typeof storedArticleSchema>;

/**
 * The record as the store keeps it: each field left out that
 * {@link expandArticle} gives back equal from the rest.
 * @example compactArticle('ntrb/2024-01-24/x', { id: 'ntrb/2024-01-24/x', url: '/ntrb/2024-01-24/x/', kicker: null, … }) // { … } without id, url, kicker
 */
export function compactArticle(id: string, record: ArticleData): StoredArticle {
  const kept: Partial<ArticleData> = { ...record };
  for (const [name, implied] of IMPLIED) {
    if (isDeepStrictEqual(record[name], implied(id, kept))) delete kept[name];
  }
  return kept as StoredArticle;
}

/**
 * The whole record of a stored item, its fields in the schema's order (the
 * order a whole record is stored in), as the pages read it.
 * @example expandArticle('ntrb/2024-01-24/x', { kind: 'story', headline: '…', … }).url // '/ntrb/2024-01-24/x/'
 */
export function expandArticle(id: string, stored: StoredArticle): ArticleData {
  const kept = stored as Partial<ArticleData>;
  const record: Record<string, unknown> = {};
  for (const name of Object.keys(articleSchema.shape) as Field[]) {
    const implied = name in kept ? undefined : IMPLIED_BY_NAME.get(name);
    record[name] = implied ? implied(id, kept) : kept[name];
  }
  return record as ArticleData;
}
