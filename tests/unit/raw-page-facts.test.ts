import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { editionMetaSchema } from '../../src/archive/edition-meta.ts';
import { readYaml } from '../../src/archive/read-yaml.ts';
import { beginBuildRun } from '../../src/build/build-run.ts';
import { readPageSources, sourceDigest } from '../../src/data/source-pages.ts';
import { archivePlan } from '../../src/loaders/archive-plan.ts';

const work = mkdtempSync(join(tmpdir(), 'raw-page-facts-'));
const RUN = Symbol.for('nantong-newspaper-archive.build-run');
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete (globalThis as Record<symbol, unknown>)[RUN];
});

/** The seed's raw pages, as items' `source.path` names them. */
const seedPages = ['jhwb', 'ntrb'].flatMap((paper) =>
  readdirSync(join('content/pages', paper)).flatMap((date) =>
    readdirSync(join('content/pages', paper, date))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => `content/pages/${paper}/${date}/${name}`),
  ),
);

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe("the raw-page views take what the archive's check read", () => {
  test("a build's plan gives every seed page's digest and its .yml's sources, as reading them again would", () => {
    expect(seedPages).toHaveLength(2);
    const run = beginBuildRun({}, null);
    archivePlan('content', pathToFileURL(`${work}/`));
    expect([...run.rawPages.keys()].sort()).toEqual([...seedPages].sort());
    for (const path of seedPages) {
      const metaPath = path.replace(/\.txt$/u, '.yml');
      const meta = readYaml(metaPath, readFileSync(metaPath, 'utf8'), editionMetaSchema).data;
      expect(run.rawPages.get(path)).toEqual({ digest: sha256(path), sources: meta?.sources });
      expect(readPageSources(path)).toEqual(meta?.sources);
      expect(sourceDigest(path)).toBe(sha256(path));
    }
  });

  test("in a build, the views read neither the page nor its .yml; without a run's facts they read the files", () => {
    const run = beginBuildRun({}, null);
    const [path = ''] = seedPages;
    const sources = { date: 'as the check read it', page: 'as the check read it' };
    run.rawPages.set(path, { digest: 'f'.repeat(64), sources });
    expect(sourceDigest(path)).toBe('f'.repeat(64));
    expect(readPageSources(path)).toBe(sources);
    run.rawPages.clear();
    const metaPath = path.replace(/\.txt$/u, '.yml');
    expect(readPageSources(path)).toEqual(readYaml(metaPath, readFileSync(metaPath, 'utf8'), editionMetaSchema).data?.sources);
  });
});
