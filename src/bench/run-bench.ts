/**
 * The bench as one function: one slice at its real size, each size's archive bench, then the listings
 * page, then the report printed beside the run before's and kept for the
 * next. `scripts/bench.ts` only reads the command line and calls it.
 */
import { join } from 'node:path';
import { benchArchive } from './bench-archive.ts';
import { benchEnv, type BenchContext, type BenchSettings } from './bench-context.ts';
import { benchListing } from './bench-listing.ts';
import { benchPaperYear } from './bench-paper-year.ts';
import { emptyReport, formatReport, readLastRows, writeRows, type BenchReport } from './bench-report.ts';

/** What a bench run measures. */
export interface BenchOptions extends BenchSettings {
  /** Story counts of the generated archives. */
  sizes: readonly number[];
  /** Items of the listings page; 0 skips it. */
  listing: number;
  /** Where the figures are kept for the next run. */
  record?: string;
}

/** Runs the bench, prints its report beside the run before's, keeps its figures, and returns the report. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const ctx: BenchContext = { ...options, env: benchEnv(options.root), report: emptyReport() };
  if (options.paperYear) ctx.realSlice = await benchPaperYear(ctx);
  for (const size of options.sizes) await benchArchive(ctx, size);
  if (options.listing > 0) await benchListing(ctx, options.listing);
  const record = options.record ?? join(options.root, '.bench', 'bench.json');
  console.log(formatReport(ctx.report, readLastRows(record)));
  writeRows(record, ctx.report.rows);
  return ctx.report;
}
