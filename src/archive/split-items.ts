import type { Correction } from './corrections.ts';
import { findHeadingGroup } from './heading-group.ts';
import { noteDoubts } from './doubts.ts';
import { ItemDraft } from './item-draft.ts';
import { isFurniture, type PageLine } from './page-lines.ts';
import { quote } from './reading-signals.ts';
import { continueParagraph, joinsPrevious } from './reader/column-breaks.ts';
import { acceptsHeading, HEADING_GROUP_ROLES, startItem, trailsPrevious } from './reader/headings.ts';
import { readEndnote, readLine } from './reader/lines.ts';
import { ReaderState } from './reader/state.ts';
import type { PaperStyle } from './paper-style.ts';
import type { ParsedPage } from './types.ts';

/** Options of {@link splitItems}. */
export interface SplitOptions {
  /** The archivist's corrections of this page (from its .yml). */
  corrections?: readonly Correction[];
  /** Doubts (doubts.ts) not to note, by id: `parse:score --ablate` measures what each is worth. */
  skipDoubts?: ReadonlySet<string>;
  /** Display-role signal families (display-roles.ts) left out, likewise. */
  skipSignals?: ReadonlySet<string>;
  /** The paper's house style (papers.yml). */
  style?: PaperStyle | undefined;
}

/**
 * Reads the line at `i`, the way a copy editor reads down a page: page
 * furniture, a story the archivist says begins here, a block that goes on
 * from the paragraph before, a heading group that opens a new item, or a
 * line of the item being assembled (reader/lines.ts). Returns the index of
 * the next line to read.
 */
function step(state: ReaderState, i: number): number {
  const l = state.lines[i] as PageLine;
  const role = state.fix.role(l.line);
  const until = state.current?.photosUntil;
  if (until !== null && until !== undefined && l.line > until) state.close();
  if (role === 'layout' || (!role && !state.open && isFurniture(l))) {
    state.page.layout.push({ role: 'paragraph', text: l.text, lines: [l.line, l.line] });
    if (!role)
      state.page.notes.push({
        line: l.line,
        message: `page furniture (${quote(l.text, 16)}), kept out of every item`,
        fix: { line: l.line, text: quote(l.text, 16), role: 'paragraph' },
      });
    return i + 1;
  }
  const photos = state.fix.photosUntil(l.line);
  const forced = state.fix.break(l.line) === 'story' || photos !== undefined;
  if (forced) state.close();
  const statedJoin = state.fix.break(l.line) === 'none' && state.current?.lastParagraph();
  if ((state.open || statedJoin) && state.current && !forced) {
    if (statedJoin || joinsPrevious(state, i)) {
      continueParagraph(state, l);
      return i + 1;
    }
    state.open = false;
  }
  if (!role || HEADING_GROUP_ROLES.has(role)) {
    const group = findHeadingGroup(state.lines, i, state.fix);
    if (group && acceptsHeading(state, group, forced)) {
      startItem(state, group, photos);
      return group.next;
    }
  }
  if (!role && !forced && trailsPrevious(state, i)) {
    readEndnote(state, l.text, l.line);
    return i + 1;
  }
  if (forced) {
    state.current = new ItemDraft();
    state.current.photosUntil = photos ?? null;
    state.current.photoGroup = photos !== undefined;
    state.expectHeading = false;
  }
  readLine(state, l, role);
  return i + 1;
}

/**
 * Splits a page's lines into items: stories, jumps (上接…版) and photos.
 * Every line ends up in exactly one piece of one item, or in the page's
 * layout list; corrections override any decision by line number.
 * @example splitItems(toLines('潮起长江口\n\n昨天开幕的…会议。')).items[0]?.headline // '潮起长江口'
 */
export function splitItems(lines: PageLine[], options: SplitOptions = {}): ParsedPage {
  const state = new ReaderState(lines, options.corrections ?? [], options);
  for (let i = 0; i < lines.length;) i = step(state, i);
  state.close();
  state.page.items = state.drafts.map((d) => d.finish());
  noteDoubts(state.page, lines, state.fix, options.skipDoubts);
  return state.page;
}
