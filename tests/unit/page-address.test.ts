import { describe, expect, test } from 'vitest';
import { pageAddressClashes, pageSegment, readsAsPageSegment } from '../../src/archive/page-address.ts';
import { planArchive } from '../../src/archive/plan-archive.ts';
import { assignPermalinks, basePermalink } from '../../src/archive/permalinks.ts';
import { readArchive, type RawArchive } from '../../src/archive/read-archive.ts';

/** A 版's page and its stories' pages share /<paper>/<date>/: the two kinds of name never meet. */

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const REGISTRY = 'content/permalinks.tsv';

describe('the address of a 版', () => {
  test('is its label as printed, or page-N when it prints none', () => {
    expect(pageSegment('A2', 1)).toBe('A2');
    expect(pageSegment('12', 11)).toBe('12');
    expect(pageSegment(null, 0)).toBe('page-1');
  });

  test('every label the metadata allows reads as one, in any case; no slug of a headline with Chinese does', () => {
    for (const label of ['A1', 'A12', 'B3', '5', '12A', 'AB123C', 'page-3']) {
      expect(readsAsPageSegment(label)).toBe(true);
      expect(readsAsPageSegment(label.toLowerCase())).toBe(true);
    }
    for (const slug of ['chao-qi-chang-jiang-kou-qiang-zhua-ji', 'a2-2', '5-2', 'item', 'page', 'a1-gao-su', 'source']) {
      expect(readsAsPageSegment(slug)).toBe(false);
    }
  });
});

describe('a story whose slug would read as a 版', () => {
  test('gets base-2: a headline of just A2 or 5 never takes the address of that page', () => {
    const a2 = basePermalink('ntrb', '2024-01-24', 'story', 'A2');
    const five = basePermalink('ntrb', '2024-01-24', 'story', '5');
    expect([a2, five]).toEqual(['/ntrb/2024-01-24/a2/', '/ntrb/2024-01-24/5/']);
    const result = assignPermalinks(
      [
        { key: 'a.txt:1', base: a2 },
        { key: 'a.txt:5', base: five },
        { key: 'a.txt:9', base: '/ntrb/2024-01-24/page-2/' },
      ],
      { entries: [], moved: [], retired: [] },
      REGISTRY,
    );
    expect([...result.urls.values()]).toEqual(['/ntrb/2024-01-24/a2-2/', '/ntrb/2024-01-24/5-2/', '/ntrb/2024-01-24/page-2-2/']);
  });

  test('a registry line that takes a 版 address is refused with its line, compared without case', () => {
    const pages = [
      { paper: 'ntrb', date: '2024-01-24', page: 'A2' },
      { paper: 'ntrb', date: '2024-01-24', page: null },
    ];
    const links = [
      { url: '/ntrb/2024-01-24/a2/', at: 3 },
      { url: '/ntrb/2024-01-24/page-2/', at: 4 },
      { url: '/ntrb/2024-01-25/a2/', at: 5 },
      { url: '/ntrb/2024-01-24/a2-2/', at: 6 },
    ];
    expect(pageAddressClashes(pages, links, REGISTRY)).toEqual([
      {
        file: REGISTRY,
        line: 3,
        message: expect.stringMatching(/^\/ntrb\/2024-01-24\/a2\/ is the address of the printed page \/ntrb\/2024-01-24\/A2\//u),
      },
      {
        file: REGISTRY,
        line: 4,
        message: expect.stringMatching(/^\/ntrb\/2024-01-24\/page-2\/ is the address of the printed page \/ntrb\/2024-01-24\/page-2\//u),
      },
    ]);
  });

  test('the build stops on such a line of the seed archive’s registry', () => {
    const seeds = readArchive('content');
    // The seed's story at line 57 of A2, as if its link had been written by hand as the page's own address.
    const story = '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/';
    const text = new TextDecoder().decode(seeds.registry?.bytes);
    const line = text.split('\n').findIndex((l) => l.startsWith(story)) + 1;
    const raw: RawArchive = { ...seeds, registry: { path: REGISTRY, bytes: encode(text.replace(story, '/ntrb/2024-01-24/a2/')) } };
    expect(planArchive(raw).problems.filter((p) => p.message.includes('printed page'))).toEqual([
      expect.objectContaining({ file: REGISTRY, line, message: expect.stringContaining('/ntrb/2024-01-24/A2/') }),
    ]);
  });
});
