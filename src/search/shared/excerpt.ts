/**
 * Cuts an excerpt around the first hit of a block and says which parts are
 * marks; the page turns the parts into text and <mark> elements.
 */
import type { Hit } from './match.ts';

/** A run of excerpt text, marked or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Characters shown before the first hit. */
const BEFORE = 24;
/** Characters shown in all. */
const LENGTH = 110;

/**
 * Parts of `text` with `hits` (one block's, non-overlapping) marked; with
 * `window` the text is cut around the first hit and ellipses added.
 * @example markParts('潮起长江口', [{ block: 0, start: 2, end: 5, term: 0 }], false)
 * // [{ text: '潮起', mark: false }, { text: '长江口', mark: true }]
 */
export function markParts(text: string, hits: Hit[], window: boolean): ExcerptPart[] {
  let from = 0;
  let to = text.length;
  if (window && text.length > LENGTH) {
    from = Math.max(0, Math.min((hits[0]?.start ?? 0) - BEFORE, text.length - LENGTH));
    to = from + LENGTH;
  }
  const parts: ExcerptPart[] = [];
  const plain = (start: number, end: number): void => {
    if (end > start) parts.push({ text: text.slice(start, end), mark: false });
  };
  let at = from;
  for (const hit of hits) {
    if (hit.start < at || hit.end > to) continue;
    plain(at, hit.start);
    parts.push({ text: text.slice(hit.start, hit.end), mark: true });
    at = hit.end;
  }
  plain(at, to);
  if (from > 0) parts.unshift({ text: '…', mark: false });
  if (to < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
