import { readFileSync, readdirSync } from 'node:fs';
import { traditionalToSimplified } from './src/archive/fold-table.ts';
import { queryTermSets } from './src/search/browser/run-search.ts';
import { foldTerms, matchStory } from './src/search/shared/match.ts';
import { pagefindIndex } from './src/search/pagefind/candidates.ts';
import { expectedUrls, SEARCH_QUERIES } from './src/tools/search-queries.ts';
import { readArticles } from './src/tools/bulk-data.ts';
const site = '/tmp/g10k-out';
const table = traditionalToSimplified();
const articles = readArticles(site);
const index = pagefindIndex('zh-cn', (p) => Promise.resolve(new Uint8Array(readFileSync(site + p))));
const parts = readdirSync(site + '/pagefind');
let ok = 0, bad = 0;
for (const { q } of SEARCH_QUERIES) {
  const terms = foldTerms(q, table);
  const c = await index.find(queryTermSets(terms), {}, parts, 'score');
  const got = (await c.pages(0, c.count)).flat().filter((r) => matchStory(r.blocks, terms, table)).map((r) => r.url).sort();
  const want = expectedUrls(articles, q, table);
  if (JSON.stringify(got) === JSON.stringify(want)) ok++; else { bad++; console.log('WRONG', q, got.length, want.length); }
}
console.log({ ok, bad });
