import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFolders, prerenderPlace, renderFolder } from '../../src/build/build-folders.ts';

/** A filesystem other than the one of the temp folder, where there is one: /dev/shm is usually a tmpfs. */
const otherFilesystem = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev ? '/dev/shm' : null;

describe('the folders of a build', () => {
  test('Astro renders beside the output, under a name that does not begin with the project path of a sibling', () => {
    const folders = buildFolders('/srv/archive-site');
    expect(folders.fresh).toBe('/srv/.archive-site.build-fresh');
    expect(folders.builds).toBe('/srv/.archive-site.builds');
    expect(folders.cache).toBe('/srv/archive-site.cache');
    expect(folders.keys).toBe('/srv/archive-site.cache/keys.json');
    // The case Astro's own letter-by-letter test got wrong: out beside the project, named after it.
    expect(prerenderPlace(folders.fresh, '/srv/archive')).toBe('in .astro');
  });

  test('where Astro puts its prerender bundle, as Astro 7 decides it', () => {
    expect(prerenderPlace('/srv/archive/.dist.build-fresh', '/srv/archive')).toBe('in the output');
    expect(prerenderPlace('/tmp/.site.build-fresh', '/srv/archive')).toBe('in .astro');
    // Outside the project, yet beginning with its letters: the packages could not be loaded from there.
    expect(prerenderPlace(buildFolders('/srv/archive-www/site').fresh, '/srv/archive')).toBe('unloadable');
  });

  test('an output outside the project on its filesystem is rendered beside it', () => {
    const work = mkdtempSync(join(tmpdir(), 'build-folders-'));
    const folders = buildFolders(join(work, 'out', 'site'));
    expect(renderFolder(folders, join(work, 'project'))).toBe(folders.fresh);
  });

  test.skipIf(otherFilesystem === null)(
    'an output on another filesystem is rendered inside the project’s .astro/, one folder per output',
    () => {
      const project = mkdtempSync(join(tmpdir(), 'build-folders-'));
      const elsewhere = mkdtempSync(join(otherFilesystem ?? '', 'build-folders-'));
      try {
        const one = renderFolder(buildFolders(join(elsewhere, 'site')), project);
        const two = renderFolder(buildFolders(join(elsewhere, 'other', 'site')), project);
        expect(one).toMatch(new RegExp(`^${project}/\\.astro/build-fresh/[0-9a-f]{16}$`, 'u'));
        expect(two).not.toBe(one);
        expect(prerenderPlace(one, project)).toBe('in the output');
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    },
  );
});
