import type { Correction } from '../archive/corrections.ts';
import { correctionYaml } from '../archive/describe-parse.ts';
import { readPage } from '../archive/page-reader.ts';
import type { PaperStyle } from '../archive/paper-style.ts';
import { sourceLines } from '../archive/source-lines.ts';
import type { ItemKind, ParsedPage } from '../archive/types.ts';
import { lineRoles } from './line-roles.ts';
import type { ReviewRole } from './review-labels.ts';

/**
 * A raw page beside its parse, as the review page shows it: every raw line
 * with its number, the roles the parser gave it, the notes about it and the
 * correction of the .yml that bears on it, grouped into the items that
 * cover them. Made from the parser's own result (src/archive/page-reader.ts),
 * with the page's corrections applied as the build applies them.
 */

/** A decision the parser was unsure of, with the correction to paste under `corrections:`. */
export interface ReviewNote {
  /** 1-based line it is about. */
  line: number;
  /** What was read, and why. */
  message: string;
  /** The YAML line that reads it the other way, e.g. `- { line: 33, text: "…", role: "paragraph" }`, or null. */
  correction: string | null;
}

/** One raw line. */
export interface ReviewLine {
  /** 1-based line number, as corrections and notes give it. */
  n: number;
  /** The line as exported, without its line end. */
  text: string;
  /** What the parser read it as (none for a blank line). */
  roles: ReviewRole[];
  /** The notes about this line. */
  notes: ReviewNote[];
  /** The .yml's corrections of this line, as YAML. */
  corrected: string[];
}

/** An item of the page, as its box is headed. */
export interface ReviewItem {
  /** Its place on the page, from 1. */
  number: number;
  kind: ItemKind;
  /** The title the site shows, and whether the site made it up (拟题). */
  title: { text: string; added: boolean };
  /** First and last raw line. */
  lines: [number, number];
}

/** The lines of one item, or lines between items. */
export interface ReviewRun {
  item: ReviewItem | null;
  lines: ReviewLine[];
}

/** A page's review. */
export interface PageReview {
  runs: ReviewRun[];
  /** Every note of the page, by line. */
  notes: ReviewNote[];
  /** How many items the parser read. */
  items: number;
}

/** The entries of a list that are about line `n`. */
const byLine = <T extends { line: number }>(list: readonly T[], n: number): T[] => list.filter((x) => x.line === n);

/** Every note of a parse, by line: about lines outside items, and about each item. */
export function pageNotes(page: ParsedPage): ReviewNote[] {
  return [...page.notes, ...page.items.flatMap((i) => i.notes)]
    .map((n) => ({ line: n.line, message: n.message, correction: n.fix ? correctionYaml(n.fix) : null }))
    .sort((a, b) => a.line - b.line);
}

/**
 * Reads a raw page with its corrections and its paper's house style, as
 * the build reads it, and lays its parse beside its lines.
 * @example reviewPage(text, []).runs[1]?.item // { number: 1, kind: 'story', title: { text: '潮起长江口，抢抓机遇向未来', … }, lines: [3, 55] }
 */
export function reviewPage(text: string, corrections: readonly Correction[], style?: PaperStyle): PageReview {
  const parsed = readPage(text, corrections, style);
  const raw = sourceLines(text.replace(/^\uFEFF/u, ''));
  if (raw.at(-1) === '' && /[\r\n]$/u.test(text)) raw.pop();
  const roles = lineRoles(parsed, raw);
  const notes = pageNotes(parsed);
  const items = parsed.items.map((item, k): ReviewItem => ({
    number: k + 1,
    kind: item.kind,
    title: item.title,
    lines: [item.lines[0], item.lines[1]],
  }));
  const runs: ReviewRun[] = [];
  // Items come in print order, so one walk down the lines meets them in turn.
  let next = 0;
  raw.forEach((line, i) => {
    const n = i + 1;
    while ((items[next]?.lines[1] ?? Infinity) < n) next += 1;
    const candidate = items[next];
    const item = candidate && candidate.lines[0] <= n ? candidate : null;
    const shown: ReviewLine = {
      n,
      text: line,
      roles: roles.get(n) ?? [],
      notes: byLine(notes, n),
      corrected: byLine(corrections, n).map(correctionYaml),
    };
    const last = runs.at(-1);
    if (last && last.item === item) last.lines.push(shown);
    else runs.push({ item, lines: [shown] });
  });
  return { runs, notes, items: items.length };
}
