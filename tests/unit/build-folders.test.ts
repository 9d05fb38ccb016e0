import { describe, expect, test } from 'vitest';
import { buildFolders, prerenderPlace } from '../../src/build/build-folders.ts';

describe('the folders of a build', () => {
  test('Astro renders beside the output, under a name that does not begin with the project path of a sibling', () => {
    const folders = buildFolders('/srv/archive-site');
    expect(folders.fresh).toBe('/srv/.archive-site.build-fresh');
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
});
