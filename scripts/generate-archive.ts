/**
 * Writes a synthetic content folder (papers.yml, pages/…/*.txt and *.yml) of
 * N items in the conventions of the seed pages, with text from a character
 * bigram model trained on them. The same seed gives the same files.
 *
 * Usage: npm run generate -- --stories 1000 --seed 1 --out /tmp/arch1k [--seed-content content] [--start 2024-01-01]
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { trainOnSeed, writeGeneratedArchive } from '../src/bench/generate-archive.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    'seed-content': { type: 'string', default: 'content' },
    start: { type: 'string', default: '2024-01-01' },
  },
});
const stories = Number(values.stories);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(stories) || stories < 1 || !Number.isInteger(seed) || !/^\d{4}-\d{2}-\d{2}$/u.test(values.start)) {
  console.error('usage: node scripts/generate-archive.ts --stories 1000 --seed 1 --out /tmp/arch1k');
  process.exit(2);
}
if (existsSync(values.out) && readdirSync(values.out).length > 0) {
  console.error(`${values.out} is not empty; give a new or empty folder.`);
  process.exit(2);
}
const started = performance.now();
const { pages, items } = writeGeneratedArchive(
  { stories, seed, model: trainOnSeed(values['seed-content']), startDate: values.start },
  values.out,
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${values.out}: ${pages} pages, ${items} items (seed ${seed}) in ${seconds}s`);
