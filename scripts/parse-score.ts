/**
 * Prints how the parser does on the corpus of real pages
 * (tests/fixtures/real-pages): items exact, noted (wrong, but a note with
 * its correction stands on one of the item's lines) and silent (wrong, with
 * no note), overall, per convention and per paper; with the corrections
 * kept beside the pages and by the parser alone, with and without the house
 * styles of papers.yml; and what is wrong in each item that is not exact.
 * Usage: npm run parse:score [-- --quiet] [-- --ablate] [-- --corpus <folder> [--ledger <batch>]]
 * With --ablate it also prints, for each doubt the parser notes
 * (src/archive/doubts.ts), what leaving it out costs: wrong items that turn
 * silent, and the notes it gives on items read right (its false alarms);
 * and for each family of display-role signals (src/archive/display-roles.ts)
 * the items read exactly with and without it.
 * With --corpus it scores another folder laid out as the corpus is (gold/,
 * pages/): a fresh batch, scored before the parser is tuned on it. With
 * --ledger it also records that first try in the ledger under the batch's
 * name, once: a batch scored again after its fixes says nothing new.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { GROUP_SIGNALS, LINE_SIGNALS } from '../src/archive/display-roles.ts';
import { DOUBTS } from '../src/archive/doubts.ts';
import { comparePage, CORPUS_DIR, readCorpus, scoreCorpus, type ItemResult, type Tally } from '../tests/support/gold-corpus.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const corpusAt = args.indexOf('--corpus');
const ledgerAt = args.indexOf('--ledger');
const batch = ledgerAt >= 0 ? args[ledgerAt + 1] : undefined;
if (ledgerAt >= 0 && (corpusAt < 0 || !batch)) {
  console.error('parse:score: --ledger <batch> records the first try of a fresh batch: give it with --corpus <folder>');
  process.exit(2);
}
const pages = corpusAt >= 0 && args[corpusAt + 1] ? readCorpus(args[corpusAt + 1]) : readCorpus();
const results = pages.flatMap((p) => comparePage(p, true));
const aloneResults = pages.flatMap((p) => comparePage(p, false));
const alone = scoreCorpus(aloneResults);
// The first try with no house style (papers.yml), to show what each style is worth.
const unstyledResults = pages.flatMap((p) => comparePage(p, false, { style: undefined }));
const styled = new Set(pages.filter((p) => p.style !== undefined).map((p) => p.paper));
const score = scoreCorpus(results);
const corrected = pages.filter((p) => (p.corrections ?? []).length > 0);

/** The wrong items of the parser alone, with what differs and the notes that flag them. */
function printWrong(wrong: ItemResult[]): void {
  for (const r of wrong) {
    const where = `lines ${r.lines[0]}–${r.lines[1]}`;
    console.log(`${r.page} item ${r.index + 1} (${r.gold.headline ?? r.gold.kind}, ${where}) ${r.verdict}: wrong ${r.wrong.join(', ')}`);
    for (const field of r.wrong) {
      console.log(`    ${field}: parsed ${JSON.stringify(r.parsed?.[field] ?? null).slice(0, 160)}`);
      console.log(`    ${' '.repeat(field.length)}  gold   ${JSON.stringify(r.gold[field]).slice(0, 160)}`);
    }
    for (const n of r.notes) console.log(`    note, line ${n.line}: ${n.message}`);
  }
}

if (!quiet) {
  console.log('With the corrections kept beside the pages:');
  printWrong(results.filter((x) => x.verdict !== 'exact'));
  console.log('\nBy the parser alone:');
  printWrong(aloneResults.filter((x) => x.verdict !== 'exact'));
  console.log('');
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${Math.round((100 * a) / b)} %`);
const line = (t: Tally): string =>
  `exact ${String(t.exact).padStart(3)} (${pct(t.exact, t.total).padStart(5)})  noted ${String(t.noted).padStart(3)}  silent ${String(t.silent).padStart(3)} (${pct(t.silent, t.total).padStart(5)})  of ${t.total}`;
const papers = new Set(pages.map((p) => p.paper));
const dates = new Set(pages.map((p) => p.path.split('/').at(-2)));
console.log(`Real pages: ${pages.length} pages of ${papers.size} papers on ${dates.size} dates, ${score.total} items.`);
console.log(`  with the corrections kept beside ${corrected.length} pages: ${line(score)}`);
console.log(`  by the parser alone:                       ${line(alone)}`);
if (styled.size > 0) console.log(`  by the parser alone, without house styles: ${line(scoreCorpus(unstyledResults))}`);
console.log('  per convention (parser alone):');
for (const [tag, s] of [...alone.byConvention].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`    ${tag.padEnd(22, ' ')} ${line(s)}`);
}
console.log('  per paper (parser alone):');
for (const paper of [...papers].sort()) {
  console.log(`    ${paper.padEnd(22, ' ')} ${line(scoreCorpus(aloneResults.filter((r) => r.paper === paper)))}`);
  if (styled.has(paper))
    console.log(`    ${'  without its style'.padEnd(22, ' ')} ${line(scoreCorpus(unstyledResults.filter((r) => r.paper === paper)))}`);
}

if (args.includes('--ablate')) {
  console.log('  each doubt left out (parser alone): silent items it would leave, and its notes on items read right');
  for (const doubt of DOUBTS) {
    const without = scoreCorpus(pages.flatMap((p) => comparePage(p, false, { skipDoubts: new Set([doubt.id]) })));
    const alarms = aloneResults
      .filter((r) => r.verdict === 'exact')
      .reduce((n, r) => n + r.notes.filter((x) => x.doubt === doubt.id).length, 0);
    console.log(
      `    ${doubt.id.padEnd(22, ' ')} silent ${alone.silent} → ${without.silent} without it; ${alarms} note(s) on items read right`,
    );
  }
}

if (args.includes('--ablate')) {
  console.log('  each display-role signal family left out (parser alone): exact and silent items without it');
  const families = [...new Set([...LINE_SIGNALS, ...GROUP_SIGNALS].map((s) => s.family))];
  for (const family of families) {
    const without = scoreCorpus(pages.flatMap((p) => comparePage(p, false, { skipSignals: new Set([family]) })));
    const cost = alone.exact - without.exact;
    console.log(
      `    ${family.padEnd(26, ' ')} exact ${alone.exact} → ${without.exact}, silent ${alone.silent} → ${without.silent}${cost > 0 ? `: worth ${cost} item(s)` : cost < 0 ? `: costs ${-cost} item(s)` : ''}`,
    );
  }
}

/** The ledger of first tries on fresh batches: one row a batch, written once (`--ledger-file` names another, for tests). */
const ledgerFileAt = args.indexOf('--ledger-file');
const LEDGER = (ledgerFileAt >= 0 ? args[ledgerFileAt + 1] : undefined) ?? `${CORPUS_DIR}/ledger.tsv`;
if (batch) {
  const rows = readFileSync(LEDGER, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  if (rows.some((r) => r.split('\t')[0] === batch)) {
    console.error(`${LEDGER}: batch ${batch} has its first try recorded already; a second try after fixes is not a first try`);
    process.exit(1);
  }
  const git = (...a: string[]): string => execFileSync('git', a, { encoding: 'utf8' }).trim();
  // A parser changed since the last commit is not the commit's parser: say so in the row.
  const dirty = git('status', '--porcelain', '--', 'src/archive').length > 0 ? '+changes' : '';
  const today = new Date().toISOString().slice(0, 10);
  const row = [
    batch,
    today,
    `${git('rev-parse', '--short', 'HEAD')}${dirty}`,
    pages.length,
    papers.size,
    alone.total,
    alone.exact,
    alone.noted,
    alone.silent,
    '',
  ];
  appendFileSync(LEDGER, `${row.join('\t')}\n`);
  console.log(`\nRecorded in ${LEDGER}: ${row.slice(0, 9).join(' ')}`);
}
