import type { Names } from '../conventions/bylines.ts';
import { isGroupCredit } from '../conventions/credits.ts';
import { charCount } from '../conventions/punctuation.ts';
import { matchingForm } from '../conventions/width.ts';
import type { ItemDraft } from '../item-draft.ts';
import { afterWideGap } from '../page-lines.ts';
import { isCaptionLike, opensWithWhen, quote } from '../reading-signals.ts';
import type { Piece } from '../types.ts';
import type { ReaderState } from './state.ts';

/**
 * Photo credits as the page reader meets them: a credit makes the caption
 * before it a photo item, makes the whole item pictures (a group credit,
 * numbered or marked captions, a titled photo taking more captions), or
 * credits the story it follows.
 */

/** Adds a credit to a photo item that stays open for more captions (a group). */
function takeCredit(state: ReaderState, item: ItemDraft, text: string, line: number, credit: Names): void {
  item.isPhoto = true;
  item.photoGroup = true;
  item.add('credit', text, line, credit);
  state.expectHeading = true;
  state.open = false;
  state.last = 'other';
}

/** Closes a photo whose credit ends it; a further credit may still attach to it. */
function closeAfterCredit(state: ReaderState): void {
  state.close();
  state.last = 'credit';
}

/** Longest caption of a photo set after a story (图片新闻): one or two sentences. */
const SCENE_CHARS = 80;

/**
 * A short paragraph that says where and on which day a scene was taken, in
 * its first clause, as a 图片新闻 set after another story does: 长春市冰雕艺术园2001年12月31日开园，….
 */
const datedScene = (text: string): boolean =>
  charCount(text) <= SCENE_CHARS && /^[^，。]{0,16}?(?:\d{4}年)?\d{1,2}月\d{1,2}日/u.test(matchingForm(text));

/** Whether the last paragraph of a story, followed by a credit, is a photo's caption instead. */
function isCaption(state: ReaderState, caption: Piece): boolean {
  const first = state.line(caption.lines[0]);
  const wide = first ? afterWideGap(first) : false;
  return (
    isCaptionLike(caption.text) ||
    wide ||
    (opensWithWhen(caption.text) && charCount(caption.text) <= 150 && state.current?.count('dateline') === 0) ||
    datedScene(caption.text)
  );
}

/** Fewest characters a caption and the headline above must share for the caption to be read as the story's own photo. */
const SHARED_SUBJECT_CHARS = 4;

/**
 * Whether a caption names what the headline of the story above names, by a
 * run of characters both print (林枫副委员长接见乌拉圭客人 / 图为林枫副委员长同…):
 * the picture of the story's event, not a photo of its own. The story's
 * text is not asked: a page on one theme repeats its phrases everywhere.
 */
function sharesSubject(caption: Piece, story: ItemDraft): boolean {
  const text = matchingForm(caption.text).replace(/^图为/u, '');
  const above = story.pieces
    .filter((p) => p.role === 'headline')
    .map((p) => matchingForm(p.text))
    .join('\n');
  const runs = text.match(/[\u4e00-\u9fff·]+/gu) ?? [];
  return runs.some((run) => {
    for (let at = 0; at + SHARED_SUBJECT_CHARS <= run.length; at += 1)
      if (above.includes(run.slice(at, at + SHARED_SUBJECT_CHARS))) return true;
    return false;
  });
}

/**
 * A photo credit, on its own line or at the end of a caption (`inlineCaption`).
 * @param credit the photographers the credit names, with their role words
 */
export function readCredit(state: ReaderState, text: string, line: number, credit: Names, inlineCaption: Piece | null): void {
  const current = state.current;
  const previous = state.previousItem();
  if (!current && previous && !inlineCaption) {
    // Right after a story's byline or another credit: the story's photo.
    previous.add('credit', text, line, credit);
    state.last = 'credit';
    return;
  }
  if (!current) {
    const photo = state.ensureItem();
    photo.add('credit', text, line, credit);
    photo.isPhoto = true;
    closeAfterCredit(state);
    return;
  }
  const captions = current.count('paragraph');
  if (current.photoGroup || isGroupCredit(text) || current.markedCaptions >= 2) {
    takeCredit(state, current, text, line, credit);
    return;
  }
  const caption = inlineCaption ?? current.lastParagraph();
  const plain = current.count('dateline') === 0;
  const creditLine = state.line(line);
  if (caption && captions === 1 && plain && current.hasHeading && creditLine && state.textGoesOn(creditLine)) {
    // A story that prints its photo near its top (the caption and credit first), then its text.
    current.add('credit', text, line, credit);
    state.last = 'other';
    return;
  }
  if (caption && captions === 1 && plain) {
    // A photo with its caption, titled or not; a titled one may take more captions.
    takeCredit(state, current, text, line, credit);
    if (!current.hasHeading) closeAfterCredit(state);
    return;
  }
  if (caption && captions > 1 && captions <= 3 && plain && current.count('jumpFrom') === 0 && /^图为/u.test(caption.text)) {
    // A 图片新闻: a sentence of news, then 图为… and the credit; all of it is the photo's caption.
    takeCredit(state, current, text, line, credit);
    if (!current.hasHeading) closeAfterCredit(state);
    return;
  }
  // A caption that shares its line with another piece of the story (its 电头) stays in it.
  const alone = caption !== null && !current.pieces.some((p) => p !== caption && p.lines[1] >= caption.lines[0]);
  // An archivist who states the caption's line a paragraph keeps it in the story, with the credit.
  const stated = caption !== null && state.fix.role(caption.lines[0]) === 'paragraph';
  if (caption && alone && captions > 1 && !stated && isCaption(state, caption) && !sharesSubject(caption, current)) {
    current.remove(caption);
    const notes = current.takeNotes(caption.lines);
    state.close();
    const photo = state.ensureItem();
    photo.push(caption);
    for (const note of notes) photo.note(note);
    // Only 图为 spoke for a photo of its own: no wide gap before it, no date of a scene in it.
    const first = state.line(caption.lines[0]);
    if (!datedScene(caption.text) && !(first && afterWideGap(first)))
      photo.note({
        line: caption.lines[0],
        message: `line ${caption.lines[0]} and its credit read as a photo of its own, after the story above; if it is that story's photo, say so`,
        fix: { line: caption.lines[0], text: quote(state.line(caption.lines[0])?.text ?? '', 16), role: 'paragraph' },
      });
    takeCredit(state, photo, text, line, credit);
    closeAfterCredit(state);
    return;
  }
  if (
    plain &&
    current.hasHeading &&
    current.count('byline') === 0 &&
    current.count('jumpFrom') === 0 &&
    // A story set with subheads is a story, whatever photo its end credits.
    current.count('subhead') === 0 &&
    creditLine &&
    state.endsAfter(creditLine)
  ) {
    // A titled photo story (图片新闻): the caption and a few lines about it, the credit at its end, on its own line or run into the last.
    takeCredit(state, current, text, line, credit);
    return;
  }
  current.add('credit', text, line, credit);
  if (caption) {
    current.note({
      line,
      message: `photo credit read as the credit of this story's photo; if line ${caption.lines[0]} is the caption of a photo of its own, say so`,
      fix: { line: caption.lines[0], text: quote(state.line(caption.lines[0])?.text ?? '', 16), role: 'caption' },
    });
  }
  state.expectHeading = true;
  state.last = 'other';
}
