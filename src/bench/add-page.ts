/** A raw page added to a generated archive, as an archivist adds the next day's. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchContext } from './bench-context.ts';
import { generatePages, trainOnSeed } from './generate-archive.ts';

/**
 * Adds one raw page to a generated archive, as an archivist adds the next
 * day's page: a newly generated page (another seed) dated the day after the
 * archive's last date, or with `newMonth` the first day of the month after
 * it (when the search index moves the month before out of its recent
 * shard). Each `round` of additions draws other pages, since a page's text
 * and file name are unique in an archive. Returns its path.
 */
export function addOnePage(ctx: BenchContext, content: string, newMonth = false, round = 0): string {
  const dates = readdirSync(join(content, 'pages')).flatMap((paper) => readdirSync(join(content, 'pages', paper)));
  const next = new Date(`${dates.sort().at(-1) ?? '2024-01-01'}T00:00:00Z`);
  if (newMonth) next.setUTCMonth(next.getUTCMonth() + 1, 1);
  else next.setUTCDate(next.getUTCDate() + 1);
  const options = {
    stories: 8,
    seed: ctx.seed + (newMonth ? 2000 : 1000) + round * 10_000,
    model: trainOnSeed(join(ctx.root, 'content')),
    startDate: next.toISOString().slice(0, 10),
  };
  const [page] = generatePages(options);
  if (!page) throw new Error('the generator gave no page');
  mkdirSync(dirname(join(content, page.path)), { recursive: true });
  writeFileSync(join(content, page.path), page.text);
  writeFileSync(join(content, page.path.replace(/\.txt$/u, '.yml')), page.meta);
  return page.path;
}
