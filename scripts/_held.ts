import { comparePage, readCorpus, scoreCorpus } from '../tests/support/gold-corpus.ts';
const pages = readCorpus('/work/heldout-root');
const results = pages.flatMap((p) => comparePage(p, false));
const s = scoreCorpus(results);
console.log(`held-out: ${s.exact} of ${s.total} exact, ${pages.length} pages`);
for (const r of results.filter((x) => x.wrong.length > 0)) {
  console.log(`${r.page} item ${r.index + 1} (${r.gold.headline ?? r.gold.kind}): wrong ${r.wrong.join(', ')}`);
  for (const f of r.wrong) console.log(`    ${f}: parsed ${JSON.stringify(r.parsed?.[f] ?? null).slice(0, 150)}\n    ${' '.repeat(f.length)}  gold   ${JSON.stringify(r.gold[f]).slice(0, 150)}`);
}
