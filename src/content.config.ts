import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { archiveLoader } from './loaders/archive-loader.ts';
import { foldTableLoader } from './loaders/fold-table-loader.ts';
import { formerLinksLoader } from './loaders/former-links-loader.ts';
import { papersLoader } from './loaders/papers-loader.ts';

/** The content folder; tests and benchmarks point it at other archives. */
const contentDir = process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';

/** First and last source line (1-based). */
const lineRangeSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/** A subhead (小标题) and the anchor rehype-slug gave it. */
const sectionSchema = z.object({
  /** The subhead as printed. */
  title: z.string(),
  /** Its id on the story page. */
  anchor: z.string(),
});

/** The title shown for an item; `added` when the site made it up. */
const titleSchema = z.object({
  /** Text shown. */
  text: z.string(),
  /** True when the paper printed no headline and the site added this one. */
  added: z.boolean(),
});

/** Where an item comes from in the raw pages. */
const sourceSchema = z.object({
  /** File name of the raw page. */
  file: z.string(),
  /** Its path in the repository. */
  path: z.string(),
  /** First and last line of the item. */
  lines: lineRangeSchema,
});

/** One item of a printed page: a story, a jump (上接…版) or a photo. */
const articleSchema = z.object({
  /** Permalink without slashes. */
  id: z.string(),
  /** Site-relative permanent link. */
  url: z.string().startsWith('/'),
  /** Paper id. */
  paper: z.string(),
  /** Paper name as printed. */
  paperName: z.string(),
  /** Publication date, YYYY-MM-DD. */
  date: z.iso.date(),
  /** 版次 as printed, or null when unknown. */
  page: z.string().nullable(),
  /** 版名 (看南通), or null when not known. */
  pageName: z.string().nullable(),
  /** Position of the page within the edition. */
  pageIndex: z.number().int().nonnegative(),
  /** Position of the item on its page. */
  order: z.number().int().nonnegative(),
  /** story, jump or photo. */
  kind: z.enum(['story', 'jump', 'photo']),
  /** 引题. */
  kicker: z.string().nullable(),
  /** 主题. */
  headline: z.string().nullable(),
  /** 副题. */
  subtitle: z.string().nullable(),
  /** Column label such as 直通省两会 2024. */
  column: z.string().nullable(),
  /** 电头. */
  dateline: z.string().nullable(),
  /** Byline line as printed. */
  byline: z.string().nullable(),
  /** Writers' names. */
  bylines: z.array(z.string()),
  /** Photo credit line as printed. */
  credit: z.string().nullable(),
  /** Photographers' names. */
  credits: z.array(z.string()),
  /** Page label of 上接…版. */
  continuedFrom: z.string().nullable(),
  /** Page label of 下转…版. */
  continuesOn: z.string().nullable(),
  /** Notes printed after the story that belong to it: （完）, （据新华社）. */
  endnotes: z.array(z.string()),
  /** Title to show. */
  title: titleSchema,
  /** Subheads with anchors (the body itself is read from the raw page when shown). */
  sections: z.array(sectionSchema),
  /** Provenance. */
  source: sourceSchema,
});

/** A paper the archive holds, from content/papers.yml. */
const paperSchema = z.object({
  /** Short id used in URLs. */
  id: z.string(),
  /** Printed name. */
  name: z.string(),
  /** English name. */
  nameEn: z.string().optional(),
  /** Place of publication. */
  place: z.string().optional(),
  /** Publisher. */
  publisher: z.string().optional(),
  /** First edition the archive may hold, YYYY-MM-DD. */
  from: z.iso.date().optional(),
  /** Last edition, for a paper that ceased. */
  to: z.iso.date().optional(),
});

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
  }),
]);

/** The traditional → simplified pairs the search page ships (one entry). */
const foldTableSchema = z.object({
  /** Pairs of characters, traditional then simplified, whose target occurs in the archive. */
  pairs: z.string(),
});

export const collections = {
  articles: defineCollection({ loader: archiveLoader({ contentDir }), schema: articleSchema }),
  papers: defineCollection({ loader: papersLoader({ contentDir }), schema: paperSchema }),
  searchFold: defineCollection({ loader: foldTableLoader({ contentDir }), schema: foldTableSchema }),
  formerLinks: defineCollection({ loader: formerLinksLoader({ contentDir }), schema: formerLinkSchema }),
};
