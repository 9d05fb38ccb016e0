import { z } from 'zod';
import { articleSchema } from '../../archive/item-schema.ts';

/**
 * The shape of what search stores of a story, derived from the item's
 * schema (src/archive/item-schema.ts): its link, paper, date, page and kind
 * are the item's own fields, picked. Kept apart from ./search-record.ts so
 * that the browser, which only needs the types, does not bundle zod.
 */

/** Which printed part a block is. */
export const blockFieldSchema = z.enum([
  'kicker',
  'headline',
  'subtitle',
  'column',
  'dateline',
  'subhead',
  'paragraph',
  'byline',
  'credit',
  'endnote',
]);

/** One printed block: [field, text, anchor of the subhead it sits under or ""]. */
export const recordBlockSchema = z.tuple([blockFieldSchema, z.string(), z.string()]);

/** One story as search stores it. */
export const searchRecordSchema = articleSchema
  .pick({ url: true, paper: true, paperName: true, date: true, page: true, pageName: true, kind: true })
  .extend({
    /**
     * The name of the column it is printed under (src/data/column-name.ts), as
     * the column pages and the search's column filter know it; null when none.
     */
    columnName: z.string().nullable(),
    /**
     * The names of its writers then photographers, each once, as the people
     * pages know them (src/data/people.ts storyNames): the search's author filter.
     */
    authors: z.array(z.string()),
    /** Title the site shows (a photo's is made up by the site). */
    title: z.string(),
    /** Printed text in print order. */
    blocks: z.array(recordBlockSchema),
    /**
     * Site path of the raw page the story is printed on. Search indexes one
     * record per printed page (src/search/pagefind/page-record.ts), grouped by this.
     */
    source: z.string(),
  });

/** Which printed part a block is. */
export type BlockField = z.output<typeof blockFieldSchema>;
/** One printed block: [field, text, section]. */
export type RecordBlock = z.output<typeof recordBlockSchema>;
/** One story as search stores it. */
export type SearchRecord = z.output<typeof searchRecordSchema>;
