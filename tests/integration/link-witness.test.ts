import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readArticles, type ApiArticle } from '../../src/tools/bulk-data.ts';
import { buildArgs, buildEnv, printed, PROJECT, runScript } from '../support/build-command.ts';
import { compareTrees, digestTree } from '../support/tree-digest.ts';

/**
 * The published site as the witness of its links (issue 22). Each probe was
 * reproduced on a clean copy of the seed after a first build, and each used
 * to pass the next build while a published link stopped answering or showed
 * another story: an emptied registry, a registry cut mid-line, deleted lines
 * of a registered raw page, a story retired while its page stays, two builds
 * into two folders appending the same line, a registry that cannot be
 * written. Now each is refused (file and line, the output untouched) or kept
 * right.
 */

const work = mkdtempSync(join(tmpdir(), 'link-witness-'));
const SEED_PAGE = 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt';
/** The seed story 分享工作经历 畅谈感受体会 / 市总工会举行劳模迎新活动, registered at line 57. */
const FEN_XIANG = '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/';
/** Printed only in that story. */
const FEN_XIANG_TEXT = '协同创新我先行';
/** The last line of the seed registry publishes it. */
const NING_XIN = '/ntrb/2024-01-24/ning-xin-ju-li-jiao-chu-zou-zai-xu/';

/** A front page of 南通日报 added to a copy of the seed: two new stories. */
const NEW_PAGE =
  '潮起长江口，抢抓机遇向未来\n\n本报讯 昨天，一篇标题相同的新报道进入档案。\n\n省十四届人大二次会议隆重开幕\n\n本报讯 江苏省十四届人大二次会议昨天在南京开幕。（下转A2版）\n';
const NEW_META = 'paper: ntrb\ndate: 2024-01-24\npage: A1\nsources:\n  date: test fixture\n  page: test fixture\n';

/** A copy of the seed content and the folder it is built into. */
interface Site {
  content: string;
  out: string;
  registry: string;
}

const build = (site: Site, out = site.out): SpawnSyncReturns<string> => runScript(buildArgs(out), { ARCHIVE_CONTENT_DIR: site.content });

/** A fresh copy of the seed content, built once (the first build after a clean clone). */
function builtCopy(name: string): Site {
  const content = join(work, name, 'content');
  cpSync(join(PROJECT, 'content'), content, { recursive: true });
  const site = { content, out: join(work, name, 'dist'), registry: join(content, 'permalinks.tsv') };
  const first = build(site);
  expect(first.status, printed(first)).toBe(0);
  return site;
}

/** Expects a build of the site to be refused with `messages` and to leave the output as it was. */
function expectRefused(site: Site, ...messages: (string | RegExp)[]): string {
  const before = digestTree(site.out);
  const result = build(site);
  const output = printed(result);
  expect(result.status, output).not.toBe(0);
  for (const m of messages) expect(output).toMatch(m);
  expect(compareTrees(before, digestTree(site.out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  return output;
}

/** Puts the registry back from the output's manifest, as the refusal says. */
function restore(site: Site): void {
  const result = runScript(['scripts/register-permalinks.ts', '--restore', site.out], { ARCHIVE_CONTENT_DIR: site.content });
  expect(result.status, printed(result)).toBe(0);
}

/** Expects a build to pass and publish exactly what the site published before. */
function expectRebuiltAsBefore(site: Site): void {
  const before = digestTree(site.out);
  const result = build(site);
  expect(result.status, printed(result)).toBe(0);
  expect(compareTrees(before, digestTree(site.out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
}

/** Every text file under a folder that holds `text`, relative to it. */
function filesHolding(folder: string, text: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|json|xml|txt)$/u.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => readFileSync(path, 'utf8').includes(text))
    .map((path) => path.slice(folder.length + 1));
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a lost or cut registry cannot lose a published link', () => {
  test('an emptied registry is refused, naming the links it published, and restored from the manifest', () => {
    const site = builtCopy('emptied');
    writeFileSync(site.registry, '');
    const output = expectRefused(
      site,
      new RegExp(`permalinks\\.json:\\d+: ${FEN_XIANG} `, 'u'),
      `npm run permalinks -- --restore ${site.out}`,
    );
    expect(output).toContain('no longer holds');
    restore(site);
    expectRebuiltAsBefore(site);
  });

  test('a registry cut mid-line is refused at the cut line, and nothing is glued onto it', () => {
    const site = builtCopy('cut');
    truncateSync(site.registry, statSync(site.registry).size - 2);
    expectRefused(site, /permalinks\.tsv:10: .*no line break/u, new RegExp(`permalinks\\.json:\\d+: ${NING_XIN} `, 'u'));
    expect(readFileSync(site.registry, 'utf8').endsWith('\t11')).toBe(true);
    restore(site);
    expect(readFileSync(site.registry, 'utf8')).toBe(readFileSync(join(PROJECT, 'content/permalinks.tsv'), 'utf8'));
    expectRebuiltAsBefore(site);
  });
});

describe('a registered raw page is never edited unseen', () => {
  test('deleted lines are refused, naming the page, the lines and where each story now stands', () => {
    const site = builtCopy('edited');
    const page = join(site.content, SEED_PAGE);
    const lines = readFileSync(page, 'utf8').split('\n');
    writeFileSync(page, [...lines.slice(0, 12), ...lines.slice(22)].join('\n'));
    const output = expectRefused(site, /004_ca8fbf74e0fa523e\.txt:13: lines 13–22 of the page as published were removed/u);
    // The story that stood at line 57 now stands at line 47: the line that follows it is offered.
    expect(output).toContain(`"${FEN_XIANG}<TAB>004_ca8fbf74e0fa523e.txt<TAB>47<TAB>`);
    expect(output).toContain('retired');
  });
});

describe('a story retired while its page is kept', () => {
  test('is published under no link: only its tombstone answers, and nothing is registered for it', () => {
    const site = builtCopy('retired');
    appendFileSync(site.registry, `${FEN_XIANG}\tretired\t2026-11-26\t应作者要求撤回\n`);
    const registered = readFileSync(site.registry, 'utf8');
    const result = build(site);
    expect(result.status, printed(result)).toBe(0);
    expect(readFileSync(site.registry, 'utf8')).toBe(registered);
    expect(readFileSync(join(site.out, FEN_XIANG, 'index.html'), 'utf8')).toContain('稿件已撤回');
    const held = (a: ApiArticle): boolean =>
      a.source.file === '004_ca8fbf74e0fa523e.txt' && a.source.lines[0] <= 57 && a.source.lines[1] >= 57;
    expect(readArticles(site.out).filter(held)).toEqual([]);
    // Not in any page, list, feed, bulk data or raw page text the site publishes (its search records come
    // from the same plan, which leaves it out: tests/unit/permalink-registry.test.ts).
    expect(filesHolding(site.out, FEN_XIANG_TEXT)).toEqual([]);
    expect(filesHolding(site.out, '市总工会举行劳模迎新活动')).toEqual([]);
    // The raw page stays whole in the content folder.
    expect(readFileSync(join(site.content, SEED_PAGE), 'utf8')).toContain(FEN_XIANG_TEXT);
    // The build that withdrew it over the last output published what a clean build publishes.
    const clean = join(work, 'retired', 'clean');
    expect(build(site, clean).status).toBe(0);
    expect(compareTrees(digestTree(clean), digestTree(site.out))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  });
});

describe('registering links', () => {
  test('two builds into two folders of one content append each new line once', async () => {
    const site = builtCopy('two-folders');
    writeFileSync(join(site.content, 'pages/ntrb/2024-01-24/001_new_front_page.txt'), NEW_PAGE);
    writeFileSync(join(site.content, 'pages/ntrb/2024-01-24/001_new_front_page.yml'), NEW_META);
    const buildAsync = (out: string): Promise<{ status: number | null; output: string }> =>
      new Promise((done) => {
        const child = spawn(process.execPath, buildArgs(out), { cwd: PROJECT, env: buildEnv({ ARCHIVE_CONTENT_DIR: site.content }) });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('close', (status) => done({ status, output }));
      });
    // One folder outside the project and one inside it (ignored by git): two builds outside it would wait for each other on .astro/.
    const inside = join(PROJECT, `.build-link-witness-${process.pid}`);
    const [a, b] = await Promise.all([buildAsync(site.out), buildAsync(inside)]);
    for (const path of [inside, `${inside}.cache`]) rmSync(path, { recursive: true, force: true });
    expect(a.status, a.output).toBe(0);
    expect(b.status, b.output).toBe(0);
    const added = readFileSync(site.registry, 'utf8')
      .split('\n')
      .filter((l) => l.includes('\t001_new_front_page.txt\t'));
    expect(added.map((l) => l.split('\t')[0])).toEqual([
      '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji-2/',
      '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci/',
    ]);
    const again = build(site);
    expect(again.status, printed(again)).toBe(0);
  });

  test('a registry that cannot be written stops the build before the output changes, and says so', (context) => {
    const site = builtCopy('read-only');
    writeFileSync(join(site.content, 'pages/ntrb/2024-01-24/001_new_front_page.txt'), NEW_PAGE);
    writeFileSync(join(site.content, 'pages/ntrb/2024-01-24/001_new_front_page.yml'), NEW_META);
    // As root, permission bits stop nothing: the file is made immutable (chattr +i) instead.
    const root = process.getuid?.() === 0;
    if (root && spawnSync('chattr', ['+i', site.registry]).status !== 0) context.skip();
    if (!root) {
      chmodSync(site.registry, 0o444);
      chmodSync(site.content, 0o555);
    }
    try {
      const output = expectRefused(site, /Could not write .*permalinks\.tsv/u, `${site.out} was left as it was`);
      expect(output).not.toContain('Registered');
    } finally {
      if (root) spawnSync('chattr', ['-i', site.registry]);
      else chmodSync(site.content, 0o755);
    }
  });
});
