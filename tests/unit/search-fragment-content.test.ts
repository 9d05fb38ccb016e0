import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { dropContent } from '../../src/search/pagefind/fragments.ts';

/** A fragment file as Pagefind 1.6 writes it. */
function fragmentFile(fragment: object, signature = 'pagefind_dcd'): Buffer {
  return gzipSync(signature + JSON.stringify(fragment));
}

const written = {
  url: '/ntrb/2024-01-24/source/001/',
  content: 'abcde fghij',
  word_count: 2,
  filters: { kind: ['story'] },
  meta: { stories: '\u{f005b}' },
  anchors: [],
};

describe('dropContent', () => {
  test('empties the indexed text and keeps every other field, in Pagefind’s own file format', () => {
    const text = gunzipSync(dropContent(fragmentFile(written), 'f')).toString('utf8');
    expect(text.startsWith('pagefind_dcd')).toBe(true);
    expect(JSON.parse(text.slice('pagefind_dcd'.length))).toEqual({ ...written, content: '' });
  });

  test('stops the build on a file that is not the fragment it expects', () => {
    expect(() => dropContent(fragmentFile(written, 'other'), 'f')).toThrow(/signature/u);
    expect(() => dropContent(fragmentFile({ ...written, excerpt: '' }), 'f')).toThrow(/unexpected Pagefind fragment fields/u);
    const { content: _content, ...withoutContent } = written;
    expect(() => dropContent(fragmentFile(withoutContent), 'f')).toThrow(/unexpected Pagefind fragment fields/u);
    expect(() => dropContent(fragmentFile({ ...written, content: 3 }), 'f')).toThrow(/not a string/u);
    expect(() => dropContent(fragmentFile({ a: written }), 'f')).toThrow(/unexpected/u);
  });
});
