/**
 * Draws verified results as list items: source line, kicker, headline linking
 * to the story (a title the site made up marked 本站拟题), and an excerpt,
 * with every term found in a <mark>.
 */
import { markParts } from '../shared/excerpt.ts';
import { KIND_FILTER, PAPER_FILTER } from '../shared/filters.ts';
import { markableHits, type Hit } from '../shared/match.ts';
import type { SearchHit } from './run-search.ts';
import { HEADING_FIELDS, titleAdded } from '../shared/record-fields.ts';
import { longDate, pageLabel } from '../../data/paths.ts';

/** Fills an element with text parts, marks as <mark>. */
function fillMarked(element: HTMLElement, text: string, hits: Hit[], window: boolean): void {
  for (const part of markParts(text, hits, window)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      element.append(mark);
    } else element.append(part.text);
  }
}

/** The link to the story: printed matches to highlight, and the subhead the first body hit is under. */
function storyLink({ record, match }: SearchHit, bodyHit: Hit | undefined): string {
  const params = new URLSearchParams();
  const shown = new Set<string>();
  for (const hit of match.hits) {
    const text = record.blocks[hit.block]?.[1].slice(hit.start, hit.end) ?? '';
    if (text && !shown.has(text)) params.append('highlight', text);
    shown.add(text);
  }
  const section = bodyHit ? (record.blocks[bodyHit.block]?.[2] ?? '') : '';
  return `${record.url}?${params.toString()}${section ? `#${encodeURIComponent(section)}` : ''}`;
}

/** One result as a list item. */
export function renderResult(result: SearchHit): HTMLLIElement {
  const { record, match } = result;
  const item = document.createElement('li');
  const source = document.createElement('p');
  source.className = 'search-source';
  const date = document.createElement('time');
  date.dateTime = record.date;
  date.textContent = longDate(record.date);
  const page = pageLabel(record.page, record.pageName);
  source.append(`${PAPER_FILTER.shown(record)} · `, date, `${page ? ` · ${page}` : ''} · ${KIND_FILTER.shown(record)}`);
  item.append(source);
  const blockIndex = (field: string): number => record.blocks.findIndex(([name]) => name === field);
  const headingLine = (field: 'kicker' | 'subtitle'): void => {
    const index = blockIndex(field);
    if (index < 0) return;
    const line = document.createElement('p');
    line.className = `search-${field}`;
    fillMarked(line, record.blocks[index]?.[1] ?? '', markableHits(match.hits, index), false);
    item.append(line);
  };
  headingLine('kicker');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  const headline = blockIndex('headline');
  if (headline >= 0) fillMarked(link, record.blocks[headline]?.[1] ?? '', markableHits(match.hits, headline), false);
  else link.textContent = record.title;
  const bodyHit = match.hits.find((hit) => !HEADING_FIELDS.has(record.blocks[hit.block]?.[0] ?? 'headline'));
  link.href = storyLink(result, bodyHit);
  // A title the site made up is marked as the story page marks it.
  if (titleAdded(record)) {
    const added = document.createElement('span');
    added.className = 'added-label';
    added.textContent = '本站拟题';
    heading.append(added);
  }
  heading.append(link);
  item.append(heading);
  headingLine('subtitle');
  const excerptBlock = bodyHit?.block ?? record.blocks.findIndex(([field]) => field === 'paragraph');
  const excerptText = record.blocks[excerptBlock]?.[1];
  if (excerptText) {
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    fillMarked(excerpt, excerptText, bodyHit ? markableHits(match.hits, excerptBlock) : [], true);
    item.append(excerpt);
  }
  return item;
}
