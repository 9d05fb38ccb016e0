import { readFileSync } from 'node:fs';
import { sha256 } from '../archive/page-summaries.ts';
import { buildRun } from './build-run.ts';

/**
 * Astro bundles the content store for the pages as one module,
 * `export default JSON.parse("<the whole store>")`: the bundler parses and
 * writes the store as code, and V8 compiles it as one string literal. Both
 * grow with the archive, and V8 reads a literal into a buffer that grows by
 * a bounded step once it is large, so compiling one literal takes time that
 * grows with the square of the store.
 *
 * This Vite plugin gives that module other code that parses to the same data:
 * - in a build, code that reads the store from the file Astro wrote it to
 *   (the build's run names it), checked against the digest of the store
 *   bundled, so that the bundle holds a path, not the store;
 * - elsewhere (astro dev), or when that file does not hold the store, the
 *   same store as many short literals joined when the module runs, which
 *   compiles in time linear in its length.
 */

/** The id Vite gives the module that holds the content store (Astro's `astro:data-layer-content`, resolved). */
const STORE_MODULE = '\0astro:data-layer-content';

/** The module's code as Astro writes it: everything between these is one JSON string literal. */
const STORE_CODE = { head: 'export default JSON.parse(', tail: ')' } as const;

/** Characters per literal: well below the size from which V8's buffer stops doubling. */
const PIECE_CHARS = 1 << 18;

/** The store's text from Astro's module code, or null when the code is not the one literal this expects (a small store, another Astro). */
function storeText(code: string): string | null {
  if (!code.startsWith(STORE_CODE.head) || !code.endsWith(STORE_CODE.tail)) return null;
  const literal = code.slice(STORE_CODE.head.length, -STORE_CODE.tail.length);
  if (!literal.startsWith('"')) return null;
  try {
    const text: unknown = JSON.parse(literal);
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/**
 * The store module's code with its one literal cut into pieces joined at
 * run time, or null when the code is not the one literal this expects (a
 * small store, another Astro), which is then left as it is.
 * @example splitStoreCode('export default JSON.parse("[1]")') // 'export default JSON.parse(["[1]"].join(""))'
 */
export function splitStoreCode(code: string, pieceChars: number = PIECE_CHARS): string | null {
  const text = storeText(code);
  return text === null ? null : piecesCode(text, pieceChars);
}

/** The module's code giving the store `text` as pieces of `pieceChars` characters joined at run time. */
function piecesCode(text: string, pieceChars: number): string {
  const pieces: string[] = [];
  // A piece may end inside a surrogate pair: JSON writes each half escaped, and the join rejoins them before the parse.
  for (let at = 0; at < text.length; at += pieceChars) pieces.push(JSON.stringify(text.slice(at, at + pieceChars)));
  return `${STORE_CODE.head}[${pieces.join(',\n')}].join("")${STORE_CODE.tail}`;
}

/**
 * The store module's code that reads the store from `file`, or null when
 * the code is not the one literal this expects or `file` does not hold its
 * text now. The module refuses a file whose text has changed since, naming
 * it: the pages then fail, never render from another store.
 * @example storeFromFileCode('export default JSON.parse("[1]")', '/site.cache/astro/data-store.json') // 'import { readFileSync } …'
 */
export function storeFromFileCode(code: string, file: string): string | null {
  const text = storeText(code);
  return text === null ? null : fileCode(text, file);
}

/** The module's code reading the store `text` from `file`, or null when `file` does not hold that text now. */
function fileCode(text: string, file: string): string | null {
  let held: string;
  try {
    held = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  if (held !== text) return null;
  return [
    "import { createHash } from 'node:crypto';",
    "import { readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    "const text = readFileSync(file, 'utf8');",
    `if (createHash('sha256').update(text).digest('hex') !== ${JSON.stringify(sha256(text))})`,
    '  throw new Error(`The content store ${file} changed after this build bundled it: build again.`);',
    'export default JSON.parse(text);',
  ].join('\n');
}

/** The Vite plugin that gives Astro's content store module its code: read from the store's file in a build, else in pieces. */
export function contentStoreModule(storeFile: () => string | null = () => buildRun()?.storeFile ?? null) {
  return {
    name: 'nantong-newspaper-archive-store-module',
    transform: {
      filter: { id: new RegExp(`^${STORE_MODULE}$`, 'u') },
      handler(code: string, id: string) {
        if (id !== STORE_MODULE) return null;
        const text = storeText(code);
        if (text === null) return null;
        const file = storeFile();
        // The store's text is parsed out of the code once, whichever code is given.
        const rewritten = (file === null ? null : fileCode(text, file)) ?? piecesCode(text, PIECE_CHARS);
        return { code: rewritten, map: { mappings: '' } };
      },
    },
  };
}
