import {
  bylineOf,
  endsWithReport,
  namesOf,
  namesOnly,
  reportStart,
  signedInParens,
  signedInParensStart,
  type Names,
} from '../conventions/bylines.ts';
import { asCredit, creditOf, creditStart } from '../conventions/credits.ts';
import { endnoteStart } from '../conventions/endnotes.ts';
import { matchJumpTo } from '../conventions/jumps.ts';
import { matchingForm } from '../conventions/width.ts';
import { hasSignedRun } from '../brief-runs.ts';
import type { PageLine } from '../page-lines.ts';
import { bylineSuffixStart } from '../reading-signals.ts';
import { readCredit } from './photos.ts';
import type { ReaderState } from './state.ts';

/**
 * What the end of a paragraph's last line holds besides the text: a 下转
 * marker, a note (（完）), a photo credit, or a byline printed after the last
 * sentence. Each is cut from the paragraph into a piece of its own.
 */

/** The names in a credit an archivist stated that no credit form reads (半岛记者 何毅 报道). */
export function namesIn(credit: string): Names {
  return asCredit(bylineOf(credit) ?? namesOf());
}

/** Cuts what the end of a paragraph's last line holds into pieces of their own. */
export function splitEnding(state: ReaderState, l: PageLine): void {
  const item = state.current;
  const paragraph = item?.lastParagraph();
  if (!item || !paragraph) return;
  const cut = (start: number): string => {
    const suffix = l.text.slice(start).trim();
    paragraph.text = paragraph.text.slice(0, paragraph.text.length - (l.text.length - start)).trimEnd();
    if (paragraph.text === '') item.remove(paragraph);
    return suffix;
  };
  const jumpTo = matchJumpTo(l.norm);
  if (jumpTo) {
    item.add('jumpTo', cut(l.norm.length - jumpTo.marker.length), l.line);
    state.close();
    state.last = 'other';
    return;
  }
  const note = endnoteStart(l.norm);
  if (note !== null && note > 0) {
    item.add('endnote', cut(note), l.line);
    state.close();
    state.last = 'endnote';
    return;
  }
  const quoted = state.fix.role(l.line) === 'credit' ? state.fix.quoted(l.line) : undefined;
  const stated = quoted !== undefined && l.text.endsWith(quoted) ? l.text.length - quoted.length : null;
  const credit = stated ?? creditStart(l.norm);
  if (credit !== null && credit > 0) {
    const text = cut(credit);
    state.open = false;
    readCredit(state, text, l.line, creditOf(matchingForm(text)) ?? namesIn(matchingForm(text)), paragraph.text === '' ? null : paragraph);
    return;
  }
  // Names with no role word in parentheses sign a text only where it ends: a brief's last line, or any line of a run of signed briefs.
  const briefEnds = state.endsAfter(l) || hasSignedRun(state.lines);
  const byline = bylineSuffixStart(l.norm);
  const signed = byline === null && briefEnds ? signedInParensStart(l.norm) : null;
  if (signed !== null) {
    const text = cut(signed);
    item.add('byline', text, l.line, namesOf(signedInParens(matchingForm(text)) ?? []));
    state.close();
    state.last = 'byline';
    return;
  }
  // A reporter's 报道 after a caption of a photo group names its photographers, run on after its last
  // sentence (…警戒线。半岛记者 何毅 报道) or after a wide space, as in readLine.
  const reported =
    item.photoGroup && endsWithReport(l.norm) ? (reportStart(l.norm) ?? (byline !== null && byline > 0 ? byline : null)) : null;
  if (reported !== null) {
    const text = cut(reported);
    state.open = false;
    readCredit(
      state,
      text,
      l.line,
      asCredit(bylineOf(matchingForm(text)) ?? namesOnly(matchingForm(text)) ?? namesOf()),
      paragraph.text === '' ? null : paragraph,
    );
    return;
  }
  if (byline !== null && byline > 0) {
    const text = cut(byline);
    // A bare name after a wide space is a byline by where it stands (bylineSuffixStart).
    item.add('byline', text, l.line, bylineOf(matchingForm(text)) ?? namesOnly(matchingForm(text)));
    state.close();
    state.last = 'byline';
  }
}
