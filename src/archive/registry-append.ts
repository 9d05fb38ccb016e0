import { parseRegistry } from './permalink-registry.ts';

/**
 * What appending a build's new lines to the registry makes of it, decided on
 * the registry as it is when the build holds its lock (src/build/registry-file.ts),
 * not as it was when the build read it: another build of the same content,
 * into another folder, may have registered the same links meanwhile. Pure.
 */

/** The registry with the new lines in it, and the lines that were not there yet. */
export interface Appended {
  text: string;
  added: string[];
}

/** Thrown when the registry changed under a build in a way its new lines cannot follow. */
export class RegistryChangedError extends Error {
  constructor(path: string, why: string) {
    super(`${path} changed while this build ran: ${why}. Nothing was registered or published; build again.`);
    this.name = 'RegistryChangedError';
  }
}

/**
 * Appends `lines` (whole registry lines, each ending in a line break) to the
 * registry `current`, which must still begin with `read`, the text the build
 * planned from. A line whose link the registry already gives the same page
 * and line is left out (another build registered it); a link given to
 * another item, or an item given another link, is a conflict.
 * @example appendLines('p.tsv', '', '', '/a/2024-01-24/x/\ta.txt\t3\n').added // ['/a/2024-01-24/x/\ta.txt\t3']
 */
export function appendLines(path: string, current: string, read: string, lines: string): Appended {
  if (!current.startsWith(read)) throw new RegistryChangedError(path, 'it no longer begins with the lines the build read');
  if (current !== '' && !current.endsWith('\n')) throw new RegistryChangedError(path, 'its last line has no line break');
  const registry = parseRegistry(path, current);
  const byUrl = new Map(registry.entries.map((e) => [e.url, e]));
  const byLine = new Map(registry.entries.map((e) => [`${e.file}:${e.line}`, e]));
  const taken = new Set([...registry.moved, ...registry.retired].map((e) => e.url));
  const added: string[] = [];
  for (const line of lines.split('\n').filter((l) => l !== '')) {
    const [url = '', file = '', at = ''] = line.split('\t');
    const same = byUrl.get(url);
    if (same && same.file === file && String(same.line) === at) continue;
    const other = same ?? byLine.get(`${file}:${at}`);
    if (other || taken.has(url))
      throw new RegistryChangedError(path, `line ${other?.at ?? '?'} gives ${url} or ${file} line ${at} otherwise than this build did`);
    added.push(line);
  }
  return { text: `${current}${added.map((l) => `${l}\n`).join('')}`, added };
}
