import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './bench-context.ts';

/**
 * Runs scripts/bench-search.ts on a built site and keeps its figure lines in
 * the report. The figures of each size and site are kept under .bench/, so
 * the next run prints its own beside them.
 */
export function measureSearch(ctx: BenchContext, size: number, label: string, site: string, extra: string[], queries = ctx.queries): void {
  process.stderr.write(`[${size}] search (${label}) … `);
  mkdirSync(join(ctx.root, '.bench'), { recursive: true });
  const record = join(ctx.root, '.bench', `search-${size}-${label}.json`);
  const result = spawnSync('node', ['scripts/bench-search.ts', site, '--queries', queries, '--no-table', '--record', record, ...extra], {
    cwd: ctx.root,
    env: ctx.env,
    encoding: 'utf8',
  });
  process.stderr.write(result.status === 0 ? 'done\n' : `failed: ${result.stderr.slice(-500)}\n`);
  for (const line of result.stdout.split('\n').filter(Boolean)) ctx.report.searchLines.push(`${size} ${label}: ${line}`);
}
