import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { holdsStoryPage } from '../data/paths.ts';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BenchContext } from './bench-context.ts';
import { phase } from './bench-phases.ts';
import { MB } from './bench-report.ts';
import { trainOnSeed } from './generate-archive.ts';
import { generatePage } from './generate-page.ts';
import { folderStats } from './measure.ts';
import { Prng } from './prng.ts';

/**
 * Builds the seed pages and one listings page of `items` items, to show that
 * a story page's size does not grow with its page mates: records the build
 * and the largest and mean story page.
 */
export async function benchListing(ctx: BenchContext, items: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-listing-'));
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  try {
    cpSync(join(ctx.root, 'content'), content, { recursive: true });
    const page = join(content, 'pages/jhwb/2025-02-07/012_listings');
    mkdirSync(dirname(page), { recursive: true });
    const where = { paper: 'jhwb', date: '2025-02-07', label: '12', otherLabels: [] };
    writeFileSync(`${page}.txt`, generatePage(where, items, trainOnSeed(content), new Prng(ctx.seed)).text);
    writeFileSync(`${page}.yml`, 'paper: jhwb\ndate: 2025-02-07\npage: 12\nsources:\n  date: generated\n  page: generated\n');
    await phase(
      ctx,
      items,
      `build of the seeds and a listings page of ${items} items`,
      dir,
      'node',
      [join(ctx.root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist],
      { key: 'listing', env: { ...ctx.env, ARCHIVE_CONTENT_DIR: content }, cwd: ctx.root },
    );
    const edition = join(dist, 'jhwb/2025-02-07');
    const sizes = readdirSync(edition, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() && holdsStoryPage(e.name) ? [statSync(join(edition, e.name, 'index.html')).size] : [],
    );
    const site = folderStats(dist);
    const index = folderStats(join(dist, 'pagefind'));
    ctx.report.outputs.push({
      size: `${items} on one page`,
      site: 'archive',
      rawPages: '3',
      outputMB: MB(site.bytes),
      outputFiles: String(site.files),
      pagefindMB: MB(index.bytes),
      pagefindFiles: String(index.files),
    });
    const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
    ctx.report.listingLines.push(
      `listings page of ${items} items: story pages ${sizes.length}, largest ${kb(Math.max(...sizes))} KB, mean ${kb(sizes.reduce((a, b) => a + b, 0) / sizes.length)} KB`,
    );
  } finally {
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
  }
}
