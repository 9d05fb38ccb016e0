/**
 * Freezes the links of new items: appends every item that has no entry in
 * content/permalinks.tsv yet, so its link never changes again. Existing
 * entries are never rewritten. (A build does the same for what it publishes;
 * this registers without building.)
 * Usage: npm run permalinks [-- content-folder]
 */
import { buildArchive } from '../src/archive/build-archive.ts';
import { newRegistryLines } from '../src/archive/permalink-registry.ts';
import { formatProblem } from '../src/archive/problems.ts';
import { readArchive } from '../src/archive/read-archive.ts';
import { appendToRegistry } from '../src/build/registry-file.ts';

const contentDir = process.argv[2] ?? process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';
const archive = buildArchive(readArchive(contentDir));
if (archive.problems.length > 0) {
  for (const p of archive.problems) console.error(formatProblem(p));
  process.exit(1);
}
const path = appendToRegistry(contentDir, newRegistryLines(archive.unregistered));
console.log(`${archive.unregistered.length} link(s) registered in ${path}.`);
