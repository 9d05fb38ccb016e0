import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * One build at a time per output folder. A build holds `<out>.lock` from
 * before it reads the last build's keys until its output and state files
 * are in place; a second build started meanwhile refuses, naming the one
 * that holds the lock, instead of writing into the same folders. A lock
 * left by a build that was killed (its process is gone) is taken over.
 */

/** Who holds a lock. */
interface Holder {
  pid: number;
  host: string;
  /** ISO time the build started. */
  started: string;
  /** The command line it runs. */
  command: string;
}

/** Thrown when another build holds the output's lock. */
export class BuildLockedError extends Error {
  constructor(lock: string, holder: Holder | null, what: string) {
    const who = holder ? `build ${holder.pid} on ${holder.host}, started ${holder.started} (${holder.command})` : 'another build';
    super(`${lock}: ${who} is ${what}; wait for it to finish and build again. If no build is running, delete ${lock}.`);
    this.name = 'BuildLockedError';
  }
}

function readHolder(lock: string): Holder | null {
  try {
    return JSON.parse(readFileSync(lock, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

/**
 * Creates `lock` already holding `text`, or throws EEXIST when it exists. The
 * text is written to a draft of this process's own and linked into place, so
 * a build that finds the lock always reads who holds it: opening with 'wx'
 * and then writing left a moment when the lock was there but empty.
 */
function createLock(lock: string, text: string): void {
  const draft = `${lock}.draft-${process.pid}`;
  writeFileSync(draft, text);
  try {
    linkSync(draft, lock);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A filesystem without hard links: 'wx' still lets exactly one of two builds create it.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') writeFileSync(lock, text, { flag: 'wx' });
    else throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Whether a process of this machine is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock `<path>.lock`, or throws BuildLockedError naming the build
 * that holds it.
 * @param what what the holder is doing, for the message: "writing this output"
 * @returns a function that releases it (only this build's lock)
 */
export function acquireBuildLock(path: string, what = 'writing this output'): () => void {
  const lock = `${path}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      // Fails when the lock exists: of two builds, exactly one creates it.
      createLock(lock, `${JSON.stringify(me)}\n`);
      const release = (): void => {
        if (readHolder(lock)?.pid === me.pid) rmSync(lock, { force: true });
      };
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lock);
    if (!holder || holder.host !== me.host || alive(holder.pid) || attempt > 0) throw new BuildLockedError(lock, holder, what);
    // A killed build's lock: set it aside under a name of this build's own, then make sure it was that one.
    const aside = `${lock}.stale-${me.pid}`;
    try {
      renameSync(lock, aside);
    } catch {
      throw new BuildLockedError(lock, readHolder(lock), what);
    }
    const taken = readHolder(aside);
    if (taken?.pid !== holder.pid) {
      // Another build took the lock between the reads: give its lock back and give way.
      renameSync(aside, lock);
      throw new BuildLockedError(lock, taken, what);
    }
    rmSync(aside, { force: true });
    console.warn(`${lock}: build ${holder.pid} (started ${holder.started}) is gone; its lock is taken over.`);
  }
  throw new BuildLockedError(lock, readHolder(lock), what);
}

/**
 * Takes the lock `<path>.lock` once no other build holds it, waiting for it
 * (a short step, such as Astro's content sync, that builds side by side
 * take in turn); throws BuildLockedError when it is still held after
 * `patience` milliseconds.
 * @returns a function that releases it
 */
export async function waitForBuildLock(path: string, what: string, patience = 15 * 60_000): Promise<() => void> {
  const until = Date.now() + patience;
  for (;;) {
    try {
      return acquireBuildLock(path, what);
    } catch (error) {
      if (!(error instanceof BuildLockedError) || Date.now() > until) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
