import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { REGISTRY_HEADER } from '../archive/permalink-registry.ts';
import { CONTENT_LAYOUT } from '../archive/read-archive.ts';
import { appendLines, type Appended } from '../archive/registry-append.ts';
import { acquireBuildLock, BuildLockedError } from './build-lock.ts';

/**
 * Writes a content folder's permalink registry (permalinks.tsv): under a
 * lock of its own (`permalinks.tsv.lock` beside it), whatever output folder
 * the build writes, so two builds of one content folder never both append;
 * and whole, by a temporary file that is flushed to disk and renamed over
 * the registry, so a killed build or a full disk never leaves a line half
 * written. Existing lines are never rewritten.
 */

/** Thrown when the registry cannot be written: the links it would have frozen must not be published. */
export class RegistryWriteError extends Error {
  constructor(path: string, cause: unknown) {
    super(
      `Could not write ${path} (${(cause as Error).message}), so the links this build would publish for the first time ` +
        'cannot be registered, and nothing is published. Make the registry and its folder writable (chmod, or chattr -i) and build again.',
    );
    this.name = 'RegistryWriteError';
  }
}

/** How long a build waits for another to finish registering (it takes milliseconds). */
const WAIT_MS = 60_000;

/** Runs `work` holding the registry's lock, waiting while another build holds it. */
function withRegistryLock<T>(path: string, work: () => T): T {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    let release: () => void;
    try {
      release = acquireBuildLock(path, 'registering links in it');
    } catch (error) {
      if (!(error instanceof BuildLockedError)) throw new RegistryWriteError(`${path}.lock`, error);
      if (Date.now() > until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    try {
      return work();
    } finally {
      release();
    }
  }
}

/** Writes the registry whole (see writeFileWhole), or throws RegistryWriteError saying why not. */
function writeRegistry(path: string, text: string): void {
  try {
    writeFileWhole(path, text);
  } catch (error) {
    throw new RegistryWriteError(path, error);
  }
}

/** Writes `text` over `path` whole: a temporary file beside it, flushed, then renamed (through a link, to the file it names). */
export function writeFileWhole(path: string, text: string): void {
  const real = existsSync(path) ? realpathSync(path) : path;
  const temporary = join(dirname(real), `.${basename(real)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w', existsSync(real) ? statSync(real).mode & 0o777 : 0o644);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, real);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  // The rename is in the folder: flush it too, where the system lets a folder be opened.
  try {
    const folder = openSync(dirname(real), 'r');
    fsyncSync(folder);
    closeSync(folder);
  } catch {
    // Not every system flushes a folder; the file itself is on disk.
  }
}

/** The registry's path in a content folder. */
export const registryPath = (contentDir: string): string => join(contentDir, CONTENT_LAYOUT.registry);

/**
 * Registers a build's new links (whole registry lines) in a content folder's
 * registry, under its lock; see registry-append.ts for what is appended.
 * @param read the registry's text as the build read it ('' when there was none)
 * @returns the registry's path, and its text with the lines appended
 */
export function registerLinks(contentDir: string, lines: string, read: string): Appended & { path: string } {
  const path = registryPath(contentDir);
  return withRegistryLock(path, () => {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const appended = appendLines(path, current === '' ? REGISTRY_HEADER : current, read === '' ? REGISTRY_HEADER : read, lines);
    if (appended.added.length > 0) writeRegistry(path, appended.text);
    return { ...appended, path };
  });
}

/**
 * Rewrites the registry under its lock with `change` of its text (restoring
 * lines from a manifest, say); nothing is written when it returns the same.
 * @returns the registry's path and what `change` gave
 */
export function rewriteRegistry<T extends { text: string }>(contentDir: string, change: (current: string) => T): T & { path: string } {
  const path = registryPath(contentDir);
  return withRegistryLock(path, () => {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const result = change(current);
    if (result.text !== current) writeRegistry(path, result.text);
    return { ...result, path };
  });
}
