/**
 * The bench of one size: a generated archive of that many stories, parsed,
 * checked, built, searched, then grown by a day's page and by the first
 * page of a new month and built again, and (unless told not to) the same
 * stories as a plain reference site.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parsePage } from '../archive/parse-page.ts';
import type { BenchContext } from './bench-context.ts';
import { derivedRow, measureBuild, phase } from './bench-phases.ts';
import { MB } from './bench-report.ts';
import { measureSearch } from './bench-search-run.ts';
import { addOnePage } from './add-page.ts';
import { benchSlices } from './bench-slices.ts';
import { generatePages, trainOnSeed } from './generate-archive.ts';
import { folderStats } from './measure.ts';
import { oldestYearWord } from './oldest-year-word.ts';
import { writeReferenceSite } from './reference-site.ts';

/** Seconds to read every raw page of a content folder and run parsePage on it, in this process. */
export function timeParse(content: string): number {
  const started = performance.now();
  for (const e of readdirSync(join(content, 'pages'), { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.txt')) parsePage(readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return (performance.now() - started) / 1000;
}

/** Adds a row giving a rebuild as a share of the full build. */
function shareRow(ctx: BenchContext, size: number, key: string, seconds: number, of: number): void {
  derivedRow(ctx, size, `${key}/share`, `  = ${((seconds / of) * 100).toFixed(1)}% of the full build`, seconds);
}

/** Builds the same stories as a plain reference site (one minimal route, default Pagefind) and measures it. */
async function benchReference(ctx: BenchContext, size: number, dir: string): Promise<void> {
  const refDir = join(dir, 'reference');
  const pages = generatePages({ stories: size, seed: ctx.seed, model: trainOnSeed(join(ctx.root, 'content')) });
  const stories = writeReferenceSite(
    Iterator.from(pages).flatMap((p) => p.items),
    refDir,
    join(ctx.root, 'node_modules'),
  );
  const bin = (name: string): string => join(ctx.root, 'node_modules/.bin', name);
  await phase(ctx, size, 'reference astro build', dir, bin('astro'), ['build'], {
    env: { ...ctx.env, REFERENCE_STORIES: stories },
    cwd: refDir,
  });
  if (size <= ctx.referencePagefindMax) {
    await phase(ctx, size, 'reference pagefind', dir, bin('pagefind'), ['--site', 'dist'], { cwd: refDir });
    measureSearch(ctx, size, 'reference', join(refDir, 'dist'), ['--default', '/s/0/']);
  } else {
    ctx.report.searchLines.push(
      `${size} reference: default Pagefind skipped above ${ctx.referencePagefindMax} stories: it keeps the whole index in one process, so its memory grows past this machine's`,
    );
  }
  const refSite = folderStats(join(refDir, 'dist'));
  const refIndex = folderStats(join(refDir, 'dist/pagefind'));
  ctx.report.outputs.push({
    size: String(size),
    site: 'reference',
    rawPages: '-',
    outputMB: MB(refSite.bytes),
    outputFiles: String(refSite.files),
    pagefindMB: MB(refIndex.bytes),
    pagefindFiles: String(refIndex.files),
  });
}

/** Runs the bench of one size; a failed phase stops this size and is reported, the others go on. */
export async function benchArchive(ctx: BenchContext, size: number): Promise<void> {
  const dir = ctx.work ? resolve(ctx.work, String(size)) : mkdtempSync(join(tmpdir(), `bench-${size}-`));
  mkdirSync(dir, { recursive: true });
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  try {
    await phase(
      ctx,
      size,
      'generate',
      dir,
      'node',
      ['scripts/generate-archive.ts', '--stories', String(size), '--seed', String(ctx.seed), '--out', content],
      {
        cwd: ctx.root,
      },
    );
    derivedRow(ctx, size, 'parse-only', '  parsePage only (in-process)', timeParse(content));
    await phase(ctx, size, 'parse (check-content)', dir, 'node', ['scripts/check-content.ts', content], { cwd: ctx.root });
    // The build indexes each search shard in an index-shard.ts process while it renders: the moment the first appears in the process tree splits the phases.
    const build = await measureBuild(ctx, size, 'build', 'build.ts total', dir, content, dist);
    const site = folderStats(dist);
    const index = folderStats(join(dist, 'pagefind'));
    ctx.report.outputs.push({
      size: String(size),
      site: 'archive',
      rawPages: String(folderStats(join(content, 'pages')).files / 2),
      outputMB: MB(site.bytes),
      outputFiles: String(site.files),
      pagefindMB: MB(index.bytes),
      pagefindFiles: String(index.files),
    });
    // A word printed only in the oldest year: listing it means asking every span.
    const rare = oldestYearWord(content);
    if (rare)
      ctx.report.searchLines.push(
        `${size} archive: ${rare.word} is printed on ${rare.pages} raw pages of ${rare.year} and in no later year`,
      );
    measureSearch(ctx, size, 'archive', dist, [], rare ? `${ctx.queries},${rare.word}` : ctx.queries);

    const added = addOnePage(ctx, content);
    const day = await measureBuild(ctx, size, 'day', `rebuild after adding ${added}`, dir, content, dist);
    shareRow(ctx, size, 'day', day.seconds, build.seconds);
    const monthly = addOnePage(ctx, content, true);
    const month = await measureBuild(ctx, size, 'month', `rebuild after adding ${monthly} (a new month)`, dir, content, dist);
    shareRow(ctx, size, 'month', month.seconds, build.seconds);
    await benchSlices(ctx, size, dir, content, build);

    if (ctx.reference) await benchReference(ctx, size, dir);
  } catch (error) {
    console.error(String(error));
  } finally {
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
  }
}
