/**
 * Measures the build at scale: for each size, generates a synthetic archive
 * of that many stories, then times parsePage alone, the content check
 * (read, validate, parse, permalinks, render) and the full build, split into
 * astro build (content sync, bundling, page rendering, read from its log) and
 * Pagefind at the moment the first index-shard.ts process starts, with peak
 * memory and output sizes; then measures search in Chromium (first-query
 * bytes and time for a fixed set of queries and a word printed only in the
 * archive's oldest year); then adds one raw page of the next day and
 * rebuilds, and one of the first day of the next month and rebuilds. Then
 * the same stories as a plain reference site (default Pagefind, skipped above
 * --reference-pagefind-max stories) unless --no-reference. Last, the seed
 * pages and one listings page of --listing items (0 skips it). Every figure
 * is printed beside the run before's, kept in .bench/bench.json. The parts
 * are in src/bench/run-bench.ts.
 *
 * First of all, one slice at its real size: a daily's year of about 35,000
 * stories built alone (src/bench/bench-paper-year.ts), unless --no-paper-year.
 *
 * Usage: npm run bench [-- --sizes 1000,10000,100000] [--seed 1] [--keep] [--no-reference]
 *          [--reference-pagefind-max 20000] [--queries 南通,长江口,…] [--work /tmp/dir] [--listing 5000]
 *          [--no-paper-year]
 */
import { parseArgs } from 'node:util';
import { runBench } from '../src/bench/run-bench.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'no-reference': { type: 'boolean', default: false },
    'reference-pagefind-max': { type: 'string', default: '20000' },
    queries: { type: 'string', default: '南通,长江口,高质量发展,许昆林,不存在的词语' },
    work: { type: 'string' },
    listing: { type: 'string', default: '5000' },
    'no-paper-year': { type: 'boolean', default: false },
  },
});
// An empty list measures only the real-size slice and the listings page.
const sizes = values.sizes === '' ? [] : values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: npm run bench -- [--sizes 1000,10000] [--seed 1] [--keep] [--no-reference]');
  process.exit(2);
}
await runBench({
  root: process.cwd(),
  sizes,
  seed: Number(values.seed),
  queries: values.queries,
  keep: values.keep,
  reference: !values['no-reference'],
  referencePagefindMax: Number(values['reference-pagefind-max']),
  work: values.work,
  listing: Number(values.listing),
  paperYear: !values['no-paper-year'],
});
