import { mkdtempSync, rmSync } from 'node:fs';
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
});
