import { isMap, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { forbiddenCharacter } from './decode-page-text.ts';
import type { ArchiveProblem } from './problems.ts';

/** 1-based line of the YAML node at `path`, or of the nearest parent that exists. */
function lineOfPath(doc: Document, counter: LineCounter, path: PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/** 1-based line of a key inside the map at `path` (for unknown keys). */
function lineOfKey(doc: Document, counter: LineCounter, path: PropertyKey[], key: string): number {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as (string | number)[], true);
  if (isMap(map)) {
    const pair = map.items.find((p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === key);
    const range = isNode(pair?.key) ? pair.key.range : undefined;
    if (range) return counter.linePos(range[0]).line;
  }
  return lineOfPath(doc, counter, path);
}

/**
 * Every key and value that holds a character no text may hold (see
 * decode-page-text.ts), by the line it begins on. The file's own characters
 * are checked as it is decoded; this finds what a YAML escape writes
 * ("\x07", "\u0085", "\uFFFF"), which would reach the site's XML as the
 * character itself.
 */
function forbiddenScalars(file: string, doc: Document, counter: LineCounter): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  visit(doc, {
    Scalar(_key, node) {
      const found = typeof node.value === 'string' ? forbiddenCharacter(node.value, 'field') : null;
      if (found) problems.push({ file, line: counter.linePos(node.range?.[0] ?? 0).line, message: found.message });
    },
  });
  return problems;
}

/**
 * How far aliases (*name) may expand a file: yaml's own measure, past which
 * it stops expanding. A few aliases of a small value are fine; nine levels of
 * nine (the "billion laughs") would expand into 387 million values.
 */
const MAX_ALIAS_COUNT = 100;

/** 1-based line of the first alias in a document, or 1 when it holds none. */
function firstAliasLine(doc: Document, counter: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias(_key, node) {
      line = counter.linePos(node.range?.[0] ?? 0).line;
      return visit.BREAK;
    },
  });
  return line;
}

/**
 * Parses YAML text and validates it with a zod schema. Every syntax error
 * and every schema issue becomes a problem naming the file and the line, as
 * does a value holding a character no text may hold, and aliases that would
 * expand past MAX_ALIAS_COUNT.
 * @example readYaml('a.yml', 'paper: jhwb', schema) // { data } or { problems }
 */
export function readYaml<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): { data: z.output<S>; problems: [] } | { data: null; problems: ArchiveProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      data: null,
      problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? 1, message: `not valid YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const forbidden = forbiddenScalars(file, doc, counter);
  if (forbidden.length > 0) return { data: null, problems: forbidden };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      data: null,
      problems: [
        {
          file,
          line: firstAliasLine(doc, counter),
          message: `aliases (*name) expand this file too far, as a "billion laughs" does (yaml: ${why}); write the values out instead of aliasing them`,
        },
      ],
    };
  }
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue): ArchiveProblem => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      return {
        file,
        line: lineOfKey(doc, counter, issue.path, key),
        message: `${where}unknown field "${issue.keys.join('", "')}"; check the spelling against docs/archivists.md`,
      };
    }
    return { file, line: lineOfPath(doc, counter, issue.path), message: `${where}${issue.message}` };
  });
  return { data: null, problems };
}

/**
 * The 1-based line of a value in YAML text, by its path (for problems found
 * after the schema, such as a correction that no longer fits its page).
 * @example yamlLine('corrections:\n  - line: 57\n', ['corrections', 0]) // 2
 */
export function yamlLine(text: string, path: (string | number)[]): number {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  return lineOfPath(doc, counter, path);
}
