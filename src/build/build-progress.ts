/**
 * Progress of a build phase as one line instead of a log line per page.
 * Astro prints a line for every page it renders (`├─ /path (+3ms)`), which
 * at the archive's size is more than anyone reads. While a phase runs, those
 * lines are counted instead: on a terminal one line is rewritten in place
 * with the count, the rate and the time left; elsewhere (a CI log, a file) a
 * plain line is written now and then. `ARCHIVE_LOG_PAGES=1` keeps Astro's
 * per-page log as it is.
 */

/** A line Astro prints for a page it rendered: `12:00:01   ├─ /ntrb/2024-01-24/index.html (+3ms)`. */
const PAGE_LINE = /^(?:\S+ )?\s*[├└]─ \/\S*/u;
/** The time Astro writes after a page's path once it is rendered, as a write of its own: ` (+3ms) `. */
const PAGE_TIME = /^ \(\+[\d.]+m?s\) ?\n?$/u;

/** Where progress is written, and how. */
export interface ProgressOptions {
  /** Writes text as it is, without a line end of its own. */
  write: (text: string) => void;
  /** A terminal: rewrite one line in place. Otherwise write plain lines. */
  tty: boolean;
  /** Seconds between plain lines (not on a terminal). */
  every?: number;
  /** The clock, in milliseconds. */
  now?: () => number;
}

/** The progress of one phase: how many of how many, how fast, and how long still. */
export class PhaseProgress {
  private count = 0;
  private expected: number | null = null;
  /** When the first was counted: the rate is of the work, not of what came before it. */
  private started: number | null = null;
  private lastWritten = -Infinity;
  /** A line is on the terminal that the next output must clear first. */
  showing = false;
  private readonly now: () => number;
  private readonly label: string;
  private readonly unit: string;
  private readonly options: ProgressOptions;

  // Fields set by hand, not as parameter properties: Node runs this file as it is (scripts/build.ts), and strips types only.
  constructor(label: string, unit: string, options: ProgressOptions) {
    this.label = label;
    this.unit = unit;
    this.options = options;
    this.now = options.now ?? (() => performance.now());
  }

  /** Sets how many are expected in all, when that is known. */
  expect(total: number): void {
    this.expected = total;
  }

  /** Counts `n` more done, and shows it when it is time. */
  add(n = 1): void {
    const at = this.now();
    this.started ??= at;
    this.count += n;
    const gap = this.options.tty ? 100 : (this.options.every ?? 10) * 1000;
    if (at - this.lastWritten < gap) return;
    this.lastWritten = at;
    this.showing = this.options.tty;
    this.options.write(this.options.tty ? `\r\x1b[2K${this.line(at)}` : `${this.line(at)}\n`);
  }

  /** Ends the phase with its summary line. */
  done(): void {
    const seconds = (this.now() - (this.started ?? this.now())) / 1000;
    const summary = `${this.label}: ${this.count} ${this.unit} in ${seconds.toFixed(1)} s`;
    this.showing = false;
    this.options.write(this.options.tty ? `\r\x1b[2K${summary}\n` : `${summary}\n`);
  }

  /** The line as it reads at `at`. */
  line(at: number): string {
    const seconds = (at - (this.started ?? at)) / 1000;
    // The first pages are counted before any time has passed: no rate or time left yet.
    const rate = seconds >= 1 ? this.count / seconds : 0;
    // A phase of slow units (search shards) shows its rate to a tenth.
    const shown = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
    const of = this.expected !== null && this.expected >= this.count ? ` of about ${this.expected}` : '';
    const left =
      this.expected !== null && rate > 0 && this.expected >= this.count
        ? `, about ${Math.ceil((this.expected - this.count) / rate)} s left`
        : '';
    return `${this.label}: ${this.count}${of} ${this.unit}${rate > 0 ? `, ${shown}/s` : ''}${left}`;
  }
}

/**
 * Counts the page lines Astro writes to standard output into `progress`
 * instead of printing them; everything else is printed as before. At the
 * first page, `expected` says how many pages are to come (Astro has asked
 * every route for its paths by then). Returns the function that puts
 * standard output back.
 */
export function countAstroPages(progress: PhaseProgress, expected: () => number, stream: NodeJS.WriteStream = process.stdout): () => void {
  const original = stream.write.bind(stream);
  let first = true;
  /** The last page line was written without its end: its time follows. */
  let tail = false;
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : null;
    if (tail && text !== null && PAGE_TIME.test(text)) {
      tail = false;
      rest.find((r): r is () => void => typeof r === 'function')?.();
      return true;
    }
    tail = false;
    if (text === null || !text.includes('─ /')) {
      if (progress.showing && text !== null) {
        progress.showing = false;
        original('\r\x1b[2K');
      }
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }
    const lines = text.split('\n');
    const kept = lines.filter((line) => !PAGE_LINE.test(line));
    tail = PAGE_LINE.test(lines.at(-1) ?? '');
    if (first && kept.length < lines.length) {
      first = false;
      progress.expect(expected());
    }
    progress.add(lines.length - kept.length);
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    const left = kept.join('\n');
    if (left.trim() === '') {
      callback?.();
      return true;
    }
    return original(progress.showing ? `\r\x1b[2K${left}` : left, callback);
  };
  stream.write = write as typeof stream.write;
  return () => {
    stream.write = original;
  };
}

/** Whether the per-page log was asked for. */
export const logsEveryPage = (env: NodeJS.ProcessEnv = process.env): boolean => env['ARCHIVE_LOG_PAGES'] === '1';
