import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parsePage } from '../../src/archive/parse-page.ts';
import type { ParsedItem } from '../../src/archive/types.ts';
import { trainBigrams } from '../../src/bench/bigram-model.ts';
import { generateArchive, trainOnSeed, writeGeneratedArchive } from '../../src/bench/generate-archive.ts';
import type { ExpectedItem } from '../../src/bench/generate-page.ts';
import { Prng } from '../../src/bench/prng.ts';
import { viewOf } from '../support/gold-corpus.ts';

const CONTENT = new URL('../../content', import.meta.url).pathname;
const model = trainOnSeed(CONTENT);

/** The parser's reading of an item, in the generator's terms (names, notes and endnotes aside). */
function asExpected(item: ParsedItem): ExpectedItem {
  const { sections, bylines: _bylines, credits: _credits, endnotes: _endnotes, ...view } = viewOf(item);
  return { ...view, subheads: sections };
}

/** Every file under a folder, by relative path, with its text. */
function readTree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

describe('Prng', () => {
  test('gives the same sequence for the same seed', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});

describe('trainBigrams', () => {
  test('counts pairs of Chinese characters inside a clause only', () => {
    const m = trainBigrams(['潮起长江口，抢抓机遇向未来。']);
    expect(m.next.get('长')?.chars).toEqual(['江']);
    expect(m.next.get('口')).toBeUndefined();
    expect(m.clauseLengths).toEqual([5, 7]);
  });

  test('learns from the seed pages a vocabulary of over a thousand characters', () => {
    expect(model.unigram.chars.length).toBeGreaterThan(1000);
  });
});

describe('generateArchive', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('writes identical files for the same seed', () => {
    const [a, b] = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), 'gen-archive-'));
      dirs.push(dir);
      expect(writeGeneratedArchive({ stories: 120, seed: 3, model }, dir).items).toBe(120);
      return readTree(dir);
    });
    expect(a?.size).toBeGreaterThan(10);
    expect(a).toEqual(b);
    expect(a).toEqual(generateArchive({ stories: 120, seed: 3, model }).files);
  });

  test('writes different pages for another seed', () => {
    const a = generateArchive({ stories: 30, seed: 1, model });
    const b = generateArchive({ stories: 30, seed: 2, model });
    expect([...a.files.values()]).not.toEqual([...b.files.values()]);
  });

  test('writes exactly the number of items asked for, over several papers and dates', () => {
    const archive = generateArchive({ stories: 300, seed: 1, model });
    const items = [...archive.expected.values()].flat();
    expect(items).toHaveLength(300);
    const editions = new Set([...archive.expected.keys()].map((p) => p.split('/').slice(1, 3).join('/')));
    expect(new Set([...editions].map((e) => e.split('/')[0])).size).toBe(3);
    expect(new Set([...editions].map((e) => e.split('/')[1])).size).toBeGreaterThan(1);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['story', 'jump', 'photo']));
  });

  test("writes a real daily's year: one paper, its pages per edition, and no edition after the last day", () => {
    const archive = generateArchive({
      stories: Number.MAX_SAFE_INTEGER,
      seed: 1,
      model,
      startDate: '2023-12-30',
      endDate: '2024-01-02',
      papers: 1,
      pages: [16, 20],
    });
    const pages = [...archive.expected.keys()];
    const dates = [...new Set(pages.map((p) => p.split('/')[2]))];
    expect(dates).toEqual(['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02']);
    expect(new Set(pages.map((p) => p.split('/')[1]))).toEqual(new Set(['jhwb']));
    for (const date of dates) {
      const count = pages.filter((p) => p.includes(`/${date}/`)).length;
      expect(count).toBeGreaterThanOrEqual(16);
      expect(count).toBeLessThanOrEqual(20);
    }
    expect(archive.files.get('papers.yml')).toContain('id: jhwb');
    expect(archive.files.get('papers.yml')).not.toContain('id: ntrb');
  });
  test.each([1, 2, 3, 4, 5])('parsePage recovers every item the generator wrote (seed %i)', (seed) => {
    const archive = generateArchive({ stories: 400, seed, model });
    for (const [path, items] of archive.expected) {
      const parsed = parsePage(archive.files.get(path) ?? '');
      expect({ path, items: parsed.items.map(asExpected) }).toEqual({ path, items });
      expect(parsed.layout).toEqual([]);
    }
  });

  test('uses every convention of the seed pages somewhere', () => {
    const items = [...generateArchive({ stories: 400, seed: 1, model }).expected.values()].flat();
    const some = (f: (i: ExpectedItem) => unknown): boolean => items.some(f);
    expect(some((i) => i.kicker?.endsWith('——'))).toBe(true);
    expect(some((i) => i.headline?.includes(' '))).toBe(true);
    expect(some((i) => i.subtitle?.startsWith('——'))).toBe(true);
    expect(some((i) => i.column)).toBe(true);
    expect(some((i) => i.subheads.length > 0)).toBe(true);
    expect(some((i) => i.dateline?.startsWith('本报讯（记者'))).toBe(true);
    expect(some((i) => i.dateline === '晚报讯')).toBe(true);
    expect(some((i) => i.dateline?.startsWith('新华社'))).toBe(true);
    expect(some((i) => i.byline?.startsWith('本报记者 '))).toBe(true);
    expect(some((i) => i.continuedFrom)).toBe(true);
    expect(some((i) => i.continuesOn)).toBe(true);
    expect(some((i) => i.kind === 'photo' && i.headline)).toBe(true);
  });

  test('cuts some paragraphs in two blocks at a column break', () => {
    const archive = generateArchive({ stories: 200, seed: 1, model });
    const cut = [...archive.expected].some(([path, items]) => {
      const blocks = new Set((archive.files.get(path) ?? '').split('\n'));
      return items.some((i) => i.paragraphs.some((p) => !blocks.has(p) && ![...blocks].some((b) => b.endsWith(p))));
    });
    expect(cut).toBe(true);
  });
});
