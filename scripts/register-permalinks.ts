/**
 * Freezes the links of new items: appends every item that has no entry in
 * content/permalinks.tsv yet, so its link never changes again. Existing
 * entries are never rewritten.
 * Usage: node scripts/register-permalinks.ts [content-folder]
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive } from '../src/archive/build-archive.ts';
import { formatProblem } from '../src/archive/problems.ts';
import { readArchive } from '../src/archive/read-archive.ts';

const contentDir = process.argv[2] ?? process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';
const archive = buildArchive(readArchive(contentDir));
if (archive.problems.length > 0) {
  for (const p of archive.problems) console.error(formatProblem(p));
  process.exit(1);
}
const path = join(contentDir, 'permalinks.tsv');
if (!existsSync(path)) {
  writeFileSync(path, '# Permanent links: url<TAB>source file<TAB>first line of the item. Append only; never edit a published url.\n');
}
const lines = archive.unregistered.map((r) => {
  const sep = r.key.lastIndexOf(':');
  return `${r.base}\t${r.key.slice(0, sep)}\t${r.key.slice(sep + 1)}\n`;
});
appendFileSync(path, lines.join(''));
console.log(`${lines.length} link(s) registered in ${path}.`);
