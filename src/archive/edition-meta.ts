import { z } from 'zod';
import { correctionSchema } from './corrections.ts';
import { paperStyleSchema } from './paper-style.ts';
import { RESERVED_TOP_LEVEL } from '../site/settings.ts';

/** An error map that says "required" when a field is missing, else zod's own words. */
const required = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `required: ${what}` : undefined),
});

/** A paper id as used in URLs: lower-case letters, digits and hyphens, not a name the site uses. */
const paperIdSchema = z
  .string(required('the paper id, e.g. "jhwb"'))
  .regex(/^[a-z][a-z0-9-]{1,30}$/u, 'use lower-case letters, digits and hyphens, e.g. "jhwb"')
  .refine((id) => !RESERVED_TOP_LEVEL.has(id), {
    error: (issue) =>
      `"${String(issue.input)}" is a name the site uses for its own pages (/${String(issue.input)}/); give the paper another id, e.g. its initials`,
  });

/** A real calendar date written YYYY-MM-DD (YAML may hand us a Date). */
const dateSchema = (missing: string, example: string) =>
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z.iso.date({
      error: (issue) => (issue.input === undefined ? `required: ${missing}` : `write the date as YYYY-MM-DD, e.g. ${example}`),
    }),
  );

/** One paper the archive holds, from content/papers.yml. */
export const paperSchema = z.strictObject({
  /** Short id used in URLs; never changes once published. */
  id: paperIdSchema,
  /** The paper's name as printed, e.g. 江海晚报. */
  name: z.string().min(1, 'the paper needs its printed name'),
  /** An English name for catalogues. */
  nameEn: z.string().min(1).optional(),
  /** Where it is published. */
  place: z.string().min(1).optional(),
  /** Who publishes it. */
  publisher: z.string().min(1).optional(),
  /** The first edition the archive may hold (YYYY-MM-DD): a page dated before it is warned of. */
  from: dateSchema('the first date', '1958-01-01').optional(),
  /** The last edition, for a paper that ceased (YYYY-MM-DD): a page dated after it is warned of. */
  to: dateSchema('the last date', '1966-08-31').optional(),
  /**
   * The days of the week it appears, 1 (Monday) to 7 (Sunday) as ISO 8601 and
   * GB/T 7408 number them: the completeness ledger counts the editions held
   * against them (completeness.ts). Every day when left out, as for a daily.
   */
  weekdays: z
    .array(z.number().int().min(1, 'a weekday is 1 (Monday) to 7 (Sunday)').max(7, 'a weekday is 1 (Monday) to 7 (Sunday)'))
    .min(1, 'list the days of the week the paper appears, e.g. [1, 2, 3, 4, 5] for Monday to Friday, or leave the field out for every day')
    .default([1, 2, 3, 4, 5, 6, 7]),
  /** Its house style, weighed by the parser on its pages (paper-style.ts). */
  style: paperStyleSchema.optional(),
});

/** content/papers.yml: the list of papers. */
export const papersFileSchema = z.array(paperSchema).min(1, 'list at least one paper');

/** A paper, as validated. */
export type Paper = z.output<typeof paperSchema>;

/** Where each edition fact comes from, so a reader can weigh it. */
const sourcesSchema = z.strictObject(
  {
    /** How the paper is known. */
    paper: z.string().min(1).optional(),
    /** How the publication date is known (printed, or inferred from what). */
    date: z.string(required('how the date is known')).min(1, 'say how the date is known'),
    /** How the page label is known, or why it is not. */
    page: z
      .string(required('how the page label is known, or that it is not printed'))
      .min(1, 'say how the page label is known, or that it is not printed'),
    /** Where the text was taken from: an e-paper address per story, an export. */
    text: z.string().min(1).optional(),
  },
  required('sources, saying how the date and page are known'),
);

/** The edition metadata beside each raw page (x.yml for x.txt). */
export const editionMetaSchema = z.strictObject({
  /** Paper id from content/papers.yml. */
  paper: paperIdSchema,
  /** Publication date. */
  date: dateSchema('the publication date as YYYY-MM-DD', '2025-02-06'),
  /** 版次 as printed (A1, 2, B12), or null when the page does not print it; a bare number (page: 5) is read as its label. */
  page: z.preprocess(
    (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? String(v) : v),
    z
      .string(required('the page label as printed, e.g. A2, or null when it is not printed'))
      .regex(/^[A-Z]{0,2}\d{1,3}[A-Z]?$/u, 'write the page label as printed, e.g. A2 or 3, or null when unknown')
      .nullable(),
  ),
  /** 版名, the page's name as printed in its header (看南通, 要闻), when known. */
  pageName: z
    .string()
    .min(1, 'give the page name as printed, e.g. 看南通, or leave the field out')
    .max(40, 'a page name is the short name in the page header, e.g. 看南通')
    .optional(),
  /** Where the facts above come from. */
  sources: sourcesSchema,
  /** The archivist's corrections of the parse, by line of the raw page (see docs/archivists.md, "Correcting a parse"). */
  corrections: z.array(correctionSchema).optional(),
});

/** Edition metadata of one page, as validated. */
export type EditionMeta = z.output<typeof editionMetaSchema>;
