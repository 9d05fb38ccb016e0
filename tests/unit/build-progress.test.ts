import { describe, expect, test } from 'vitest';
import { countAstroPages, logsEveryPage, PhaseProgress } from '../../src/build/build-progress.ts';

/** A clock the test moves by hand, in milliseconds. */
const clock = (): { now: () => number; tick: (ms: number) => void } => {
  let t = 0;
  return { now: () => t, tick: (ms) => (t += ms) };
};

/** A stand-in for standard output that keeps what reaches it. */
const fakeStdout = (): { stream: NodeJS.WriteStream; got: string[] } => {
  const got: string[] = [];
  const stream = {
    write: (chunk: string, callback?: () => void): boolean => {
      got.push(chunk);
      callback?.();
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, got };
};

describe('build progress', () => {
  test('off a terminal, a plain line now and then with count, rate and time left, and a summary at the end', () => {
    const c = clock();
    const lines: string[] = [];
    const progress = new PhaseProgress('rendering', 'pages', { write: (t) => lines.push(t), tty: false, every: 10, now: c.now });
    progress.expect(300);
    progress.add();
    for (let i = 0; i < 99; i += 1) {
      c.tick(100);
      progress.add();
    }
    c.tick(100);
    progress.add();
    expect(lines).toEqual(['rendering: 1 of about 300 pages\n', 'rendering: 101 of about 300 pages, 10/s, about 20 s left\n']);
    progress.done();
    expect(lines.at(-1)).toBe('rendering: 101 pages in 10.0 s\n');
  });

  test('on a terminal, one line rewritten in place, ended by the summary', () => {
    const c = clock();
    const lines: string[] = [];
    const progress = new PhaseProgress('rendering', 'pages', { write: (t) => lines.push(t), tty: true, now: c.now });
    progress.add();
    c.tick(50);
    progress.add();
    c.tick(2050);
    progress.add();
    progress.done();
    expect(lines).toEqual(['\r\x1b[2Krendering: 1 pages', '\r\x1b[2Krendering: 3 pages, 1.4/s', '\r\x1b[2Krendering: 3 pages in 2.1 s\n']);
  });

  test('Astro’s page lines, written in two parts as a real build writes them, are counted and not printed; its other lines pass', () => {
    const { stream, got } = fakeStdout();
    const counted: string[] = [];
    const progress = new PhaseProgress('rendering', 'pages', { write: (t) => counted.push(t), tty: false, every: 600 });
    const restore = countAstroPages(progress, () => 35, stream);
    // Lines of the seed site's build log.
    stream.write('\n\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m\n');
    stream.write('03:32:01   ├─ /404.html');
    stream.write(' (+48ms) \n');
    stream.write('03:32:01   ├─ /ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/index.html');
    stream.write(' (+3ms) \n');
    stream.write('03:32:01 ✓ Completed in 397ms.\n');
    restore();
    progress.done();
    expect(got.join('')).toBe('\n\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m\n03:32:01 ✓ Completed in 397ms.\n');
    expect(counted[0]).toBe('rendering: 1 of about 35 pages\n');
    expect(counted.at(-1)).toMatch(/^rendering: 2 pages in /u);
    stream.write('03:32:02   ├─ /index.html');
    expect(got.at(-1)).toBe('03:32:02   ├─ /index.html');
  });

  test('ARCHIVE_LOG_PAGES=1 keeps the per-page log', () => {
    expect(logsEveryPage({ ARCHIVE_LOG_PAGES: '1' })).toBe(true);
    expect(logsEveryPage({})).toBe(false);
  });
});
