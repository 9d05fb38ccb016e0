import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { paperSchema } from './archive/edition-meta.ts';
import { archiveLoader } from './loaders/archive-loader.ts';
import { foldTableLoader } from './loaders/fold-table-loader.ts';
import { formerLinksLoader } from './loaders/former-links-loader.ts';
import { papersLoader } from './loaders/papers-loader.ts';
import { storedArticleSchema } from './archive/stored-article.ts';

/** The content folder; tests and benchmarks point it at other archives. */
const contentDir = process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';

/** A published link that no longer shows a story of its own (see src/loaders/former-links-loader.ts). */
const formerLinkSchema = z.discriminatedUnion('status', [
  z.object({
    /** The link as published. */
    from: z.string().startsWith('/'),
    /** merged: a correction merged its story into another; moved: the registry moved it. */
    status: z.enum(['merged', 'moved']),
    /** The permanent link of the story now. */
    to: z.string().startsWith('/'),
  }),
  z.object({
    /** The link as published. */
    from: z.string().startsWith('/'),
    /** retired: its story was withdrawn (撤稿). */
    status: z.literal('retired'),
    /** When, YYYY-MM-DD. */
    date: z.iso.date(),
    /** Why, as the archivist wrote it. */
    reason: z.string().min(1),
    /** Where its page is still there: the page (path from the project root) and the lines its story held, left out of the page's raw text. */
    withdrawn: z.object({ path: z.string(), lines: z.tuple([z.number().int(), z.number().int()]) }).optional(),
  }),
]);

/** The traditional → simplified pairs the search page ships (one entry). */
const foldTableSchema = z.object({
  /** Pairs of characters, traditional then simplified, whose target occurs in the archive. */
  pairs: z.string(),
});

export const collections = {
  articles: defineCollection({ loader: archiveLoader({ contentDir }), schema: storedArticleSchema }),
  papers: defineCollection({ loader: papersLoader({ contentDir }), schema: paperSchema }),
  searchFold: defineCollection({ loader: foldTableLoader({ contentDir }), schema: foldTableSchema }),
  formerLinks: defineCollection({ loader: formerLinksLoader({ contentDir }), schema: formerLinkSchema }),
};
