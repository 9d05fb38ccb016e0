/**
 * Runs a command and measures it: wall time, peak resident memory of its
 * whole process tree (polled from /proc), and, when GNU time is installed,
 * the peak of its largest single process as the kernel reports it.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What one measured run took. */
export interface Measurement {
  seconds: number;
  /** Highest sum of RSS over the process tree seen while polling, in bytes. */
  treePeakBytes: number;
  /** Largest single process's peak RSS from /usr/bin/time -v, in bytes, or null without it. */
  processPeakBytes: number | null;
  status: number;
  /**
   * Segments of the run: the first from the start, then one from the moment each
   * of `markers` first appears in a command line of the tree; each with the
   * tree's peak RSS until the next segment.
   */
  segments: { marker: string; atSeconds: number; treePeakBytes: number }[];
}

const GNU_TIME = '/usr/bin/time';
const PAGE = 4096;

/** Sum of RSS over `root` and all its descendants, from /proc, and their command lines. */
function treeRss(root: number): { bytes: number; commands: string[] } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we were reading.
    }
  }
  let bytes = 0;
  const commands: string[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
      commands.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // Gone already.
    }
    todo.push(...(children.get(pid) ?? []));
  }
  return { bytes, commands };
}

/**
 * Runs `command args` with its output appended to `logFile` and measures it.
 * @example await measure('node', ['scripts/check-content.ts', '/tmp/arch1k'], { logFile: '/tmp/check.log' })
 */
export async function measure(
  command: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string; pollMs?: number; markers?: string[] },
): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const timeFile = `${options.logFile}.time`;
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const log = openSync(options.logFile, 'a');
  const started = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', log, log], env: options.env ?? process.env, cwd: options.cwd });
  let peak = 0;
  const segments: Measurement['segments'] = [{ marker: '(start)', atSeconds: 0, treePeakBytes: 0 }];
  const pending = [...(options.markers ?? [])];
  const poll = setInterval(() => {
    if (child.pid === undefined || !existsSync('/proc')) return;
    const tree = treeRss(child.pid);
    peak = Math.max(peak, tree.bytes);
    const next = pending[0];
    if (next !== undefined && tree.commands.some((c) => c.includes(next))) {
      segments.push({ marker: next, atSeconds: (performance.now() - started) / 1000, treePeakBytes: 0 });
      pending.shift();
    }
    const current = segments.at(-1);
    if (current) current.treePeakBytes = Math.max(current.treePeakBytes, tree.bytes);
  }, options.pollMs ?? 200);
  const status = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  closeSync(log);
  let processPeakBytes: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/u.exec(readFileSync(timeFile, 'utf8'));
    processPeakBytes = m?.[1] ? Number(m[1]) * 1024 : null;
  }
  return { seconds, treePeakBytes: peak, processPeakBytes, status, segments };
}

/** Total size in bytes and number of files under a folder (0, 0 when missing). */
export function folderStats(dir: string): { bytes: number; files: number } {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files += 1;
  }
  return { bytes, files };
}
