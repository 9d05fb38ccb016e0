/**
 * The names a file or folder under content/pages may have: ASCII letters,
 * digits, hyphens, underscores and dots, beginning with a letter or a digit.
 * A page's file name is the key of its links in permalinks.tsv (a tab or a
 * newline would split the line) and the last part of its raw-page link (a #
 * would end the path there, a ? begin a query, a % be read as an escape, and
 * a space or a Chinese character be encoded differently by different tools).
 * Real exports are named so: 004_ca8fbf74e0fa523e.txt, slrb-20200404-03.txt.
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/u;
const SAFE_CHAR = /^[A-Za-z0-9._-]$/u;

/** The characters a report cannot print as themselves: controls, line and paragraph separators. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029]/u;

/**
 * A character as a report shows it: quoted when it prints, else by its code point.
 * @example shownChar('#') // '"#"'
 * @example shownChar('\n') // 'U+000A'
 */
function shownChar(c: string): string {
  return UNPRINTABLE.test(c) ? `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : `"${c}"`;
}

/**
 * What is wrong with the name of a file or folder under content/pages, or
 * null when it is one of the names allowed (see SAFE_NAME).
 * @example unsafeName('004_ca8fbf74e0fa523e.txt') // null
 * @example unsafeName('900#2.txt') // 'the name holds "#": a name may hold only ASCII letters, …'
 * (the caller says what to rename)
 */
export function unsafeName(name: string): string | null {
  if (SAFE_NAME.test(name)) return null;
  const bad = [...name].find((c) => !SAFE_CHAR.test(c));
  const what = bad === undefined ? 'does not begin with a letter or a digit' : `holds ${shownChar(bad)}`;
  return `the name ${what}: a name may hold only ASCII letters, digits, hyphens (-), underscores (_) and dots (.), and begin with a letter or a digit`;
}

/**
 * A path as a report line shows it: every character that cannot be printed
 * as \n, \t or \u…, so that one problem stays one line of `file:line: message`.
 * @example printablePath('content/pages/a\nb.txt') // 'content/pages/a\\nb.txt'
 */
export function printablePath(path: string): string {
  return path.replace(new RegExp(UNPRINTABLE.source, 'gu'), (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
