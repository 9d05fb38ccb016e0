/**
 * Builds the Pagefind search index for a built site folder from the search
 * records the site wrote to <site>/search/records.json: one custom record per
 * item whose indexed words are the bigram spellings of its folded printed
 * text (see src/search/tokens.ts) and whose meta carries the printed text for
 * the browser to verify and mark matches.
 *
 * Usage: node scripts/index-search.ts <site-folder>
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { foldString } from '../src/archive/fold-text.ts';
import { traditionalToSimplified } from '../src/search/fold-table.ts';
import type { SearchRecord } from '../src/search/search-record.ts';
import { blockWords } from '../src/search/tokens.ts';

/** The language every record is filed under; matches the pages' lang. */
const LANGUAGE = 'zh-cn';

/** The distinct words of a record, in first-seen order. */
function recordWords(record: SearchRecord, table: ReturnType<typeof traditionalToSimplified>): string {
  const words = new Set<string>();
  for (const [, text] of record.blocks) for (const word of blockWords(foldString(text, table))) words.add(word);
  return [...words].join(' ');
}

async function main(site: string): Promise<number> {
  const { records } = JSON.parse(readFileSync(join(site, 'search', 'records.json'), 'utf8')) as { records: SearchRecord[] };
  const table = traditionalToSimplified();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  for (const record of records) {
    const added = await index.addCustomRecord({
      url: record.url,
      content: recordWords(record, table),
      language: LANGUAGE,
      meta: { title: record.title, record: JSON.stringify(record) },
      filters: { paper: [record.paper], year: [record.date.slice(0, 4)], kind: [record.kind] },
      sort: { date: record.date },
    });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
  }
  const output = join(site, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  await pagefind.close();
  console.log(`Indexed ${records.length} items for search into ${output}`);
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
