/**
 * Astro bundles the content store for the pages as one module,
 * `export default JSON.parse("<the whole store>")`. V8 reads a string
 * literal into a buffer that grows by a bounded step once it is large, so
 * the time to compile that one literal grows with the square of the store:
 * with every story's record in it, at the archive's sizes, compiling it
 * would outgrow all the rest of the build. This Vite plugin writes the same
 * store as many short literals joined when the module runs, which compiles
 * in time linear in its length and parses to the same data.
 */

/** The id Vite gives the module that holds the content store (Astro's `astro:data-layer-content`, resolved). */
const STORE_MODULE = '\0astro:data-layer-content';

/** The module's code as Astro writes it: everything between these is one JSON string literal. */
const STORE_CODE = { head: 'export default JSON.parse(', tail: ')' } as const;

/** Characters per literal: well below the size from which V8's buffer stops doubling. */
const PIECE_CHARS = 1 << 18;

/**
 * The store module's code with its one literal cut into pieces joined at
 * run time, or null when the code is not the one literal this expects (a
 * small store, another Astro), which is then left as it is.
 * @example splitStoreCode('export default JSON.parse("[1]")') // 'export default JSON.parse(["[1]"].join(""))'
 */
export function splitStoreCode(code: string, pieceChars: number = PIECE_CHARS): string | null {
  if (!code.startsWith(STORE_CODE.head) || !code.endsWith(STORE_CODE.tail)) return null;
  const literal = code.slice(STORE_CODE.head.length, -STORE_CODE.tail.length);
  if (!literal.startsWith('"')) return null;
  let text: unknown;
  try {
    text = JSON.parse(literal);
  } catch {
    return null;
  }
  if (typeof text !== 'string') return null;
  const pieces: string[] = [];
  // A piece may end inside a surrogate pair: JSON writes each half escaped, and the join rejoins them before the parse.
  for (let at = 0; at < text.length; at += pieceChars) pieces.push(JSON.stringify(text.slice(at, at + pieceChars)));
  return `${STORE_CODE.head}[${pieces.join(',\n')}].join("")${STORE_CODE.tail}`;
}

/** The Vite plugin that gives Astro's content store module its code in pieces (see splitStoreCode). */
export function storeModuleInPieces() {
  return {
    name: 'nantong-newspaper-archive-store-module',
    transform: {
      filter: { id: new RegExp(`^${STORE_MODULE}$`, 'u') },
      handler(code: string, id: string) {
        if (id !== STORE_MODULE) return null;
        const split = splitStoreCode(code);
        return split === null ? null : { code: split, map: { mappings: '' } };
      },
    },
  };
}
