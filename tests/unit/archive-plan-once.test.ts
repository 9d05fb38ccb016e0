import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { beginBuildRun } from '../../src/build/build-run.ts';
import { archivePlan } from '../../src/loaders/archive-plan.ts';

const work = mkdtempSync(join(tmpdir(), 'archive-plan-once-'));
const RUN = Symbol.for('nantong-newspaper-archive.build-run');
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete (globalThis as Record<symbol, unknown>)[RUN];
});

describe('a build plans the archive once', () => {
  test('the loaders and the integration, each with its own copy of the planner, share one plan of the seed archive', async () => {
    beginBuildRun({}, null);
    const cacheDir = pathToFileURL(`${work}/`);
    const plan = archivePlan('content', cacheDir);
    expect(plan.items.length).toBeGreaterThan(5);
    // A second instance of the module, as Vite loads the content config beside the integration that Node loads.
    const second = '../../src/loaders/archive-plan.ts?integration';
    const other = (await import(/* @vite-ignore */ second)) as { archivePlan: typeof archivePlan };
    expect(other.archivePlan).not.toBe(archivePlan);
    expect(other.archivePlan('content', cacheDir)).toBe(plan);
    // Another cache folder is another plan.
    expect(other.archivePlan('content', pathToFileURL(`${work}/other/`))).not.toBe(plan);
  });

  test("in a build, the plan of its content sync stands; without a build's run (astro dev), an edited page is planned again", () => {
    const content = join(work, 'content');
    cpSync('content', content, { recursive: true });
    const cacheDir = pathToFileURL(`${work}/edited/`);
    const page = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
    const edit = (): void => {
      // One more character in the page's last line (a newer time too, as an archivist's save gives it).
      writeFileSync(page, `${readFileSync(page, 'utf8').trimEnd()}。\n`);
      utimesSync(page, new Date(), new Date(Date.now() + 60_000));
    };
    beginBuildRun({}, null);
    const inBuild = archivePlan(content, cacheDir);
    edit();
    expect(archivePlan(content, cacheDir)).toBe(inBuild);
    delete (globalThis as Record<symbol, unknown>)[RUN];
    const inDev = archivePlan(content, cacheDir);
    expect(inDev).not.toBe(inBuild);
    expect(archivePlan(content, cacheDir)).toBe(inDev);
    edit();
    expect(archivePlan(content, cacheDir)).not.toBe(inDev);
  });
});
