import { matchJumpTo } from '../conventions/jumps.ts';
import { endsMidList, endsParagraph, startsWithEnumerator } from '../conventions/punctuation.ts';
import { findHeadingGroup } from '../heading-group.ts';
import { isYearLine, lineByline, lineCredit, lineEndnote, opensStory, type PageLine } from '../page-lines.ts';
import { isVerseLine, opensCaption, quote } from '../reading-signals.ts';
import { opensBulletBrief } from '../brief-runs.ts';
import { acceptsHeading } from './headings.ts';
import { splitEnding } from './line-ends.ts';
import type { ReaderState } from './state.ts';

/**
 * Column breaks: a block that does not end its paragraph was cut where a
 * column ended and goes on in the next block, unless what comes next plainly
 * starts something else. Every doubtful decision is noted on the item.
 */

/** Whether the block at `i` goes on from the open paragraph (a column break) or starts anew. */
export function joinsPrevious(state: ReaderState, i: number): boolean {
  const l = state.lines[i] as PageLine;
  const stated = state.fix.break(l.line);
  if (stated === 'none') return true;
  if (stated) return false;
  const role = state.fix.role(l.line);
  if (role && role !== 'paragraph' && role !== 'caption') return false;
  if (lineByline(l) || lineCredit(l) || lineEndnote(l) || opensStory(l) || isYearLine(l) || matchJumpTo(l.norm)?.marker === l.norm)
    return false;
  const item = state.current;
  const prevLine = state.lines[i - 1];
  const at = prevLine?.line ?? l.line;
  const fix = { line: l.line, text: quote(l.text, 16) };
  const group = findHeadingGroup(state.lines, i, state.fix);
  const heads =
    group &&
    acceptsHeading(state, group, false) &&
    group.opener !== 'none' &&
    (group.opener !== 'text' || group.display.length >= 2) &&
    (group.display.length > 0 || group.column.length > 0);
  if (group && heads) {
    item?.note({
      line: at,
      message: `line ${at} ends mid-sentence, but line ${l.line} heads a new item (its next line opens with ${group.opener}); read as a new item`,
      fix: { ...fix, break: 'none' },
    });
    return false;
  }
  if (opensBulletBrief(state.lines, i)) {
    item?.note({
      line: at,
      message: `line ${at} ends without a stop, but line ${l.line} opens with the bullet of a run of briefs; read as a new brief`,
      fix: { ...fix, break: 'none' },
    });
    return false;
  }
  if (opensCaption(l.text)) {
    item?.note({
      line: at,
      message: `line ${at} ends without a stop, but line ${l.line} opens a caption (图为…); read as a new paragraph`,
      fix: { ...fix, break: 'none' },
    });
    return false;
  }
  if (startsWithEnumerator(l.norm)) {
    item?.note({
      line: at,
      message: `line ${at} ends without a stop, but line ${l.line} opens a list item; read as a new paragraph`,
      fix: { ...fix, break: 'none' },
    });
    return false;
  }
  if (prevLine && isVerseLine(prevLine) && isVerseLine(l)) {
    // One note per run of verse lines, at its first break.
    const before = state.lines[i - 2];
    if (before && isVerseLine(before) && item?.lastParagraph()?.lines[0] === prevLine.line) return false;
    item?.note({
      line: at,
      message: `lines ${at} and ${l.line} are short unpunctuated lines (verse or a list); read as separate lines`,
      fix: { ...fix, break: 'none' },
    });
    return false;
  }
  if (item?.lastParagraph() && /[”’」』）》\dA-Za-z；]$/u.test(prevLine?.norm ?? '')) {
    item.note({
      line: l.line,
      message: `line ${at} ends without a stop; read as a column break and joined with line ${l.line}`,
      fix: { ...fix, break: 'paragraph' },
    });
  }
  return true;
}

/** Appends a block to the open paragraph and reads what its end holds. */
export function continueParagraph(state: ReaderState, l: PageLine): void {
  state.current?.continueParagraph(l.text, l.line);
  state.open = !endsParagraph(l.norm) || endsMidList(l.norm);
  state.followLeadIn(l);
  state.last = 'other';
  splitEnding(state, l);
}
