import { comparePageLabels } from '../archive/article-record.ts';
import { digestOf, readPage } from '../archive/page-reader.ts';
import { pageNotes } from './page-review.ts';
import { readSources, type ReviewSource } from './review-source.ts';

/**
 * The list of every raw page of a content folder for the review index:
 * newest edition first (a day's new pages are the newest dates), then by
 * paper, page and file, each with how many notes its parse has.
 */

/** One raw page as the review index lists it. */
export interface ReviewEntry {
  /** Its address under /review/. */
  slug: string;
  /** Its path, as the check names it. */
  file: string;
  /** Paper id, date and page label from its .yml, when they read. */
  paper: string | null;
  date: string | null;
  page: string | null;
  pageName: string | null;
  /** Items the parser read, and its notes; null when the page cannot be read. */
  items: number | null;
  notes: number | null;
  /** Problems of the page or its .yml (they stop the check and the build). */
  problems: number;
}

/** Newest date first; pages without a readable date last. */
function compareEntries(a: ReviewEntry, b: ReviewEntry): number {
  return (
    (b.date ?? '').localeCompare(a.date ?? '') ||
    (a.paper ?? '').localeCompare(b.paper ?? '') ||
    comparePageLabels(a.page, b.page) ||
    a.file.localeCompare(b.file)
  );
}

/** Item and note counts by the digest of a page's text, corrections and house style: the index is reloaded far more often than pages change. */
const counted = new Map<string, { items: number; notes: number }>();

/** How many items and notes the parse of a page has (read through the page reader, which keeps the parse for the page's own review). */
function countsOf({ text, corrections, style }: ReviewSource & { text: string }): { items: number; notes: number } {
  const key = digestOf(text, corrections, style);
  let counts = counted.get(key);
  if (!counts) {
    const parsed = readPage(text, corrections, style);
    counts = { items: parsed.items.length, notes: pageNotes(parsed).length };
    counted.set(key, counts);
  }
  return counts;
}

/** A page as listed. */
function entryOf(source: ReviewSource): ReviewEntry {
  const counts = source.text === null ? null : countsOf({ ...source, text: source.text });
  return {
    slug: source.slug,
    file: source.file,
    paper: source.meta?.paper ?? null,
    date: source.meta?.date ?? null,
    page: source.meta?.page ?? null,
    pageName: source.meta?.pageName ?? null,
    items: counts?.items ?? null,
    notes: counts?.notes ?? null,
    problems: source.problems.length,
  };
}

/**
 * Every raw page of a content folder, newest first, with its note count.
 * @example listReviewPages('content')[0] // { slug: 'jhwb/2025-02-06/000_29ee23daad04a246', date: '2025-02-06', notes: 1, … }
 */
export function listReviewPages(contentDir: string, root: string = process.cwd()): ReviewEntry[] {
  return readSources(contentDir, root).map(entryOf).sort(compareEntries);
}
