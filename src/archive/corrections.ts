import { z } from 'zod';
import { matchingForm } from './conventions/width.ts';
import { sourceLines } from './source-lines.ts';

/**
 * Corrections an archivist keeps beside a raw page, in its .yml, to set
 * right what the parser read wrong. Each names a line of the raw page by
 * number and quotes its beginning, so a correction that no longer fits its
 * line is caught instead of applied to the wrong text. The raw page itself
 * is never edited.
 */

/** What a line is, as an archivist may state it. */
export const LINE_ROLES = [
  'kicker',
  'headline',
  'subtitle',
  'column',
  'subhead',
  'paragraph',
  'dateline',
  'byline',
  'credit',
  'caption',
  'endnote',
  'layout',
] as const;

/** Where an item or a paragraph begins: a story starts here, a paragraph starts here, or this block goes on from the one before (a column break). */
export const BREAKS = ['story', 'paragraph', 'none'] as const;

/** One correction, by line number of the raw page. */
export const correctionSchema = z
  .strictObject({
    /** 1-based line of the raw page the correction is about. */
    line: z.number({ error: 'line: the line number of the raw page, e.g. 57' }).int().positive(),
    /** The line's beginning as printed (the whole dateline, or the credit, for those roles), so a changed line is caught. */
    text: z.string({ error: 'text: quote the beginning of the line as printed, e.g. "分享工作经历"' }).min(1),
    /** What the line is. */
    role: z.enum(LINE_ROLES, { error: `role: one of ${LINE_ROLES.join(', ')}` }).optional(),
    /** story: a new item starts at this line; paragraph: a new paragraph starts here; none: this block goes on from the one before. */
    break: z.enum(BREAKS, { error: `break: one of ${BREAKS.join(', ')}` }).optional(),
    /** The last line of a photo group (组图) that starts at `line`: one title, several captions. */
    photos: z.number({ error: 'photos: the last line of the photo group' }).int().positive().optional(),
  })
  .refine((c) => [c.role, c.break, c.photos].filter((v) => v !== undefined).length === 1, {
    error: 'a correction says one thing: give exactly one of role, break or photos',
  });

/** A correction as read from the .yml. */
export type Correction = z.output<typeof correctionSchema>;
/** A line role an archivist may state. */
export type LineRole = (typeof LINE_ROLES)[number];

/** The corrections of one page, looked up by line as the parser walks it. */
export class CorrectionIndex {
  readonly #roles = new Map<number, LineRole>();
  readonly #breaks = new Map<number, (typeof BREAKS)[number]>();
  readonly #photos = new Map<number, number>();
  readonly #text = new Map<number, string>();

  constructor(corrections: readonly Correction[] = []) {
    for (const c of corrections) {
      if (c.role) this.#roles.set(c.line, c.role);
      if (c.break) this.#breaks.set(c.line, c.break);
      if (c.photos) this.#photos.set(c.line, c.photos);
      if (c.role === 'dateline' || c.role === 'credit') this.#text.set(c.line, c.text);
    }
  }

  /** The role stated for a line, if any. */
  role(line: number): LineRole | undefined {
    return this.#roles.get(line);
  }

  /** The break stated at a line, if any. */
  break(line: number): (typeof BREAKS)[number] | undefined {
    return this.#breaks.get(line);
  }

  /** The last line of a photo group starting at this line, if any. */
  photosUntil(line: number): number | undefined {
    return this.#photos.get(line);
  }

  /** The quoted dateline or credit of a line whose role says one. */
  quoted(line: number): string | undefined {
    return this.#text.get(line);
  }
}

/** A correction that does not fit its page: which entry, and why. */
export interface CorrectionProblem {
  /** Index of the entry in the corrections list. */
  entry: number;
  message: string;
}

const DISPLAY: ReadonlySet<LineRole> = new Set(['kicker', 'headline', 'subtitle', 'column']);

/**
 * Checks corrections against the page they correct: the line exists and
 * holds text, the quoted text is still what it begins with, and no two
 * corrections contradict each other.
 * @example checkCorrections([{ line: 57, text: '分享工作经历', role: 'headline' }], pageText) // [] when line 57 begins so
 */
export function checkCorrections(corrections: readonly Correction[], pageText: string): CorrectionProblem[] {
  const lines = sourceLines(pageText).map((l) => l.trim());
  const firstText = lines.findIndex((l) => l !== '') + 1;
  const problems: CorrectionProblem[] = [];
  const seen = new Map<string, number>();
  corrections.forEach((c, entry) => {
    const printed = lines[c.line - 1];
    if (printed === undefined || printed === '') {
      problems.push({
        entry,
        message: `line ${c.line} of the page is ${printed === undefined ? 'past its end' : 'blank'}: this correction no longer applies; fix its line number or remove it`,
      });
      return;
    }
    const line = matchingForm(printed);
    const quoted = matchingForm(c.text.trim());
    const fits = c.role === 'credit' ? line.endsWith(quoted) || line.startsWith(quoted) : line.startsWith(quoted);
    if (!fits) {
      const shown = [...printed].slice(0, 20).join('');
      problems.push({
        entry,
        message: `line ${c.line} reads "${shown}${[...printed].length > 20 ? '…' : ''}", not "${c.text}": this correction no longer applies; fix its line or its text`,
      });
    }
    if (c.break === 'none' && c.line === firstText)
      problems.push({ entry, message: `line ${c.line} is the first of the page: there is no block before it to go on from` });
    if (c.photos !== undefined && (c.photos < c.line || c.photos > lines.length)) {
      problems.push({ entry, message: `photos: ${c.photos} must be a line of the page at or after line ${c.line}` });
    }
    const what = c.role ? 'role' : c.break ? 'break' : 'photos';
    const key = `${c.line} ${what}`;
    const other = seen.get(key);
    if (other !== undefined) problems.push({ entry, message: `line ${c.line} is corrected twice (also entry ${other + 1}); keep one` });
    seen.set(key, entry);
  });
  // Contradictions between different kinds of correction on one line.
  corrections.forEach((c, entry) => {
    if (c.break !== 'none') return;
    const role = corrections.find((o) => o.line === c.line && o.role)?.role;
    if (role && role !== 'paragraph' && role !== 'caption') {
      problems.push({
        entry,
        message: `line ${c.line} cannot go on from the block before it and also be a ${role}; one of the two corrections is wrong`,
      });
    }
    if (corrections.some((o) => o.line === c.line && o.break === 'story')) {
      problems.push({ entry, message: `line ${c.line} cannot both start a story and go on from the block before it` });
    }
  });
  const groups = corrections.flatMap((c, entry) => (c.photos !== undefined ? [{ from: c.line, to: c.photos, entry }] : []));
  for (const g of groups) {
    for (const h of groups) {
      if (h.entry > g.entry && h.from <= g.to && g.from <= h.to)
        problems.push({ entry: h.entry, message: `photo groups at lines ${g.from}–${g.to} and ${h.from}–${h.to} overlap` });
    }
    corrections.forEach((c, entry) => {
      const inside = c.line > g.from && c.line <= g.to;
      if (inside && (c.break === 'story' || (c.role && DISPLAY.has(c.role)))) {
        problems.push({ entry, message: `line ${c.line} lies inside the photo group of lines ${g.from}–${g.to}, which is one item` });
      }
    });
  }
  return problems.sort((a, b) => a.entry - b.entry);
}
