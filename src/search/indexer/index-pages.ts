/**
 * Build time only (Node): writes a Pagefind index of printed pages. Each
 * Pagefind record is one printed page (../page-record.ts): its words are the
 * union of its stories' trigram spellings of their folded printed text
 * (../tokens.ts), its kind filter every kind it prints, and its meta carries
 * its stories' records for the browser to check each story and mark
 * matches, hidden from Pagefind's own indexing of meta (../hidden-text.ts).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { foldString } from '../../archive/fold-text.ts';
import { traditionalToSimplified } from '../fold-table.ts';
import { dropFragmentContent } from '../fragment-content.ts';
import { pageKinds, pageMeta, type PageRecord } from '../page-record.ts';
import { blockWords } from '../tokens.ts';

/** The language every record is filed under; matches the pages' lang. */
const LANGUAGE = 'zh-cn';
/** Pages sent to Pagefind before waiting for its answers: its service reads a stream. */
const IN_FLIGHT = 16;
/** Files of Pagefind's output the site does not use: its UIs, highlighter and worker. */
const UNUSED = /^pagefind[-.].*\.(js|css)$/u;
/** Files a shard needs only as the primary index of a search, which the hub is. */
const HUB_ONLY = /^(pagefind\.js|wasm\..*\.pagefind)$/u;

/**
 * The hub: a one-record index at /pagefind/ that every search opens as its
 * primary index (loading Pagefind's script and wasm from one place, once) and
 * merges the shards it needs into. It has no stories.
 */
export const HUB_PAGE: PageRecord = { url: '/search/', paper: '', date: '', stories: [] };

type FoldTable = ReturnType<typeof traditionalToSimplified>;

/**
 * Stands in for the words of a page without printed text (the hub), since
 * Pagefind wants some content: it starts with a digit, so no query word
 * (letters only) can match it.
 */
const NO_WORDS = '0hub';

/**
 * The distinct words of a page's stories, sorted: a page holds a word once
 * however many of its stories print it, since the browser checks every story
 * of a candidate page anyway. Sorted, because Pagefind stores each word's
 * position and its index chunks list words in sorted order: positions that
 * rise with the words compress better than positions in print order, which
 * nothing reads.
 */
function pageWords(page: PageRecord, table: FoldTable): string {
  const words = new Set<string>();
  for (const story of page.stories) {
    for (const [, text] of story.blocks) for (const word of blockWords(foldString(text, table))) words.add(word);
  }
  return words.size > 0 ? [...words].sort().join(' ') : NO_WORDS;
}

/**
 * Indexes printed pages into the folder `output` with Pagefind, empties the
 * fragments' indexed text, which search never reads
 * (../fragment-content.ts), and removes the files the site does not use: a
 * shard keeps no script or wasm, since it is only ever merged into the hub.
 * Pagefind keeps an index's memory until its service exits, so each index
 * is best written by a process of its own. That memory peaks while Pagefind
 * builds and writes the index, at about 2 MB per printed page (about 660
 * bytes per distinct trigram of each page), about four times what adding
 * the pages took: what bounds the size of a shard.
 */
export async function indexPages(pages: readonly PageRecord[], output: string, { hub = false }: { hub?: boolean } = {}): Promise<void> {
  const table = traditionalToSimplified();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  for (let start = 0; start < pages.length; start += IN_FLIGHT) {
    const batch = pages.slice(start, start + IN_FLIGHT).map((page) =>
      index.addCustomRecord({
        url: page.url,
        content: pageWords(page, table),
        language: LANGUAGE,
        meta: { stories: pageMeta(page.stories) },
        filters: { paper: [page.paper], year: [page.date.slice(0, 4)], kind: pageKinds(page) },
        sort: { date: page.date },
      }),
    );
    for (const added of await Promise.all(batch)) if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
  }
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  await pagefind.close();
  dropFragmentContent(output);
  for (const file of readdirSync(output)) if (UNUSED.test(file) || (!hub && HUB_ONLY.test(file))) rmSync(join(output, file));
}
