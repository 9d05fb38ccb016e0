/**
 * The figures of a bench run, and how they are printed: every figure beside
 * the same figure of the run before, which is kept under `.bench/`, so a
 * change shows as two numbers side by side rather than as a memory of one.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One measured (or derived) phase of one size. */
export interface BenchRow {
  /** Stories in the archive, or the items of the listings page. */
  size: number;
  /** Names the phase across runs, whatever the label says. */
  key: string;
  /** What the phase was, as printed. */
  label: string;
  seconds: number;
  /** Peak RSS of the whole process tree, in bytes, where measured. */
  treePeakBytes: number | null;
  /** Peak RSS of the largest single process, in bytes, where measured. */
  processPeakBytes: number | null;
}

/** One row of the output table: a site's size on disk. */
export interface BenchOutput {
  size: string;
  site: string;
  rawPages: string;
  outputMB: string;
  outputFiles: string;
  pagefindMB: string;
  pagefindFiles: string;
}

/** All the figures of a run. */
export interface BenchReport {
  rows: BenchRow[];
  outputs: BenchOutput[];
  /** Lines of the search bench, each already beside its run before (bench-search keeps those). */
  searchLines: string[];
  listingLines: string[];
}

/** An empty report, filled as the parts run. */
export const emptyReport = (): BenchReport => ({ rows: [], outputs: [], searchLines: [], listingLines: [] });

const MB = (bytes: number | null): string => (bytes === null ? '-' : (bytes / 1048576).toFixed(1));

/** The rows of the run before, read from `file`, by size and key; empty when there was none. */
export function readLastRows(file: string): Map<string, BenchRow> {
  if (!existsSync(file)) return new Map();
  const rows = (JSON.parse(readFileSync(file, 'utf8')) as { rows?: BenchRow[] }).rows ?? [];
  return new Map(rows.map((r) => [`${r.size}\t${r.key}`, r]));
}

/** Keeps this run's rows in `file`, merged over the run before's (sizes not run this time stay). */
export function writeRows(file: string, rows: readonly BenchRow[]): void {
  const merged = readLastRows(file);
  for (const r of rows) merged.set(`${r.size}\t${r.key}`, r);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ rows: [...merged.values()] }, null, 1)}\n`);
}

/** Rows as a plain table with left-aligned columns. */
function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ''].join('\n');
}

/** The whole report as text, each phase's seconds and peak beside the run before's (`-` where it had none). */
export function formatReport(report: BenchReport, last: ReadonlyMap<string, BenchRow>): string {
  const parts = [
    table(
      ['stories', 'phase', 'seconds', 'last', 'peak RSS tree MB', 'last', 'peak RSS largest process MB'],
      report.rows.map((r) => {
        const before = last.get(`${r.size}\t${r.key}`);
        return [
          String(r.size),
          r.label,
          r.seconds.toFixed(1),
          before ? before.seconds.toFixed(1) : '-',
          MB(r.treePeakBytes),
          before ? MB(before.treePeakBytes) : '-',
          MB(r.processPeakBytes),
        ];
      }),
    ),
    table(
      ['stories', 'site', 'raw pages', 'output MB', 'output files', 'pagefind MB', 'pagefind files'],
      report.outputs.map((o) => [o.size, o.site, o.rawPages, o.outputMB, o.outputFiles, o.pagefindMB, o.pagefindFiles]),
    ),
    'Search (Chromium; bytes as a gzip-serving host sends them; "search files" are those under /pagefind/):',
    ...report.searchLines.map((l) => `  ${l}`),
  ];
  if (report.listingLines.length > 0)
    parts.push(
      '',
      'One page of many items (its story pages list the nearest page mates, not all):',
      ...report.listingLines.map((l) => `  ${l}`),
    );
  return `\n${parts.join('\n')}`;
}

/** Megabytes of a byte count as the tables print them. */
export { MB };
