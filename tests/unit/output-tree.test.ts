import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyChanges, outputOf, readChanges, readKeys } from '../../src/build/output-tree.ts';
import { digestTree } from '../support/tree-digest.ts';

/** Writes files (path → text) under a new temp folder. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'output-tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('outputOf', () => {
  test('maps a page URL to its index.html and a file URL to itself', () => {
    expect(outputOf('/ntrb/2024-01-24/chao-qi/')).toBe('ntrb/2024-01-24/chao-qi/index.html');
    expect(outputOf('/ntrb/feed.xml')).toBe('ntrb/feed.xml');
  });

  test('maps a shard of search records to the folder of its index', () => {
    expect(outputOf('/search/records/ntrb-2024.json')).toBe('pagefind/ntrb-2024');
  });
});

describe('readKeys', () => {
  test('trusts keys that name the tree they describe, and no others', () => {
    const root = tree({
      'keys.json': JSON.stringify({ code: 'c', tree: '7', paths: { '/': 'k' } }),
      'before-trees.json': JSON.stringify({ code: 'c', paths: { '/': 'k' } }),
    });
    expect(readKeys(join(root, 'keys.json'))).toEqual({ code: 'c', tree: '7', paths: { '/': 'k' } });
    expect(readKeys(join(root, 'before-trees.json'))).toBeNull();
    expect(readKeys(join(root, 'missing.json'))).toBeNull();
  });
});

describe('readChanges', () => {
  test('reads what an incremental build changed, and nothing of a full one', () => {
    const incremental = { build: 'incremental', tree: '8', from: '7', written: ['index.html'], removed: [], rendered: ['index.html'] };
    const root = tree({ 'incremental.json': JSON.stringify(incremental), 'full.json': JSON.stringify({ build: 'full', tree: '8' }) });
    expect(readChanges(join(root, 'incremental.json'))).toEqual({ tree: '8', from: '7', written: ['index.html'], removed: [] });
    expect(readChanges(join(root, 'full.json'))).toBeNull();
  });
});

describe('applyChanges', () => {
  const last = {
    'index.html': 'home 1',
    'ntrb/2024-01-24/a/index.html': 'story a',
    'ntrb/2024-01-24/b/index.html': 'story b',
    'search/index.html': 'search page',
    'pagefind/ntrb-2024/pagefind-entry.json': 'shard 1',
    'pagefind/ntrb-2024/fragment/old.pf_fragment': 'old fragment',
    'pagefind/jhwb-2025/pagefind-entry.json': 'other shard',
  };
  const before = {
    '/ntrb/2024-01-24/a/': 'k1',
    '/ntrb/2024-01-24/b/': 'k2',
    '/search/records/ntrb-2024.json': 's1',
    '/search/records/jhwb-2025.json': 's2',
  };

  test('lays new files over the last output, replaces changed shards whole, removes what is gone, and never writes into an old file', () => {
    const staging = tree(last);
    // Someone holding the old story (a link to its file) keeps its old bytes.
    const held = join(mkdtempSync(join(tmpdir(), 'output-tree-')), 'held.html');
    linkSync(join(staging, 'ntrb/2024-01-24/a/index.html'), held);
    const fresh = tree({
      'index.html': 'home 2',
      'ntrb/2024-01-24/a/index.html': 'story a, edited',
      'search/index.html': 'search page',
      'pagefind/ntrb-2024/pagefind-entry.json': 'shard 2',
      'pagefind/ntrb-2024/fragment/new.pf_fragment': 'new fragment',
    });
    const after = { '/ntrb/2024-01-24/a/': 'k1b', '/search/records/ntrb-2024.json': 's1b', '/search/records/jhwb-2025.json': 's2' };
    expect(applyChanges(fresh, staging, before, after)).toEqual({
      // The search page (it has no key) was rendered again with the same bytes: nothing to upload.
      written: [
        'index.html',
        'ntrb/2024-01-24/a/index.html',
        'pagefind/ntrb-2024/fragment/new.pf_fragment',
        'pagefind/ntrb-2024/pagefind-entry.json',
      ],
      removed: ['ntrb/2024-01-24/b/index.html', 'pagefind/ntrb-2024/fragment/old.pf_fragment'],
    });
    expect(
      Object.fromEntries(
        digestTree(staging)
          .keys()
          .map((path) => [path, readFileSync(join(staging, path), 'utf8')]),
      ),
    ).toEqual({
      'index.html': 'home 2',
      'ntrb/2024-01-24/a/index.html': 'story a, edited',
      'search/index.html': 'search page',
      'pagefind/ntrb-2024/pagefind-entry.json': 'shard 2',
      'pagefind/ntrb-2024/fragment/new.pf_fragment': 'new fragment',
      'pagefind/jhwb-2025/pagefind-entry.json': 'other shard',
    });
    expect(readFileSync(held, 'utf8')).toBe('story a');
    expect(readdirSync(join(staging, 'ntrb/2024-01-24'))).toEqual(['a']);
  });

  test('removes the folders a removed page leaves empty', () => {
    const staging = tree({ 'index.html': 'home', 'jhwb/2025-02-07/x/index.html': 'x' });
    expect(applyChanges(tree({}), staging, { '/jhwb/2025-02-07/x/': 'k' }, {})).toEqual({
      written: [],
      removed: ['jhwb/2025-02-07/x/index.html'],
    });
    expect(readdirSync(staging)).toEqual(['index.html']);
  });

  test('counts what it wrote and removed against the published tree, not the one it lays the files into', () => {
    const published = tree({ 'index.html': 'home', 'a/index.html': 'a' });
    // A recycled tree that still holds a page the published tree lost.
    const target = tree({ 'index.html': 'home', 'a/index.html': 'a', 'b/index.html': 'b' });
    const fresh = tree({ 'b/index.html': 'b' });
    expect(applyChanges(fresh, target, { '/a/': 'k1', '/b/': 'k2' }, { '/b/': 'k2' }, published)).toEqual({
      written: ['b/index.html'],
      removed: ['a/index.html'],
    });
    expect(readdirSync(target).sort()).toEqual(['b', 'index.html']);
  });
});
