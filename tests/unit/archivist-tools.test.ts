import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { GROUP_SIGNALS, LINE_SIGNALS } from '../../src/archive/display-roles.ts';

/**
 * The archivist's view of a parse: `npm run parse -- <page>` prints the
 * page as read, `npm run check:content` lists the parser's notes as
 * warnings with file and line, and `npm run parse:score` prints the figure
 * of the corpus of real pages. Each runs as README.md and docs/contributors.md say, on the
 * project's own Node.
 */

const run = (script: string, ...args: string[]): { out: string; err: string } => {
  const result = { out: '', err: '' };
  result.out = execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return result;
};

describe('npm run parse', () => {
  test('prints each item with its lines, kind, roles, dateline, names and paragraph beginnings', () => {
    const { out } = run('scripts/parse-page.ts', 'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
    expect(out).toContain('content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt: 7 item(s), 0 layout line(s), 0 note(s)');
    expect(out).toContain(
      '  2. story 稿件, lines 57–65\n     kicker 引题      分享工作经历 畅谈感受体会  (line 57)\n     headline 主题    市总工会举行劳模迎新活动  (line 59)\n     dateline 电头    本报讯（记者彭军君 实习生陈少鹏）\n',
    );
    expect(out).toContain('     writers        彭军君, 陈少鹏\n     ¶ line 61      22日，市总工会“协同创新我先行”2024年劳模…');
    expect(out).toContain(
      '  5. photo 图片, lines 91–93\n     title 拟题       图片：22日，南通粮油接运码头正在卸运进口巴西玉米  (added by the site)',
    );
  });

  test('shows each note with the correction that would read the line the other way', () => {
    const { out } = run('scripts/parse-page.ts', 'tests/fixtures/real-pages/pages/ntrb/2023-01-18/ntrb-20230118-a05.txt');
    expect(out).toContain(
      '  ? line 1: read as 主题 line 1, 副题 line 3 (the usual order of display lines); it could also be 引题 line 1, 主题 line 3\n' +
        '      to read it the other way, add to the .yml\'s corrections:  - { line: 1, text: "余东镇为新就业群体提供暖心服务", role: "kicker" }',
    );
  });
});

describe('npm run check:content', () => {
  test('lists the notes of every page as warnings with file and line, and counts them', () => {
    const result = spawnSync(process.execPath, ['scripts/check-content.ts', 'tests/fixtures/real-pages'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const all = result.stderr.split('\n').filter((l) => l.endsWith('(note)'));
    // The completeness ledger's notes are counted on a line of their own.
    const ledger = all.filter((l) => l.includes(': completeness: '));
    const notes = all.filter((l) => !ledger.includes(l));
    expect(ledger.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`; ${ledger.length} located above as "completeness:"):\n`);
    expect(notes).toContain(
      'tests/fixtures/real-pages/pages/ntrb/2023-01-18/ntrb-20230118-a05.txt:1: read as 主题 line 1, 副题 line 3 (the usual order of display lines); it could also be 引题 line 1, 主题 line 3; to read it the other way, add to corrections: - { line: 1, text: "余东镇为新就业群体提供暖心服务", role: "kicker" } (note)',
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `^tests/fixtures/real-pages: \\d+ pages, \\d+ items, no problems, ${notes.length} note\\(s\\) on what the parser was unsure of`,
        'mu',
      ),
    );
  });
});

describe('npm run parse:score', () => {
  test('prints exact, noted and silent items with the corrections and by the parser alone, per convention and per paper', () => {
    const { out } = run('scripts/parse-score.ts', '--quiet');
    expect(out).toMatch(/^ {2}with the corrections kept beside \d+ pages: exact +(\d+) \(100 %\) +noted +0 +silent +0 \( +0 %\) +of \1$/mu);
    expect(out).toMatch(/^ {2}by the parser alone: +exact +\d+ \( *\d+ %\) +noted +\d+ +silent +\d+ \( *\d+ %\) +of \d+$/mu);
    expect(out).toMatch(/^ {4}dateline-space +exact +\d+/mu);
    expect(out).toMatch(/^ {2}per paper \(parser alone\):\n {4}amrb +exact/mu);
    expect(out).toMatch(/^ {4}zhjrb +exact +7 .*\n {6}without its style +exact +6 /mu);
  });

  test('--ablate prints what leaving out each doubt costs', () => {
    const { out } = run('scripts/parse-score.ts', '--quiet', '--ablate');
    expect(out).toMatch(/^ {4}caption-or-story +silent (\d+) → (\d+) without it; \d+ note\(s\) on items read right$/mu);
    // Every family of display-role signals is weighed: the slogan signals read items right that nothing else does.
    for (const family of new Set([...LINE_SIGNALS, ...GROUP_SIGNALS].map((x) => x.family)))
      expect(out).toMatch(new RegExp(`^ {4}${family} +exact \\d+ → \\d+, silent \\d+ → \\d+`, 'mu'));
    expect(out).toMatch(/^ {4}slogan +exact (\d+) → (\d+), .*: worth \d+ item\(s\)$/mu);
  });
});

describe('npm run parse:style', () => {
  test('proposes a paper’s house style from the corrections kept on its pages, with what it would change', () => {
    const { out } = run('scripts/parse-style.ts', 'zhjrb');
    expect(out).toContain('kicker-headline: 1 corrected to it, 1 standing');
    expect(out).toContain('Proposal: 1 of 1 corrected two-line heads are kicker-headline');
    expect(out).toContain('It would make 1 role correction(s) unnecessary');
    expect(out).toContain('tests/fixtures/real-pages/pages/zhjrb/2006-04-06/zhjrb-20060406-00004.txt item 2: now exact');
  });

  test('proposes nothing where the paper sets its heads in more than one shape (南通日报)', () => {
    expect(run('scripts/parse-style.ts', 'ntrb').out).toContain('No proposal: 1 correction(s) make kicker-headline');
  });
});

describe('npm run parse:score -- --ledger', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ledger-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('records a fresh batch’s first try once, and refuses a second try of the same batch', () => {
    // A batch of one real page: 人民日报 1990-09-04, four briefs.
    const page = 'rmrb/1990-09-04/rmrb-19900904-1';
    for (const kind of ['pages', 'gold']) {
      mkdirSync(join(folder, 'batch', kind, dirname(page)), { recursive: true });
      cpSync(`tests/fixtures/real-pages/${kind}/${page}.yml`, join(folder, 'batch', kind, `${page}.yml`));
    }
    cpSync(`tests/fixtures/real-pages/pages/${page}.txt`, join(folder, 'batch', 'pages', `${page}.txt`));
    const ledger = join(folder, 'ledger.tsv');
    writeFileSync(ledger, 'batch\tscored\tcommit\tpages\tpapers\titems\texact\tnoted\tsilent\tremark\n');
    const args = ['--quiet', '--corpus', join(folder, 'batch'), '--ledger', 'trial', '--ledger-file', ledger];
    run('scripts/parse-score.ts', ...args);
    const row = readFileSync(ledger, 'utf8').trim().split('\n').at(-1)?.split('\t');
    expect([row?.[0], ...(row ?? []).slice(3, 9)]).toEqual(['trial', '1', '1', '4', '4', '0', '0']);
    const again = spawnSync(process.execPath, ['scripts/parse-score.ts', ...args], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('batch trial has its first try recorded already');
    expect(readFileSync(ledger, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});

describe('npm run parse with a paper’s house style', () => {
  const folder = mkdtempSync(join(tmpdir(), 'parse-style-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('weighs the style of the papers.yml of the content folder the page lies in, as the build does (浙江日报 2006-04-06)', () => {
    // The corpus page without its correction: only the style reads line 9 as the 引题.
    const page = 'zhjrb/2006-04-06/zhjrb-20060406-00004';
    mkdirSync(join(folder, 'pages', dirname(page)), { recursive: true });
    cpSync(`tests/fixtures/real-pages/pages/${page}.txt`, join(folder, 'pages', `${page}.txt`));
    const meta = readFileSync(`tests/fixtures/real-pages/pages/${page}.yml`, 'utf8').replace(/\ncorrections:[\s\S]*$/u, '\n');
    writeFileSync(join(folder, 'pages', `${page}.yml`), meta);
    const papers = readFileSync('tests/fixtures/real-pages/papers.yml', 'utf8');
    writeFileSync(join(folder, 'papers.yml'), papers);
    expect(run('scripts/parse-page.ts', join(folder, 'pages', `${page}.txt`)).out).toMatch(/kicker 引题 +日本歪曲韩对日政策/u);
    writeFileSync(join(folder, 'papers.yml'), papers.replace(/\n {2}style:\n {4}twoLineHead: kicker-headline/u, ''));
    expect(run('scripts/parse-page.ts', join(folder, 'pages', `${page}.txt`)).out).not.toMatch(/kicker 引题 +日本歪曲韩对日政策/u);
  });
});
