/**
 * Writes a synthetic content folder (papers.yml, pages/…/*.txt and *.yml) of
 * N items in the conventions of the seed pages, with text from a character
 * bigram model trained on them. The same seed gives the same files.
 *
 * Usage: npm run generate -- --stories 1000 --seed 1 --out /tmp/arch1k [--seed-content content] [--start 2024-01-01]
 *          [--until 2024-12-31] [--papers 1] [--pages 16-20]
 * --until stops after that date however few stories were written; --papers
 * keeps the first N papers; --pages sets the fewest and most pages of an
 * edition (a real daily's year: --papers 1 --pages 16-20 prints about
 * 35,000 stories).
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PAPERS, trainOnSeed, writeGeneratedArchive } from '../src/bench/generate-archive.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    'seed-content': { type: 'string', default: 'content' },
    start: { type: 'string', default: '2024-01-01' },
    until: { type: 'string' },
    papers: { type: 'string', default: String(PAPERS.length) },
    pages: { type: 'string', default: '4-8' },
  },
});
const pageRange = /^(\d+)-(\d+)$/u.exec(values.pages);
const papers = Number(values.papers);
const stories = Number(values.stories);
const seed = Number(values.seed);
const isDate = (text: string | undefined): boolean => text === undefined || /^\d{4}-\d{2}-\d{2}$/u.test(text);
if (
  !values.out ||
  !Number.isInteger(stories) ||
  stories < 1 ||
  !Number.isInteger(seed) ||
  !isDate(values.start) ||
  !isDate(values.until) ||
  !pageRange ||
  Number(pageRange[1]) < 1 ||
  Number(pageRange[1]) > Number(pageRange[2]) ||
  !Number.isInteger(papers) ||
  papers < 1 ||
  papers > PAPERS.length
) {
  console.error(
    `usage: node scripts/generate-archive.ts --stories 1000 --seed 1 --out /tmp/arch1k [--start 2024-01-01] [--until 2024-12-31] [--papers 1-${PAPERS.length}] [--pages 4-8]`,
  );
  process.exit(2);
}
if (existsSync(values.out) && readdirSync(values.out).length > 0) {
  console.error(`${values.out} is not empty; give a new or empty folder.`);
  process.exit(2);
}
const started = performance.now();
const { pages, items } = writeGeneratedArchive(
  {
    stories,
    seed,
    model: trainOnSeed(values['seed-content']),
    startDate: values.start,
    ...(values.until === undefined ? {} : { endDate: values.until }),
    papers,
    pages: [Number(pageRange[1]), Number(pageRange[2])],
  },
  values.out,
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${values.out}: ${pages} pages, ${items} items (seed ${seed}) in ${seconds}s`);
