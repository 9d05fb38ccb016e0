import { createHash } from 'node:crypto';
import type { Correction } from './corrections.ts';
import type { PaperStyle } from './paper-style.ts';
import { parsePage } from './parse-page.ts';
import type { ParsedPage } from './types.ts';

/**
 * The one reader of raw pages: parses a page's text with its corrections
 * once per content and keeps the result, by the digest of both, for whoever
 * asks next: the archive plan (the loader) and the routes that show a body
 * read through it. The cache lives on globalThis, since Astro's loaders and
 * routes run as separately bundled copies of this module in one process. It
 * keeps the most recently read pages: what is asked is always the parse of
 * exactly that text, whatever order the pages are asked in; a page asked
 * again after it dropped out is parsed again, to the same result.
 */

/** Pages kept: a day's pages and the few that list them are read by the loader and then by the routes. */
const KEPT_PAGES = 512;

const CACHE = Symbol.for('nantong-newspaper-archive.parsed-pages');
type WithCache = typeof globalThis & { [CACHE]?: Map<string, ParsedPage> };

/** The digest a parse is kept under: the page's text, its corrections and its paper's house style. */
export const digestOf = (text: string, corrections: readonly Correction[], style: PaperStyle | undefined): string =>
  createHash('sha256')
    .update(text)
    .update('\0')
    .update(JSON.stringify(corrections))
    .update('\0')
    .update(JSON.stringify(style ?? null))
    .digest('hex');

/**
 * The parse of a raw page's text with its corrections and its paper's house
 * style (see parse-page.ts), made once per content.
 * @example readPage(text, corrections).items[0]?.headline
 */
export function readPage(text: string, corrections: readonly Correction[] = [], style?: PaperStyle): ParsedPage {
  const cache = ((globalThis as WithCache)[CACHE] ??= new Map());
  const key = digestOf(text, corrections, style);
  const kept = cache.get(key);
  if (kept) {
    // Most recently read last: a Map keeps insertion order.
    cache.delete(key);
    cache.set(key, kept);
    return kept;
  }
  const page = parsePage(text, corrections, { style });
  cache.set(key, page);
  if (cache.size > KEPT_PAGES) cache.delete(cache.keys().next().value ?? '');
  return page;
}
