import { isAbsolute, relative } from 'node:path';
import { printablePath } from './file-names.ts';

/** One thing wrong with the archive's input, located so an archivist can fix it. */
export interface ArchiveProblem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line the problem applies to. */
  line: number;
  /** What is wrong and what to do about it. */
  message: string;
}

/**
 * Formats a problem the way compilers do, so editors can jump to it. A file
 * name holding a newline or a tab is shown escaped, so one problem stays one line.
 * @example formatProblem({ file: 'content/pages/a.yml', line: 2, message: 'unknown paper "xx"' })
 * // 'content/pages/a.yml:2: unknown paper "xx"'
 */
export function formatProblem(p: ArchiveProblem): string {
  return `${printablePath(p.file)}:${p.line}: ${p.message}`;
}

/** Thrown when the archive's input has problems; its message lists every one. */
export class ArchiveInputError extends Error {
  /** Every problem found, in file order. */
  readonly problems: ArchiveProblem[];

  constructor(problems: ArchiveProblem[]) {
    const n = problems.length;
    super(`The archive's input has ${n} problem${n === 1 ? '' : 's'}; nothing was published:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ArchiveInputError';
    this.problems = problems;
  }
}

/**
 * A path as problems and messages name it: relative to the project when
 * inside it, absolute otherwise (a content folder elsewhere).
 * @example projectPath('/work/main/content/papers.yml', '/work/main') // 'content/papers.yml'
 */
export function projectPath(path: string, root: string = process.cwd()): string {
  const inside = relative(root, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/** Sorts problems by file, then line, so reports read top to bottom. */
export function sortProblems(problems: ArchiveProblem[]): ArchiveProblem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
