import { z } from 'zod';
import { ITEM_KINDS } from './item-kinds.ts';

export { ITEM_KIND_LABELS } from './item-kinds.ts';

/**
 * The one description of an item (story, jump or photo) every part of the
 * archive shares: what the parser reads off the page, what the content
 * collection stores, what the bulk data publishes and what the tests read
 * back are all this schema, picked, extended or (in the store) made partial.
 * A field added here reaches every shape; zod would silently strip one that
 * a hand-written copy lacked.
 */

/** The kinds of item a page holds (./item-kinds.ts, where their labels are). */
export const itemKindSchema = z.enum(ITEM_KINDS);

/** The title the site shows: the headline, or one the site made up (marked). */
export const itemTitleSchema = z.object({
  /** The text to show. */
  text: z.string(),
  /** True when the site made the title up (a photo or a headless jump). */
  added: z.boolean(),
});

/** First and last source line (1-based). */
export const lineRangeSchema = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/** A subhead (小标题) and the anchor rehype-slug gave it. */
export const sectionSchema = z.object({
  /** The subhead as printed. */
  title: z.string(),
  /** Its id on the story page. */
  anchor: z.string(),
});

/** What the paper printed of an item, as the parser reads it off the page. */
export const printedItemSchema = z.object({
  /** story, jump or photo. */
  kind: itemKindSchema,
  /** 引题, printed above the headline. */
  kicker: z.string().nullable(),
  /** 主题; a headline broken over two display lines is joined. */
  headline: z.string().nullable(),
  /** 副题, printed below the headline. */
  subtitle: z.string().nullable(),
  /** A column label such as 直通省两会 with its year line. */
  column: z.string().nullable(),
  /** 电头 at the start of the first paragraph, with the names set in it, e.g. 本报讯（记者彭军君 实习生陈少鹏）. */
  dateline: z.string().nullable(),
  /** The byline as printed, e.g. 本报记者 王玮丽 沈雪梅; several byline lines are joined by a space. */
  byline: z.string().nullable(),
  /** Names of writers from the dateline and the byline, in print order. */
  bylines: z.array(z.string()),
  /** The photo credit as printed, e.g. 记者 许丛军摄; several are joined by a space. */
  credit: z.string().nullable(),
  /** Names of photographers from credits (and from bylines such as 文/摄). */
  credits: z.array(z.string()),
  /** The role word printed before a name of bylines or credits, for each printed after one, as the parser reads it (記者 is 记者): { 王玮丽: '本报记者' }. */
  titles: z.record(z.string(), z.string()),
  /** Page label of 上接…版, e.g. "A1". */
  continuedFrom: z.string().nullable(),
  /** Page label of 下转…版. */
  continuesOn: z.string().nullable(),
  /** Notes printed after the story that belong to it: （完）, （据新华社）, （合作单位：…）. */
  endnotes: z.array(z.string()),
  /** The title to show. */
  title: itemTitleSchema,
});

/** Where an item comes from in the raw pages. */
export const itemSourceSchema = z.object({
  /** File name of the raw page. */
  file: z.string(),
  /** Its path in the repository. */
  path: z.string(),
  /** First and last line of the item. */
  lines: lineRangeSchema,
});

/** One item of the archive as the pages read it: the printed item with its link, its place and its provenance (the content store keeps it in short: stored-article.ts). */
export const articleSchema = printedItemSchema.extend({
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
  /** Subheads with anchors (the body itself is read from the raw page when shown). */
  sections: z.array(sectionSchema),
  /** Provenance. */
  source: itemSourceSchema,
});

/** One item as the public bulk data (/api/) publishes it (docs/searchers.md, "Bulk data"); fields are only ever added. */
export const bulkArticleSchema = articleSchema
  .pick({
    id: true,
    url: true,
    paper: true,
    paperName: true,
    date: true,
    page: true,
    pageName: true,
    kind: true,
    title: true,
    kicker: true,
    headline: true,
    subtitle: true,
    column: true,
    dateline: true,
    byline: true,
    bylines: true,
    credit: true,
    credits: true,
    continuedFrom: true,
    continuesOn: true,
    endnotes: true,
    sections: true,
  })
  .extend({
    /** The paragraphs as printed, column breaks joined. */
    paragraphs: z.array(z.string()),
    /** The raw page and the lines the item covers. */
    source: itemSourceSchema.pick({ file: true, lines: true }),
  });

/** What the parser reads of an item (see printedItemSchema). */
export type PrintedItem = z.output<typeof printedItemSchema>;
/** The kind of an item. */
export type ItemKind = z.output<typeof itemKindSchema>;
/** The title the site shows. */
export type ItemTitle = z.output<typeof itemTitleSchema>;
/** One item as the pages read it (the content store keeps it in short: stored-article.ts). */
export type ArticleData = z.output<typeof articleSchema>;
/** One item as the bulk data publishes it. */
export type BulkArticle = z.output<typeof bulkArticleSchema>;
