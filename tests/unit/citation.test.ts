import { describe, expect, test } from 'vitest';
import { ACCESS_DATE_PLACEHOLDER, formatCitation, localDate, withAccessDate, type CitationFields } from '../../src/data/citation.ts';
import { localSiteWarning } from '../../src/build/site-url.ts';

const STORY: CitationFields = {
  kind: 'story',
  bylines: ['王玮丽', '沈雪梅'],
  credits: ['许丛军'],
  title: { text: '潮起长江口，抢抓机遇向未来', added: false },
  paperName: '南通日报',
  date: '2024-01-24',
  page: 'A1',
  url: 'https://example.org/ntrb/2024-01-24/chao-qi/',
};

describe('formatCitation', () => {
  test('gives the 引用日期 after the date and page, as GB/T 7714 sets it for online sources', () => {
    expect(formatCitation(STORY, '2026-12-08')).toBe(
      '王玮丽,沈雪梅.潮起长江口，抢抓机遇向未来[N/OL].南通日报,2024-01-24(A1)[2026-12-08].https://example.org/ntrb/2024-01-24/chao-qi/.',
    );
  });

  test('is built with a visible placeholder for the date, which the reader’s date replaces', () => {
    const built = formatCitation(STORY);
    expect(built).toContain(`(A1)[${ACCESS_DATE_PLACEHOLDER}].https://`);
    expect(withAccessDate(built, '2026-12-08')).toBe(formatCitation(STORY, '2026-12-08'));
  });

  test('names a photo’s photographers, and marks a title the site made up', () => {
    const photo: CitationFields = {
      ...STORY,
      kind: 'photo',
      bylines: [],
      title: { text: '图片：22日，南通粮油接运码头', added: true },
      page: null,
    };
    expect(formatCitation(photo, '2026-12-08')).toBe(
      '许丛军.图片：22日，南通粮油接运码头（本站拟题）[N/OL].南通日报,2024-01-24[2026-12-08].https://example.org/ntrb/2024-01-24/chao-qi/.',
    );
  });

  test('a story with a photo is cited by its writers only', () => {
    expect(formatCitation(STORY, '2026-12-08').startsWith('王玮丽,沈雪梅.')).toBe(true);
  });

  test('the reader’s date is their own calendar day', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('localSiteWarning', () => {
  test('says the links will point at this machine when SITE_URL is not set', () => {
    expect(localSiteWarning('http://localhost:4321', false)).toBe(
      'SITE_URL is not set: canonical links, feeds, the sitemap and citations will point at http://localhost:4321/. Set SITE_URL to the address the site is served from (docs/deployers.md, "Deployment").',
    );
    expect(localSiteWarning('http://127.0.0.1:8080/', true)).toMatch(/^SITE_URL names this machine \(http:\/\/127\.0\.0\.1:8080\/\)/u);
  });

  test('says nothing for a public address', () => {
    expect(localSiteWarning('https://archive.example.org/', true)).toBeNull();
  });
});
