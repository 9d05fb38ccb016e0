/**
 * Pagefind 1.6 indexes every meta value as searchable words, so the printed
 * text a record carries for the browser's check would be indexed a second
 * time, as long unsegmented runs: dead weight in every index chunk. Moving
 * each UTF-16 code unit into Supplementary Private Use Area-A keeps the text
 * whole (and as compressible: repeats stay repeats) while giving Pagefind no
 * letters or digits to index.
 */

/** Start of Supplementary Private Use Area-A; it holds 65,534 code points. */
const BASE = 0xf0000;

/**
 * Hides text from Pagefind's word indexing.
 * @example revealText(hideText('长江口 705.5')) // '长江口 705.5'
 */
export function hideText(text: string): string {
  let hidden = '';
  for (let index = 0; index < text.length; index += 1) hidden += String.fromCodePoint(BASE + text.charCodeAt(index));
  return hidden;
}

/**
 * Restores text hidden by hideText.
 * @example revealText(hideText('𠀀')) // '𠀀'
 */
export function revealText(hidden: string): string {
  let text = '';
  for (const char of hidden) text += String.fromCharCode((char.codePointAt(0) ?? BASE) - BASE);
  return text;
}
