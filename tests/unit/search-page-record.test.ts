import { describe, expect, test } from 'vitest';
import { pageFilters } from '../../src/search/pagefind/index-pages.ts';
import { groupByPage, pageMeta, readPageMeta } from '../../src/search/pagefind/page-record.ts';
import { searchRecordSchema } from '../../src/search/shared/record-schema.ts';
import { searchRecord, type RecordSource, type SearchRecord } from '../../src/search/shared/search-record.ts';

/** An archived item as the site stores it, printed on raw page `file`. */
function item(url: string, file: string, kind: RecordSource['kind'] = 'story', date = '2024-01-24'): RecordSource {
  return {
    url,
    paper: 'ntrb',
    paperName: '南通日报',
    date,
    page: '4',
    pageName: null,
    kind,
    kicker: null,
    headline: `潮起长江口 ${url}`,
    subtitle: null,
    column: null,
    dateline: null,
    byline: null,
    bylines: [],
    credit: null,
    credits: [],
    endnotes: [],
    title: { text: url },
    body: [{ type: 'paragraph', text: '本报讯 长江口 705.5 万吨', anchor: 'p1' }],
    source: { file },
  };
}

describe('searchRecord', () => {
  test('names the raw page a story is printed on by its site path', () => {
    expect(searchRecord(item('/a/', '004_ca8f.txt')).source).toBe('/ntrb/2024-01-24/source/004_ca8f/');
  });

  test('names the column a story is printed under as the column pages do: without its year line or marks', () => {
    const under = (column: string | null) => searchRecord({ ...item('/a/', '001.txt'), column }).columnName;
    expect([under('直通省两会 2024'), under('■生气'), under(null)]).toEqual(['直通省两会', '生气', null]);
    expect(searchRecord({ ...item('/a/', '001.txt'), column: '直通省两会 2024' }).blocks[0]).toEqual(['column', '直通省两会 2024', '']);
  });

  test('names the story’s writers then photographers, each once, as the people pages do', () => {
    const credited = { ...item('/a/', '001.txt'), bylines: ['王玮丽', '许丛军'], credits: ['许丛军', '张  三'] };
    expect(searchRecord(credited).authors).toEqual(['王玮丽', '许丛军']);
    expect(searchRecord(item('/a/', '001.txt')).authors).toEqual([]);
  });

  test('makes a record of exactly the shape the schema describes, no field more', () => {
    const record = searchRecord(item('/a/', '004_ca8f.txt'));
    expect(searchRecordSchema.strict().parse(record)).toEqual(record);
    expect(record.blocks).toEqual([
      ['headline', '潮起长江口 /a/', ''],
      ['paragraph', '本报讯 长江口 705.5 万吨', ''],
    ]);
  });
});

describe('groupByPage', () => {
  test('puts the stories of one raw page in one record, in print order, and pages of the same file name on other dates apart', () => {
    const records: SearchRecord[] = [
      item('/a/', '001.txt'),
      item('/b/', '001.txt', 'photo'),
      item('/c/', '002.txt'),
      item('/d/', '001.txt', 'story', '2024-01-25'),
      item('/e/', '001.txt', 'jump'),
    ].map(searchRecord);
    const pages = groupByPage(records);
    expect(pages.map((page) => page.stories.map((story) => story.url))).toEqual([['/a/', '/b/', '/e/'], ['/c/'], ['/d/']]);
    expect(pages[0]).toMatchObject({ url: '/ntrb/2024-01-24/source/001/', paper: 'ntrb', date: '2024-01-24' });
  });
});

describe('pageFilters', () => {
  test('files a page under every value of each search filter its stories hold, and its year', () => {
    const photo = { ...item('/b/', '001.txt', 'photo'), pageName: '看南通', credits: ['许丛军'] };
    const written = { ...item('/a/', '001.txt'), pageName: '看南通', bylines: ['王玮丽', '许丛军'] };
    const pages = groupByPage(
      [written, photo, item('/e/', '001.txt', 'jump'), { ...item('/c/', '002.txt'), page: 'A02' }].map(searchRecord),
    );
    expect(pages.map(pageFilters)).toEqual([
      {
        paper: ['ntrb'],
        page: ['4'],
        pageName: ['看南通'],
        kind: ['jump', 'photo', 'story'],
        column: [],
        author: ['王玮丽', '许丛军'],
        year: ['2024'],
      },
      { paper: ['ntrb'], page: ['A2'], pageName: [], kind: ['story'], column: [], author: [], year: ['2024'] },
    ]);
  });
});

describe('pageMeta', () => {
  test('round-trips a page’s stories and gives Pagefind no letter or digit to index', () => {
    const stories = [item('/a/', '001.txt'), item('/b/', '001.txt', 'photo')].map(searchRecord);
    const meta = pageMeta(stories);
    expect(readPageMeta(meta)).toEqual(stories);
    expect(meta).not.toMatch(/[\p{L}\p{N}]/u);
  });
});
