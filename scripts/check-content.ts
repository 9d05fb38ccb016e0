/**
 * Checks the archive's input without building: every problem in papers.yml,
 * the raw pages, their edition metadata (corrections included) and
 * permalinks.tsv, all at once, as file:line: message; exit 1 when there is
 * any. Then lists warnings (characters a conversion lost, a date outside
 * its paper's span) and every note of the parser (what it was unsure
 * of, with the correction that would read it the other way) and a count,
 * then the completeness ledger: per paper and year, the editions held
 * against the days of publication, the editions with pages missing inside
 * and the jumps whose other end is not held, as notes (src/archive/completeness.ts).
 * Usage: npm run check:content [-- content-folder]
 */
import { buildArchive } from '../src/archive/build-archive.ts';
import { completenessLedger, ledgerPages } from '../src/archive/completeness.ts';
import { describeLedger } from '../src/archive/completeness-notes.ts';
import { formatProblem } from '../src/archive/problems.ts';
import { readArchive } from '../src/archive/read-archive.ts';

const contentDir = process.argv[2] ?? process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';
const archive = buildArchive(readArchive(contentDir));
for (const p of archive.problems) console.error(formatProblem(p));
if (archive.problems.length > 0) {
  console.error(`\n${archive.problems.length} problem(s) in ${contentDir}; fix them and run again.`);
  process.exit(1);
}
for (const w of archive.warnings) console.warn(`${formatProblem(w)} (warning)`);
for (const n of archive.notes) console.warn(`${formatProblem(n)} (note)`);
const held = ledgerPages(archive.articles);
const firstFiles = new Map<string, string>();
for (const page of held) if (!firstFiles.has(`${page.paper} ${page.date}`)) firstFiles.set(`${page.paper} ${page.date}`, page.path);
const ledger = describeLedger(completenessLedger(archive.papers, held), firstFiles);
for (const n of ledger.notes) console.warn(`${formatProblem(n)} (note)`);
const pages = held.length;
const noted =
  archive.notes.length === 0
    ? 'no notes'
    : `${archive.notes.length} note(s) on what the parser was unsure of (see above; \`npm run parse -- <page>\` shows a page as read)`;
const warned = archive.warnings.length === 0 ? '' : `, ${archive.warnings.length} warning(s)`;
console.log(`${contentDir}: ${pages} pages, ${archive.articles.length} items, no problems${warned}, ${noted}.`);
console.log(
  `Completeness (notes: days of publication from each paper's from/to and weekdays in papers.yml; ${ledger.notes.length} located above as "completeness:"):`,
);
for (const line of ledger.lines) console.log(`  ${line}`);
if (archive.moved.length > 0) {
  console.log(`${archive.moved.length} published link(s) lead to the story a correction merged them into:`);
  for (const m of archive.moved) console.log(`  ${m.from} -> ${m.to}`);
}
if (archive.unregistered.length > 0) {
  console.log(`${archive.unregistered.length} new item link(s) are not in permalinks.tsv yet; run \`npm run permalinks\` and commit it:`);
  for (const r of archive.unregistered) console.log(`  ${r.base}  (${r.key})`);
}
