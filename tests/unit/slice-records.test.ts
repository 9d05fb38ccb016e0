import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sliceRecordReader, writeSliceRecords } from '../../src/loaders/slice-records.ts';

const work = mkdtempSync(join(tmpdir(), 'slice-records-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A record as the store holds one: the seed's 南通日报 story of 2024-01-24, without its body. */
const record = { title: '潮起长江口，抢抓机遇向未来', paper: 'ntrb', date: '2024-01-24', page: 'A2' };

describe("a slice's stories' records, for the join", () => {
  test('are written sorted by digest, the same bytes for the same records, and read back by digest', () => {
    const a = join(work, 'a');
    writeSliceRecords(
      a,
      new Map([
        ['ff01', record],
        ['0a02', { ...record, page: 'A3' }],
      ]),
    );
    const first = readFileSync(join(a, 'slice-records.json'), 'utf8');
    writeSliceRecords(
      a,
      new Map([
        ['0a02', { ...record, page: 'A3' }],
        ['ff01', record],
      ]),
    );
    expect(readFileSync(join(a, 'slice-records.json'), 'utf8')).toBe(first);
    expect(Object.keys(JSON.parse(first) as object)).toEqual(['0a02', 'ff01']);
    const read = sliceRecordReader([{ id: 'ntrb-2024', astro: a }]);
    expect(read('ntrb-2024', 'ff01')).toEqual(record);
    // Another slice's story, or a digest this slice did not write: none, and the join parses that page.
    expect(read('jhwb-2025', 'ff01')).toBeUndefined();
    expect(read('ntrb-2024', 'ff02')).toBeUndefined();
  });

  test('a slice without them, or with a damaged file, gives none, and the join parses those pages', () => {
    const damaged = join(work, 'damaged');
    mkdirSync(damaged);
    writeFileSync(join(damaged, 'slice-records.json'), '{"ff01": {"title": "潮起长江口');
    const read = sliceRecordReader([
      { id: 'ntrb-2024', astro: damaged },
      { id: 'ntrb-2023', astro: join(work, 'none') },
      { id: 'jhwb-2025', astro: join(work, 'a') },
    ]);
    expect(read('ntrb-2024', 'ff01')).toBeUndefined();
    expect(read('ntrb-2023', 'ff01')).toBeUndefined();
    expect(read('jhwb-2025', 'ff01')).toEqual(record);
  });
});
