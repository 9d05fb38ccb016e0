/**
 * Lays out one synthetic printed page: items one after another, as blocks
 * separated by blank lines, with the structure each item was written with,
 * so that a test can hold the parser's reading against it.
 */
import { sampleParagraph, type BigramModel } from './bigram-model.ts';
import type { ParsedItem } from '../archive/types.ts';
import type { Prng } from './prng.ts';
import { sampleByline, sampleCaption, sampleColumn, sampleCredit, sampleDateline, sampleHeading, sampleSubhead } from './story-parts.ts';

/** What the generator wrote for one item, in the parser's own field names. */
export interface ExpectedItem extends Pick<
  ParsedItem,
  'kind' | 'kicker' | 'headline' | 'subtitle' | 'column' | 'dateline' | 'byline' | 'credit' | 'continuedFrom' | 'continuesOn'
> {
  /** Paragraphs as the parser should give them (column breaks joined, no dateline or jump marker). */
  paragraphs: string[];
  subheads: string[];
}

/** A generated page: its raw text and the items written into it. */
export interface GeneratedPage {
  text: string;
  items: ExpectedItem[];
}

/** Where a page sits in its edition. */
export interface PageSlot {
  paper: string;
  date: string;
  /** 版次, e.g. A1. */
  label: string;
  /** Labels of the other pages of the edition, for 上接/下转 markers. */
  otherLabels: string[];
}

const CHARS = (s: string): number => [...s].length;
const HAN = /[\u4e00-\u9fff]/u;

/**
 * Cuts a long paragraph in two blocks, as a column break does: the first
 * block is longer than any display line and stops mid-sentence after a
 * Chinese character, so it reads as an unfinished paragraph.
 */
function cutAtColumnBreak(text: string, rng: Prng): string[] {
  const chars = [...text];
  const candidates: number[] = [];
  for (let i = 70; i < chars.length - 8; i += 1) {
    if (HAN.test(chars[i - 1] ?? '') && HAN.test(chars[i] ?? '')) candidates.push(i);
  }
  if (candidates.length === 0) return [text];
  const at = rng.pick(candidates);
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

const blank = (): ExpectedItem => ({
  kind: 'story',
  kicker: null,
  headline: null,
  subtitle: null,
  column: null,
  dateline: null,
  byline: null,
  credit: null,
  continuedFrom: null,
  continuesOn: null,
  paragraphs: [],
  subheads: [],
});

/** Writes one item into `blocks`; returns whether the parser expects a new heading after it. */
function writeItem(
  blocks: string[],
  kind: ExpectedItem['kind'],
  slot: PageSlot,
  expectHeading: boolean,
  model: BigramModel,
  rng: Prng,
  titleDue = false,
): { item: ExpectedItem; expectHeading: boolean } {
  const item = { ...blank(), kind };
  if (kind === 'photo') {
    // A titled photo takes the captions that follow it as its group: a photo after one is titled too.
    if (titleDue || rng.chance(0.3)) {
      const h = sampleHeading(model, rng);
      blocks.push(...h.lines);
      Object.assign(item, { kicker: h.kicker, headline: h.headline, subtitle: h.subtitle });
    }
    const caption = sampleCaption(model, rng);
    item.credit = sampleCredit(rng);
    item.paragraphs.push(caption);
    // After a story without a byline, the export leaves a wider gap where the photo stood (as in the seed page).
    if (!expectHeading && item.headline === null) blocks.push('');
    blocks.push(caption, item.credit);
    return { item, expectHeading: true };
  }

  const headed = kind === 'story' || rng.chance(0.6);
  let headingLines = 0;
  if (headed) {
    const h = sampleHeading(model, rng);
    headingLines = h.lines.length;
    blocks.push(...h.lines);
    Object.assign(item, { kicker: h.kicker, headline: h.headline, subtitle: h.subtitle });
  }
  let prefix = '';
  if (kind === 'jump') {
    item.continuedFrom = rng.pick(slot.otherLabels);
    const marker = `（上接${item.continuedFrom}版）`;
    // The marker sits on its own line now and then, as in the seed's 省十四届人大二次会议隆重开幕.
    if (headed && rng.chance(0.2)) blocks.push(marker);
    else prefix = marker;
  } else {
    // Without a heading expected, only a dateline or a column label shows where the story starts.
    // A column label after four display lines would make five, more than a heading group holds.
    if (headingLines <= 3 && rng.chance(0.15)) {
      const [label, year] = sampleColumn(slot.date, rng);
      blocks.push(label, year);
      item.column = `${label} ${year}`;
    }
    if (rng.chance(0.75) || (!expectHeading && item.column === null)) {
      const d = sampleDateline(slot.paper, slot.date, rng);
      item.dateline = d.text;
      prefix = d.spaced ? `${d.text} ` : d.text;
    }
  }

  // A story set with subheads has two or more: a lone plain one reads as the heading of the next story.
  const sections = rng.chance(0.3) ? rng.int(2, 3) : 0;
  const runs = [rng.int(1, 4), ...Array.from({ length: sections }, () => rng.int(1, 3))];
  const jumpsOn = kind === 'story' && slot.label === 'A1' && rng.chance(0.3);
  runs.forEach((count, run) => {
    if (run > 0) {
      const subhead = sampleSubhead(model, rng);
      item.subheads.push(subhead);
      blocks.push(subhead);
    }
    for (let p = 0; p < count; p += 1) {
      const last = run === runs.length - 1 && p === count - 1;
      // A paragraph ending in 下转 is not terminated, so it must be too long to pass for a display line.
      const text = last && jumpsOn ? sampleParagraph(model, rng, rng.int(80, 220)) : sampleParagraph(model, rng);
      item.paragraphs.push(text);
      if (last && jumpsOn) {
        item.continuesOn = rng.pick(slot.otherLabels);
        blocks.push(`${prefix}${text}（下转${item.continuesOn}版）`);
      } else {
        const parts = CHARS(text) >= 140 && rng.chance(0.25) ? cutAtColumnBreak(text, rng) : [text];
        parts[0] = prefix + (parts[0] ?? '');
        blocks.push(...parts);
      }
      prefix = '';
    }
  });
  const signed = !jumpsOn && rng.chance(kind === 'story' ? 0.75 : 0.4);
  if (signed) {
    item.byline = sampleByline(rng);
    blocks.push(item.byline);
  }
  return { item, expectHeading: signed };
}

/**
 * Generates one page of `count` items (stories, jumps, photos) in the
 * conventions of the seed pages.
 * @example generatePage({ paper: 'ntrb', date: '2024-01-24', label: 'A2', otherLabels: ['A1'] }, 5, model, rng).items.length // 5
 */
export function generatePage(slot: PageSlot, count: number, model: BigramModel, rng: Prng): GeneratedPage {
  const blocks: string[] = [];
  const items: ExpectedItem[] = [];
  let expectHeading = true;
  for (let i = 0; i < count; i += 1) {
    const r = rng.next();
    const kind = r < 0.15 ? 'photo' : r < 0.3 && slot.label !== 'A1' && slot.otherLabels.length > 0 ? 'jump' : 'story';
    const previous = items.at(-1);
    const written = writeItem(blocks, kind, slot, expectHeading, model, rng, previous?.kind === 'photo' && previous.headline !== null);
    items.push(written.item);
    expectHeading = written.expectHeading;
  }
  return { text: `\n\n${blocks.join('\n\n')}\n`, items };
}
