import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { articleSchema, type ArticleData } from '../../src/archive/item-schema.ts';
import { readArchive } from '../../src/archive/read-archive.ts';
import { cacheKey } from '../../src/data/cache-key.ts';

/** The seed's stories, as the pages read them (src/data/articles.ts), each in an entry shaped as Astro's content store gives it. */
const entries = buildArchive(readArchive('content')).articles.map(({ html: _h, paragraphs: _p, body: _b, ...record }) => {
  const data: ArticleData = articleSchema.parse(record);
  return { id: data.id, data, digest: 'd1', collection: 'articles' };
});

/** The same value built again with every object's keys in reverse order (what another route may build), but for the entries, which their schema builds. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object' || 'collection' in value) return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((key) => [key, reversed((value as Record<string, unknown>)[key])]),
  );
}

/** The seed's 南通日报 lead story (content/pages/ntrb/2024-01-24) and the story after it. */
const lead = entries.find((e) => e.id === 'ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji');
const next = entries[entries.indexOf(lead ?? entries[0]!) + 1];

describe('a page’s cache key', () => {
  test('is the same for the same data however its objects were built', () => {
    expect(lead && next).toBeTruthy();
    if (!lead || !next) return;
    const props = { story: lead, next, page: { paper: lead.data.paper, date: lead.data.date, mates: [{ id: next.id, line: 1 }] } };
    expect(cacheKey(props)).toMatch(/^[0-9a-f]{64}$/u);
    expect(cacheKey(reversed(props))).toBe(cacheKey(props));
    // An entry is hashed by its content, not by which object holds it.
    expect(cacheKey({ ...props, story: structuredClone(lead) })).toBe(cacheKey(props));
  });

  test('changes when anything a page shows changes, however deep', () => {
    if (!lead || !next) return;
    const key = cacheKey({ story: lead, next });
    const edited = structuredClone(lead);
    edited.data.title.text = `${edited.data.title.text}。`;
    expect(cacheKey({ story: edited, next })).not.toBe(key);
    expect(cacheKey({ story: lead, next: { ...next, digest: 'd2' } })).not.toBe(key);
    expect(cacheKey({ story: next, next: lead })).not.toBe(key);
    expect(cacheKey({ story: lead }, { next })).not.toBe(key);
  });

  test('writes Maps and Sets out and follows JSON for what it leaves out', () => {
    const ids = entries.slice(0, 3).map((e) => e.id);
    expect(cacheKey(new Map(ids.map((id, i) => [id, i])))).not.toBe(cacheKey(Object.fromEntries(ids.map((id, i) => [id, i]))));
    expect(cacheKey(new Set(ids))).not.toBe(cacheKey(new Set(ids.slice(1))));
    expect(cacheKey({ ids, note: undefined })).toBe(cacheKey({ ids }));
    expect(cacheKey([undefined])).toBe(cacheKey([null]));
    expect(cacheKey({ when: new Date('2024-01-24T00:00:00Z') })).toBe(cacheKey({ when: '2024-01-24T00:00:00.000Z' }));
  });

  test('refuses a function, naming where it was, since JSON would drop it', () => {
    expect(() => cacheKey({ story: { render: () => '' } })).toThrow('cacheKey cannot hash the function at "render"');
    // Inside an entry too, with a Map or Set, which JSON would write as {}.
    if (!lead) return;
    expect(() => cacheKey({ story: { ...lead, data: { ...lead.data, names: new Map([['a', 1]]) } } })).toThrow(
      'cacheKey cannot hash the Map or Set at "names" of a content entry',
    );
  });
});
