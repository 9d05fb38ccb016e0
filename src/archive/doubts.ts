import type { Correction, CorrectionIndex } from './corrections.ts';
import { LABEL_BULLETS } from './conventions/lexicon.ts';
import { charCount } from './conventions/punctuation.ts';
import { matchingForm } from './conventions/width.ts';
import { isColumnLabel } from './heading-group.ts';
import { opensWithWhen, quote } from './reading-signals.ts';
import type { PageLine } from './page-lines.ts';
import type { ParsedItem, ParsedPage, ParseNote, Piece } from './types.ts';

/**
 * Readings the text leaves open, noted after the page is read. The page
 * reader decides every line, but some decisions rest on one weak signal: a
 * short line read as a column label by its length alone, a caption read as a
 * story because no credit names a photographer. Where such a decision stands,
 * the archivist is told, with the correction that reads it the other way, so
 * that a wrong reading is never silent. Each doubt is a row of the table
 * below: what it is, and where it stands on an item.
 */

/** A note with the correction that reads its line the other way. */
export type Doubted = ParseNote & { fix: Correction };

/** One kind of doubt: its name (for `parse:score --ablate`) and the notes it makes on an item. */
export interface Doubt {
  id: string;
  /** The notes this doubt makes on an item (none where the reading is sure); `line(n)` is raw line n as printed. */
  find(item: ParsedItem, line: (n: number) => string): Doubted[];
}

/** Longest line a column label is (新闻摄影比赛, 谁领头谁输球): a 引题 or 主题 of that length may be one too. */
const LABEL_CHARS = 6;
/** Longest text a photo's caption runs to; a story of more is a story whatever it opens with. */
const CAPTION_CHARS = 320;

const pieces = (item: ParsedItem, role: Piece['role']): Piece[] => item.pieces.filter((p) => p.role === role);
const note = (line: number, text: string, message: string, role: NonNullable<Correction['role']>): Doubted => ({
  line,
  message,
  fix: { line, text: quote(text, 16), role },
});

/** A text that ends with a reporter's name and 报道: 半岛记者 张伟 报道. */
const REPORTED_END = /记者\s*[\u4e00-\u9fff]{2,4}\s*报道$/u;

/** What opens a label set in brackets or after a bullet: 【直通省两会】, ■民生关注. */
const LABEL_OPENING = new RegExp(`^[【〔${LABEL_BULLETS}]`, 'u');

/** The doubts, in the order their notes are given. */
export const DOUBTS: readonly Doubt[] = [
  {
    // A column label read off its shape alone (a short line over a longer one) may be the 引题 or the 主题.
    id: 'column-by-shape',
    find: (item) =>
      pieces(item, 'column')
        .filter((p) => p.lines[0] === p.lines[1] && !isColumnLabel({ text: p.text, norm: matchingForm(p.text), line: p.lines[0] }))
        .filter((p) => !/^\d{4}$/u.test(p.text) && !LABEL_OPENING.test(p.text))
        .map((p) =>
          note(
            p.lines[0],
            p.text,
            `a short line (${quote(p.text, 8)}) read as a column label by its length alone; it could be the 引题`,
            'kicker',
          ),
        ),
  },
  {
    // A short first display line over a photo, or over another display line, may be a column label (新闻摄影比赛).
    id: 'short-top-line',
    find: (item, line) => {
      const top = item.pieces.find((p) => p.role === 'kicker' || p.role === 'headline');
      if (!top || item.column !== null) return [];
      const text = line(top.lines[0]);
      const displayLines = item.pieces
        .filter((p) => p.role === 'kicker' || p.role === 'headline' || p.role === 'subtitle')
        .reduce((n, p) => n + p.lines[1] - p.lines[0] + 1, 0);
      const norm = matchingForm(text);
      // A known label read as a display line was weighed as one already.
      const short =
        /^[\u4e00-\u9fff]+$/u.test(norm) && charCount(text) <= LABEL_CHARS && !isColumnLabel({ text, norm, line: top.lines[0] });
      if (!short || (displayLines < 2 && item.kind !== 'photo')) return [];
      return [note(top.lines[0], text, `a short display line (${quote(text, 8)}) over the item; it could be a column label`, 'column')];
    },
  },
  {
    // A 副题 with no dash before it may be the story's first paragraph, set short.
    id: 'subtitle-undashed',
    find: (item) =>
      pieces(item, 'subtitle')
        .filter((p) => !/^(?:——|—|--)/u.test(matchingForm(p.text)))
        .map((p) =>
          note(
            p.lines[0],
            p.text,
            `read as the 副题 (${quote(p.text, 8)}) with no dash before it; it could be the first paragraph`,
            'paragraph',
          ),
        ),
  },
  {
    // Short text opening with when it happened (3月23日，游客在…) and no credit: a photo's caption, or a brief?
    id: 'caption-or-story',
    find: (item) => {
      if (item.kind !== 'story' || item.dateline !== null || item.byline !== null || item.credit !== null) return [];
      const paragraphs = pieces(item, 'paragraph');
      const first = paragraphs[0];
      const text = paragraphs.map((p) => p.text).join('');
      if (!first || charCount(text) > CAPTION_CHARS || !opensWithWhen(matchingForm(first.text))) return [];
      return [
        note(
          first.lines[0],
          first.text,
          `short text opening with a date (${quote(first.text, 8)}) and no credit, read as a story; it could be a photo's caption`,
          'caption',
        ),
      ];
    },
  },
  {
    // Several texts of one item each signed X记者 Y 报道 (半岛都市报 2019-08-12): the captions of a photo page, each with its photographers, read as a story and its byline.
    id: 'reported-captions',
    find: (item, line) => {
      const signed = item.pieces.filter((p) => (p.role === 'paragraph' || p.role === 'byline') && REPORTED_END.test(matchingForm(p.text)));
      const [first, last] = item.lines;
      const at = signed[0];
      if (item.kind !== 'story' || signed.length < 2 || !at) return [];
      return [
        {
          line: at.lines[1],
          message: `${signed.length} texts of this item end with a reporter's 报道 (${quote(at.text.slice(-12), 12)}), as a photo page's captions name their photographers; it could be a photo page`,
          fix: { line: first, text: quote(line(first), 16), photos: last },
        },
      ];
    },
  },
  {
    // Captions that name no photographer may be a short story's paragraphs.
    id: 'photo-uncredited',
    find: (item) => {
      const first = pieces(item, 'paragraph')[0];
      if (item.kind !== 'photo' || item.credits.length > 0 || !first) return [];
      return [
        note(
          first.lines[0],
          first.text,
          `read as a photo's caption (${quote(first.text, 8)}) though no credit names a photographer; it could be a story's text`,
          'paragraph',
        ),
      ];
    },
  },
];

/** The roles of a heading's lines. */
const HEADING: ReadonlySet<Piece['role']> = new Set(['kicker', 'headline', 'subtitle', 'column']);

/**
 * Adds the notes of every doubt to the items of a page, except where the
 * item has been looked at already: on a line that has a note, and on any
 * line of an item the archivist corrected (they have read it). A heading
 * whose display roles are noted already (display-roles.ts) gets no second
 * note about its shape.
 * @param skip doubts left out, by id (to measure what each one is worth)
 */
export function noteDoubts(
  page: ParsedPage,
  lines: readonly PageLine[],
  fix: CorrectionIndex,
  skip: ReadonlySet<string> = new Set(),
): void {
  const byNumber = new Map(lines.map((l) => [l.line, l.text]));
  const line = (n: number): string => byNumber.get(n) ?? '';
  const corrected = (n: number): boolean => fix.role(n) !== undefined || fix.break(n) !== undefined || fix.photosUntil(n) !== undefined;
  for (const item of page.items) {
    const [first, last] = item.lines;
    if (Array.from({ length: last - first + 1 }, (_, k) => first + k).some(corrected)) continue;
    const headingLines = new Set(item.pieces.filter((p) => HEADING.has(p.role)).flatMap((p) => [p.lines[0], p.lines[1]]));
    const headingNoted = item.notes.some((n) => headingLines.has(n.line));
    const noted = new Set(item.notes.map((n) => n.line));
    for (const doubt of DOUBTS) {
      if (skip.has(doubt.id)) continue;
      for (const n of doubt.find(item, line)) {
        if (noted.has(n.line) || (headingNoted && headingLines.has(n.line))) continue;
        noted.add(n.line);
        item.notes.push({ ...n, doubt: doubt.id });
      }
    }
  }
}
