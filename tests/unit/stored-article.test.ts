import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { articleSchema, type ArticleData } from '../../src/archive/item-schema.ts';
import { readArchive } from '../../src/archive/read-archive.ts';
import { compactArticle, expandArticle, storedArticleSchema } from '../../src/archive/stored-article.ts';

/** Every item of the seeds and of the real-page corpus, as the collection's schema gives it (fields in the schema's order). */
const records: ArticleData[] = ['content', 'tests/fixtures/real-pages'].flatMap((dir) =>
  buildArchive(readArchive(dir)).articles.map(({ html: _h, paragraphs: _p, body: _b, ...record }) => articleSchema.parse(record)),
);

/** The seed's 南通日报 lead story (content/pages/ntrb/2024-01-24). */
const lead = records.find((r) => r.id === 'ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji');

describe('the content store keeps each record in short', () => {
  test('every real record comes back whole, its fields in the same order, from what the store keeps', () => {
    expect(records.length).toBeGreaterThan(300);
    for (const record of records) {
      const stored = storedArticleSchema.parse(compactArticle(record.id, record));
      const back = expandArticle(record.id, stored);
      expect(back).toStrictEqual(record);
      expect(JSON.stringify(back)).toBe(JSON.stringify(record));
    }
  });

  test('leaves out the id, the link, a title that is the headline, and empty fields; keeps what the page printed', () => {
    expect(lead).toBeDefined();
    if (!lead) return;
    const stored = compactArticle(lead.id, lead);
    expect(stored).not.toHaveProperty('id');
    expect(stored).not.toHaveProperty('url');
    expect(stored).not.toHaveProperty('title');
    expect(lead.title).toEqual({ text: lead.headline, added: false });
    for (const [name, value] of Object.entries(lead)) {
      const empty = value === null || (Array.isArray(value) && value.length === 0);
      if (empty) expect(stored, name).not.toHaveProperty(name);
    }
    expect(stored.headline).toBe('潮起长江口，抢抓机遇向未来');
    expect(stored.source).toEqual(lead.source);
    expect(stored.paperName).toBe('南通日报');
  });

  test("keeps a title the site made up (a photo's), marked as added", () => {
    const photo = records.find((r) => r.kind === 'photo' && r.title.added);
    expect(photo).toBeDefined();
    if (!photo) return;
    expect(compactArticle(photo.id, photo).title).toEqual(photo.title);
  });

  test('keeps a field that differs from what its absence would mean', () => {
    if (!lead) throw new Error('the seed lead story is missing');
    const moved = { ...lead, url: '/elsewhere/', title: { text: lead.headline ?? '', added: true }, titles: { 许丛军: '记者' } };
    const stored = compactArticle(lead.id, moved);
    expect(stored.url).toBe('/elsewhere/');
    expect(stored.title).toEqual({ text: '潮起长江口，抢抓机遇向未来', added: true });
    expect(expandArticle(lead.id, stored)).toStrictEqual(moved);
  });

  test('a stored record missing a field the store never leaves out is refused', () => {
    if (!lead) throw new Error('the seed lead story is missing');
    const { paper: _paper, ...withoutPaper } = compactArticle(lead.id, lead);
    expect(storedArticleSchema.safeParse(withoutPaper).success).toBe(false);
  });
});
