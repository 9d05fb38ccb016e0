/**
 * Build time only (Node): writes one Pagefind index through Pagefind's Node
 * API, the one place the indexer touches it. The index is trimmed to what the
 * site uses: fragments lose their indexed text (./fragments.ts), and
 * Pagefind's script, wasm and UIs go, since the search reads the index files
 * itself (./shard-search.ts).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { UNUSED_FILE } from './bundle.ts';
import { dropFragmentContent } from './fragments.ts';
import { SEARCH_LANGUAGE as LANGUAGE } from '../../site/settings.ts';

/** One record as Pagefind's Node API takes it. */
export interface IndexRecord {
  /** Site path the record stands for. */
  url: string;
  /** The words indexed, separated by spaces. */
  content: string;
  /** Carried to the browser with each result, indexed as words too (./hidden-text.ts). */
  meta: Record<string, string>;
  /** Filter values, each a list. */
  filters: Record<string, string[]>;
  /** Sort keys. */
  sort: Record<string, string>;
}

/** Records sent to Pagefind before waiting for its answers: its service reads a stream. */
const IN_FLIGHT = 16;

/**
 * Indexes records into the folder `output`. Pagefind keeps an index's memory
 * until its service exits, so each index is best written by a process of its
 * own.
 * @example await writeIndex([{ url: '/a/2024-01-24/source/1.txt', content: 'epzabc', meta: {}, filters: {}, sort: {} }], 'dist/pagefind/a-2024h1')
 */
export async function writeIndex(records: Iterable<IndexRecord>, output: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  const add = async (batch: IndexRecord[]): Promise<void> => {
    const answers = await Promise.all(batch.map((record) => index.addCustomRecord({ ...record, language: LANGUAGE })));
    for (const added of answers) if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
  };
  // Records are made as they are sent, so a shard's words are never all in memory at once.
  let batch: IndexRecord[] = [];
  for (const record of records) {
    batch.push(record);
    if (batch.length === IN_FLIGHT) {
      await add(batch);
      batch = [];
    }
  }
  await add(batch);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  await pagefind.close();
  dropFragmentContent(output);
  for (const file of readdirSync(output)) if (UNUSED_FILE.test(file)) rmSync(join(output, file));
}
