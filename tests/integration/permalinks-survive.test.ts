import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { buildArgs, runScript } from '../support/build-command.ts';

const project = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'archive-permalinks-'));
const content = join(work, 'content');
const out = join(work, 'dist');

function run(script: string, ...args: string[]): void {
  const r = runScript([script, ...args], { ARCHIVE_CONTENT_DIR: content });
  expect(r.status, `${script}\n${r.stdout}\n${r.stderr}`).toBe(0);
}

/** Builds the temp content into `out`. */
const build = (): void => run(...(buildArgs(out) as [string, ...string[]]));

const published = (): ApiArticle[] => readArticles(out);

/** A new front page of 南通日报 on a date the archive holds, with a headline that is already taken. */
const NEW_PAGE = [
  '潮起长江口，抢抓机遇向未来',
  '',
  '本报讯 昨天，一篇标题相同的新报道进入档案。',
  '',
  '省十四届人大二次会议隆重开幕',
  '',
  '本报讯 江苏省十四届人大二次会议昨天在南京开幕。（下转A2版）',
  '',
].join('\n');
const NEW_META = ['paper: ntrb', 'date: 2024-01-24', 'page: A1', 'sources:', '  date: test fixture', '  page: test fixture', ''].join('\n');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('permalinks', () => {
  test('every earlier link serves the same story after a page is added and the archive rebuilt', () => {
    cpSync(join(project, 'content'), content, { recursive: true });
    build();
    const before = published();
    expect(before.length).toBeGreaterThan(0);

    writeFileSync(join(content, 'pages/ntrb/2024-01-24/001_new_front_page.txt'), NEW_PAGE);
    writeFileSync(join(content, 'pages/ntrb/2024-01-24/001_new_front_page.yml'), NEW_META);
    build();
    const after = published();
    expect(after).toHaveLength(before.length + 2);

    const byUrl = new Map(after.map((a) => [a.url, a]));
    for (const old of before) {
      const now = byUrl.get(old.url);
      expect(now, old.url).toBeDefined();
      expect(now?.source).toEqual(old.source);
      expect(now?.paragraphs).toEqual(old.paragraphs);
      const html = readFileSync(join(out, old.url, 'index.html'), 'utf8');
      for (const p of old.paragraphs) expect(html).toContain(p.slice(0, 20));
    }
    // The new story with a taken headline gets a link of its own.
    const added = after.filter((a) => a.source.file === '001_new_front_page.txt').map((a) => a.url);
    expect(added).toEqual(['/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji-2/', '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci/']);

    // Registering the new links and rebuilding changes nothing that was published.
    run('scripts/register-permalinks.ts', content);
    build();
    expect(
      published()
        .map((a) => a.url)
        .sort(),
    ).toEqual(after.map((a) => a.url).sort());
  });

  test('corrections keep every link: a moved first line keeps its link, a merged story’s link leads to the story it joined', () => {
    // Continues from the archive above. Line 29 of the 江海晚报 page becomes the 引题 of the story below it
    // (its first line moves from 31 to 29), and the 南通日报 photo (line 91) is merged into the jump above it.
    const jhwbMeta = join(content, 'pages/jhwb/2025-02-06/000_29ee23daad04a246.yml');
    const ntrbMeta = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.yml');
    const before = published();
    writeFileSync(jhwbMeta, `${readFileSync(jhwbMeta, 'utf8')}corrections:\n  - { line: 29, text: 吴新明、张彤, role: kicker }\n`);
    writeFileSync(ntrbMeta, `${readFileSync(ntrbMeta, 'utf8')}corrections:\n  - { line: 91, text: 22日，南通粮油, break: none }\n`);
    build();
    const after = published();
    expect(after).toHaveLength(before.length - 1);

    const second = after.find((a) => a.url === '/jhwb/2025-02-06/jian-ding-bu-yi-tui-jin-xin-xing/');
    expect([second?.source.lines, second?.kicker]).toEqual([
      [29, 63],
      '吴新明、张彤、周伟文、姜永华、沈雷等市四套班子相关领导在南通分会场参加。',
    ]);

    // The photo's link is no story now: it answers with a page that leads to the jump that holds its lines.
    const photo = '/ntrb/2024-01-24/tu-pian-22-ri-nan-tong-liang-you/';
    const jump = '/ntrb/2024-01-24/yi-shi-ji-xing-dong-wei-quan-mian-xu/';
    expect(after.map((a) => a.url)).not.toContain(photo);
    expect(after.find((a) => a.url === jump)?.source.lines).toEqual([75, 93]);
    const moved = readFileSync(join(out, photo, 'index.html'), 'utf8');
    expect(moved).toContain(`<meta http-equiv="refresh" content="0; url=${jump}">`);
    expect(moved).toContain(`<a href="${jump}">${jump}</a>`);
    expect(moved).toContain('<meta name="robots" content="noindex">');
  });
});
