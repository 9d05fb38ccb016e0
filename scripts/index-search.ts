/**
 * Builds the Pagefind search index for a built site folder from the search
 * records the site wrote to <site>/search/records/<shard>.json, one file per
 * shard (the folder is then removed: it is build input, not part of the
 * site). Stories are indexed in shards, one Pagefind index per paper and year
 * (src/search/shards.ts), one shard after another so that memory is bounded
 * by the largest shard.
 *
 * Each Pagefind record is one printed page (src/search/page-record.ts): its
 * words are the union of its stories' trigram spellings of their folded
 * printed text (src/search/tokens.ts), its kind filter every kind it prints,
 * and its meta carries its stories' records for the browser to check each
 * story and mark matches, hidden from Pagefind's own indexing of meta
 * (src/search/hidden-text.ts).
 *
 * A hub index at the top holds Pagefind's script and wasm and a single
 * record that never matches: the browser opens it and merges the shards a
 * search needs into it.
 *
 * Only the shards whose records the site wrote are indexed: a rebuild
 * renders the records of the shards that changed, and scripts/build.ts keeps
 * the others from the last output.
 *
 * Usage: node scripts/index-search.ts <site-folder>
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { foldString } from '../src/archive/fold-text.ts';
import { traditionalToSimplified } from '../src/search/fold-table.ts';
import { dropFragmentContent } from '../src/search/fragment-content.ts';
import { groupByPage, pageKinds, pageMeta, type PageRecord } from '../src/search/page-record.ts';
import type { SearchRecord } from '../src/search/search-record.ts';
import { groupByShard } from '../src/search/shards.ts';
import { blockWords } from '../src/search/tokens.ts';

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
const HUB_PAGE: PageRecord = { url: '/search/', paper: '', date: '', stories: [] };

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
 * Indexes one shard's pages into `output` with a fresh Pagefind process,
 * then empties the fragments' indexed text, which search never reads
 * (src/search/fragment-content.ts).
 */
async function indexShard(pages: PageRecord[], output: string, table: FoldTable): Promise<void> {
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
  // A new process per shard: Pagefind keeps an index's memory until it exits.
  await pagefind.close();
  dropFragmentContent(output);
}

async function main(site: string): Promise<number> {
  const recordsDir = join(site, 'search', 'records');
  // A rebuild in which no shard changed renders no records at all.
  const records = (existsSync(recordsDir) ? readdirSync(recordsDir) : [])
    .sort()
    .flatMap((file) => (JSON.parse(readFileSync(join(recordsDir, file), 'utf8')) as { records: SearchRecord[] }).records);
  const table = traditionalToSimplified();
  const output = join(site, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  const shards = groupByShard(records, (record) => record);
  await indexShard([HUB_PAGE], output, table);
  for (const file of readdirSync(output)) if (UNUSED.test(file)) rmSync(join(output, file));
  for (const { shard, items } of shards) {
    const target = join(output, shard.id);
    await indexShard(groupByPage(items), target, table);
    for (const file of readdirSync(target)) if (UNUSED.test(file) || HUB_ONLY.test(file)) rmSync(join(target, file));
  }
  rmSync(recordsDir, { recursive: true, force: true });
  const pages = new Set(records.map((record) => record.source)).size;
  console.log(`Indexed ${records.length} items on ${pages} printed pages for search in ${shards.length} shards into ${output}`);
  return 0;
}

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/index-search.ts <site-folder>');
  process.exit(2);
}
main(site).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
