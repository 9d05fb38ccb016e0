import {
  charCount,
  creditNames,
  bylineNames,
  hasClausePunctuation,
  hasSentencePunctuation,
  isTerminated,
  isYearLine,
  matchDateline,
  matchJumpFrom,
} from './classify-line.ts';
import type { DisplayLine } from './classify-headings.ts';

/** A non-blank source line, trimmed, with its 1-based line number. */
export interface Unit {
  text: string;
  line: number;
}

/** A heading group found at some position: display lines, column label, where the body starts. */
export interface HeadingGroup {
  display: DisplayLine[];
  /** Column label lines (直通省两会 and its year line), empty when none. */
  column: DisplayLine[];
  /** Index of the first unit after the group. */
  next: number;
}

/** Longest display line we accept; the longest in the seed pages has 40 characters. */
export const MAX_DISPLAY_CHARS = 64;
const MAX_DISPLAY_LINES = 4;

/** True for a short, unpunctuated-at-end line that is none of the marked kinds. */
export function isDisplayCandidate(text: string): boolean {
  return (
    charCount(text) <= MAX_DISPLAY_CHARS &&
    !isTerminated(text) &&
    !hasSentencePunctuation(text) &&
    !isYearLine(text) &&
    matchDateline(text) === null &&
    matchJumpFrom(text) === null &&
    bylineNames(text) === null &&
    creditNames(text) === null
  );
}

/** True for a block that reads as running text rather than a display line. */
function isParagraphLike(text: string): boolean {
  if (bylineNames(text) !== null || creditNames(text) !== null) return false;
  return isTerminated(text) || charCount(text) > MAX_DISPLAY_CHARS || hasClausePunctuation(text);
}

/**
 * Looks for a heading group (display lines and an optional column label)
 * starting at `start`, and returns it only when a story body follows it.
 *
 * A body follows when the next block opens with a dateline or a 上接 marker,
 * when a column label was found, when a paragraph and then a photo credit
 * follow (a headed photo), or, where a new item is expected anyway (page
 * start, after a byline), when running text follows.
 */
export function findHeadingGroup(units: Unit[], start: number, expectHeading: boolean): HeadingGroup | null {
  const display: DisplayLine[] = [];
  const column: DisplayLine[] = [];
  let i = start;
  while (i < units.length && display.length <= MAX_DISPLAY_LINES) {
    const u = units[i];
    if (!u) break;
    if (isYearLine(u.text) && column.length === 0 && display.length > 0) {
      // The line before a year line is a column label, not a display line.
      const label = display.pop();
      if (label) column.push(label, { text: u.text, line: u.line });
      i += 1;
      continue;
    }
    if (!isDisplayCandidate(u.text)) break;
    display.push({ text: u.text, line: u.line });
    i += 1;
  }
  if (display.length === 0 || display.length > MAX_DISPLAY_LINES) return null;
  const body = units[i];
  if (!body) return null;
  const after = units[i + 1];
  const opensBody =
    matchDateline(body.text) !== null ||
    matchJumpFrom(body.text) !== null ||
    column.length > 0 ||
    (isParagraphLike(body.text) && after !== undefined && creditNames(after.text) !== null) ||
    (expectHeading && isParagraphLike(body.text));
  return opensBody ? { display, column, next: i } : null;
}
