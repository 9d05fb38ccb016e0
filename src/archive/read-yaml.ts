import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
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
 * Parses YAML text and validates it with a zod schema. Every syntax error
 * and every schema issue becomes a problem naming the file and the line.
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
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue): ArchiveProblem => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      return {
        file,
        line: lineOfKey(doc, counter, issue.path, key),
        message: `${where}unknown field "${issue.keys.join('", "')}"; check the spelling against README`,
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
