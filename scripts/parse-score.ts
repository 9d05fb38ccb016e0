/**
 * Prints how the parser does on the corpus of real pages
 * (tests/fixtures/real-pages): items exact out of all, per convention, with
 * the corrections kept beside the pages and by the parser alone, and what
 * is wrong in each item that is not exact.
 * Usage: npm run parse:score [-- --quiet] [-- --corpus <folder>]
 * With --corpus it scores another folder laid out as the corpus is (gold/,
 * pages/): a held-out set, collected to measure the parser before it is
 * tuned on it.
 */
import { comparePage, readCorpus, scoreCorpus } from '../tests/support/gold-corpus.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const corpusAt = args.indexOf('--corpus');
const pages = corpusAt >= 0 && args[corpusAt + 1] ? readCorpus(args[corpusAt + 1]) : readCorpus();
const results = pages.flatMap((p) => comparePage(p, true));
const alone = scoreCorpus(pages.flatMap((p) => comparePage(p, false)));
const score = scoreCorpus(results);
const corrected = pages.filter((p) => (p.corrections ?? []).length > 0);
if (!quiet) {
  for (const r of results.filter((x) => x.wrong.length > 0)) {
    console.log(`${r.page} item ${r.index + 1} (${r.gold.headline ?? r.gold.kind}): wrong ${r.wrong.join(', ')}`);
    for (const field of r.wrong) {
      console.log(`    ${field}: parsed ${JSON.stringify(r.parsed?.[field] ?? null).slice(0, 160)}`);
      console.log(`    ${' '.repeat(field.length)}  gold   ${JSON.stringify(r.gold[field]).slice(0, 160)}`);
    }
  }
  console.log('');
}
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${Math.round((100 * a) / b)} %`);
const papers = new Set(pages.map((p) => p.path.split('/').at(-3)));
const dates = new Set(pages.map((p) => p.path.split('/').at(-2)));
console.log(`Real pages: ${pages.length} pages of ${papers.size} papers on ${dates.size} dates, ${score.total} items.`);
console.log(
  `  exact, with the corrections kept beside ${corrected.length} pages: ${score.exact} of ${score.total} (${pct(score.exact, score.total)})`,
);
console.log(`  exact, by the parser alone:                          ${alone.exact} of ${alone.total} (${pct(alone.exact, alone.total)})`);
console.log('  per convention (parser alone):');
for (const [tag, s] of [...alone.byConvention].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `    ${tag.padEnd(22, ' ')} ${String(s.exact).padStart(3, ' ')} / ${String(s.total).padEnd(3, ' ')} ${pct(s.exact, s.total)}`,
  );
}
