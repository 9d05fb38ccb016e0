/**
 * The bench of one slice at its real size: a daily's year, about 35,000
 * stories (one paper, sixteen to twenty pages a day), with an edition on
 * either side of the year as the slice reads its neighbours, built alone
 * with `npm run build -- --slice`. Its time and memory are what one machine
 * of a matrix needs for a slice (src/build/slices.ts); the archives of the
 * sizes' benches spread their stories over three smaller papers.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { shardOf } from '../data/partitions.ts';
import type { BenchContext, PaperYearFigures } from './bench-context.ts';
import { MB } from './bench-report.ts';
import { phase } from './bench-phases.ts';
import { generatePages, trainOnSeed, writeGeneratedArchive } from './generate-archive.ts';
import { folderStats } from './measure.ts';

/** The year of the slice, and the days generated: the year with one edition either side. */
const YEAR = '2024';
const FIRST_DAY = `${Number(YEAR) - 1}-12-31`;
const LAST_DAY = `${Number(YEAR) + 1}-01-01`;
/** Pages of a real daily's edition: 人民日报 prints 20 or more, a city daily 16 or so. */
const PAGES: readonly [number, number] = [16, 20];

/** Generates a paper-year with its neighbours, builds its slice alone, and adds its rows and output sizes. */
export async function benchPaperYear(ctx: BenchContext): Promise<PaperYearFigures | undefined> {
  const dir = ctx.work ? resolve(ctx.work, 'paper-year') : mkdtempSync(join(tmpdir(), 'bench-paper-year-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const content = join(dir, 'content');
  const options = {
    stories: Number.MAX_SAFE_INTEGER,
    seed: ctx.seed,
    model: trainOnSeed(join(ctx.root, 'content')),
    startDate: FIRST_DAY,
    endDate: LAST_DAY,
    papers: 1,
    pages: PAGES,
  };
  let stories = 0;
  for (const page of generatePages(options)) if (page.path.split('/')[2]?.startsWith(YEAR)) stories += page.items.length;
  writeGeneratedArchive(options, content);
  const id = shardOf({ paper: 'jhwb', date: `${YEAR}-01-01` }).id;
  const out = join(dir, 'slice');
  try {
    const built = await phase(
      ctx,
      stories,
      `one slice at its real size (${id}, ${stories} stories) alone`,
      dir,
      'node',
      ['scripts/build.ts', '--slice', id, '--outDir', out],
      { key: 'paper-year', env: { ...ctx.env, ARCHIVE_CONTENT_DIR: content }, cwd: ctx.root },
    );
    const site = folderStats(out);
    const index = folderStats(join(out, 'pagefind'));
    ctx.report.outputs.push({
      size: String(stories),
      site: `slice ${id}`,
      rawPages: String(folderStats(join(content, 'pages')).files / 2),
      outputMB: MB(site.bytes),
      outputFiles: String(site.files),
      pagefindMB: MB(index.bytes),
      pagefindFiles: String(index.files),
    });
    return { stories, seconds: built.seconds, treePeakBytes: built.treePeakBytes };
  } catch (error) {
    console.error(String(error));
    return undefined;
  } finally {
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
  }
}
