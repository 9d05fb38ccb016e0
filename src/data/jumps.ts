import { comparableLabel } from '../archive/page-address.ts';
import type { Article } from './articles.ts';
import type { Edition, PrintedPage } from './editions.ts';
import { pageTab } from './page-turns.ts';

/**
 * 转版 both ways: a story cut with 下转A4版 and its continuation printed
 * under （上接A1版） on A4, within one edition. A continuation repeats its
 * story's 主题, so the two are matched by their page labels and headline: on
 * the page the marker names, the item whose headline is the same and whose
 * own marker names the page back, or else any item of that headline there
 * (an e-paper's A01 is the A1 of a marker).
 * When no headline matches, a lone pair still is (the only story of A1 that
 * goes on to A4, and the only continuation on A4 from A1), since a paper may
 * shorten the repeated headline. A marker with no match leads to the 版 it
 * names when the edition holds it; only when it does not is the other part
 * said to be missing from the archive.
 */

/** Where one marker of a story leads. */
export interface JumpTarget {
  /** The page label the marker names, as the parser read it (A1, 3). */
  label: string;
  /** The other part of the story, when matched. */
  story: { url: string; title: string } | null;
  /** Path of the named 版's page, when the edition holds that 版. */
  page: string | null;
}

/** A story's 上接 (from) and 下转 (to) markers, each where it leads; null for a marker it does not print. */
export interface StoryJumps {
  from: JumpTarget | null;
  to: JumpTarget | null;
}

const labelOf = (page: PrintedPage): string | null => (page.page === null ? null : comparableLabel(page.page));

/**
 * The other part of a story on `target`: the item with the same headline
 * whose marker names `own` back, or the lone pair; null when neither.
 * @param side the marker the other part prints: continuedFrom for a continuation, continuesOn for a start
 */
function matchOn(target: PrintedPage, own: PrintedPage, item: Article, side: 'continuedFrom' | 'continuesOn'): Article | null {
  const ownLabel = labelOf(own);
  const back = target.items.filter((other) => other.data[side] !== null && comparableLabel(other.data[side] ?? '') === ownLabel);
  const { headline } = item.data;
  const sameHeadline = (other: Article): boolean => headline !== null && other !== item && other.data.headline === headline;
  // A marker the parser did not read on the other part must not hide a headline printed the same.
  const named = back.find(sameHeadline) ?? target.items.find(sameHeadline);
  if (named) return named;
  const mine = side === 'continuedFrom' ? 'continuesOn' : 'continuedFrom';
  const targetLabel = labelOf(target);
  const senders = own.items.filter((other) => other.data[mine] !== null && comparableLabel(other.data[mine] ?? '') === targetLabel);
  return back.length === 1 && senders.length === 1 && senders[0] === item ? (back[0] ?? null) : null;
}

/** Where one marker leads, from the edition's pages. */
function target(edition: Edition, own: PrintedPage, item: Article, label: string, side: 'continuedFrom' | 'continuesOn'): JumpTarget {
  const page = edition.pages.find((p) => labelOf(p) === comparableLabel(label));
  const story = page ? matchOn(page, own, item, side) : null;
  return {
    label,
    story: story ? { url: story.data.url, title: story.data.title.text } : null,
    page: page ? pageTab(page).path : null,
  };
}

/**
 * The jumps of every item of the editions, by item id: one pass per
 * edition, so a large archive stays linear in its pages.
 */
export function editionJumps(editions: readonly Edition[]): Map<string, StoryJumps> {
  const result = new Map<string, StoryJumps>();
  for (const edition of editions) {
    for (const page of edition.pages) {
      for (const item of page.items) {
        const { continuedFrom, continuesOn } = item.data;
        if (continuedFrom === null && continuesOn === null) continue;
        result.set(item.id, {
          from: continuedFrom === null ? null : target(edition, page, item, continuedFrom, 'continuesOn'),
          to: continuesOn === null ? null : target(edition, page, item, continuesOn, 'continuedFrom'),
        });
      }
    }
  }
  return result;
}
