import type { SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MANIFEST_FILE } from '../../src/archive/link-manifest.ts';
import { printed } from './build-command.ts';

/**
 * What a test does about the published site's witness (docs/archivists.md, "Permanent links")
 * when it edits a registered raw page between builds.
 */

/**
 * Seals a story's lines again after its raw page was edited, as an archivist
 * does when the new text is right: the build refuses, naming the registry
 * line to append, and the line is appended.
 * @returns the lines appended
 */
export function sealAgain(refused: SpawnSyncReturns<string>, registry: string): string[] {
  expect(refused.status, printed(refused)).not.toBe(0);
  const offered = [...printed(refused).matchAll(/hold now \("([^"]+)"\)/gu)].map((m) => (m[1] ?? '').replaceAll('<TAB>', '\t'));
  expect(offered.length, printed(refused)).toBeGreaterThan(0);
  appendFileSync(registry, offered.map((line) => `${line}\n`).join(''));
  return offered;
}

/**
 * Releases an output that was never deployed from its witness, as docs/archivists.md
 * says an archivist may: both copies of its manifest go. A test whose
 * output goes back and forth between two archives (one with links the other
 * has not) does so before each build.
 */
export function releaseWitness(out: string): void {
  rmSync(join(out, MANIFEST_FILE), { force: true });
  rmSync(join(`${out}.cache`, MANIFEST_FILE), { force: true });
}
