/**
 * Checks the archive's input without building: every problem in papers.yml,
 * the raw pages, their edition metadata and permalinks.tsv, all at once, as
 * file:line: message. Exit 1 when there is any.
 * Usage: node scripts/check-content.ts [content-folder]
 */
import { buildArchive } from '../src/archive/build-archive.ts';
import { formatProblem } from '../src/archive/problems.ts';
import { readArchive } from '../src/archive/read-archive.ts';

const contentDir = process.argv[2] ?? process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';
const archive = buildArchive(readArchive(contentDir));
for (const p of archive.problems) console.error(formatProblem(p));
if (archive.problems.length > 0) {
  console.error(`\n${archive.problems.length} problem(s) in ${contentDir}; fix them and run again.`);
  process.exit(1);
}
const pages = new Set(archive.articles.map((a) => a.source.file)).size;
console.log(`${contentDir}: ${pages} pages, ${archive.articles.length} items, no problems.`);
if (archive.unregistered.length > 0) {
  console.log(`${archive.unregistered.length} new item link(s) are not in permalinks.tsv yet; run \`npm run permalinks\` and commit it:`);
  for (const r of archive.unregistered) console.log(`  ${r.base}  (${r.key})`);
}
