/**
 * Runs Lighthouse (mobile preset, fetched from the npm registry by npx at a
 * pinned version, not a dependency of the project) against Debian's Chromium
 * on a built site, a few times, and prints each run's performance,
 * accessibility and SEO scores with LCP, total blocking time and layout shift,
 * and the median performance. The site is served uncompressed, as the tests
 * serve it; a gzip-serving host sends less.
 *
 * Usage: npm run bench:lighthouse -- [site-folder=dist] [--path '/search/?q=许昆林'] [--runs 3]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { CHROMIUM_PATH } from '../src/tools/browser.ts';
import { serveStatic } from '../src/tools/static-server.ts';

/** The Lighthouse the figures in docs/contributors.md were measured with. */
const LIGHTHOUSE_VERSION = '13.5.0';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    path: { type: 'string', default: `/search/?q=${encodeURIComponent('许昆林')}` },
    runs: { type: 'string', default: '3' },
  },
});

/** The parts of a Lighthouse report the bench prints. */
interface Report {
  categories: Record<string, { score: number }>;
  audits: Record<string, { displayValue?: string }>;
}

const run = promisify(execFile);
const server = await serveStatic(positionals[0] ?? 'dist');
const work = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
const scores: number[] = [];
try {
  for (let index = 0; index < Number(values.runs); index += 1) {
    const output = join(work, `run-${index}.json`);
    await run(
      'npx',
      [
        '--yes',
        `lighthouse@${LIGHTHOUSE_VERSION}`,
        `${server.url}${values.path}`,
        '--only-categories=performance,accessibility,seo',
        `--chrome-flags=${CHROME_FLAGS}`,
        '--output=json',
        `--output-path=${output}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
    const score = (name: string): number => Math.round((report.categories[name]?.score ?? 0) * 100);
    const audit = (name: string): string => report.audits[name]?.displayValue ?? '-';
    scores.push(score('performance'));
    console.log(
      `run ${index + 1}: performance ${score('performance')}, accessibility ${score('accessibility')}, SEO ${score('seo')}; ` +
        `LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}`,
    );
  }
  const sorted = [...scores].sort((a, b) => a - b);
  console.log(
    `${values.path}: median performance ${sorted[Math.floor(sorted.length / 2)] ?? '-'} over ${scores.length} runs (Lighthouse ${LIGHTHOUSE_VERSION}, mobile)`,
  );
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
