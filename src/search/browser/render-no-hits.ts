/**
 * Draws what a search that found nothing offers (no-hits.ts): the query as
 * compared, each word searched alone with its count as it comes, and links
 * to the search without each filter.
 */
import type { NoHitsHelp, OfferedSearch } from './no-hits.ts';
import { writeState } from './search-state.ts';

/** A paragraph: a lead-in, then links to the searches offered, each with a place for its count. */
function offerLine(lead: string, offers: readonly OfferedSearch[], counts: Map<string, HTMLElement> | null): HTMLParagraphElement {
  const line = document.createElement('p');
  line.append(lead);
  offers.forEach((offer, index) => {
    if (index > 0) line.append('、');
    const link = document.createElement('a');
    link.href = `${window.location.pathname}${writeState(offer.state)}`;
    link.textContent = offer.label;
    line.append(link);
    if (!counts) return;
    const count = document.createElement('span');
    count.textContent = '（正在统计）';
    counts.set(offer.label, count);
    line.append(count);
  });
  return line;
}

/**
 * Fills `box` with what a search that found nothing offers and shows it
 * (hides it when there is nothing to offer). Returns where each word's
 * count goes, by its label.
 */
export function renderNoHits(box: HTMLElement, help: NoHitsHelp): Map<string, HTMLElement> {
  const counts = new Map<string, HTMLElement>();
  const lines: HTMLElement[] = [];
  if (help.folded !== null) {
    const line = document.createElement('p');
    const query = document.createElement('q');
    query.textContent = help.folded;
    line.append('查找时按 ', query, ' 比对：繁体字按简体，全角字母数字按半角。');
    lines.push(line);
  }
  if (help.words.length > 0) lines.push(offerLine('逐个词查：', help.words, counts));
  if (help.filters.length > 0) lines.push(offerLine('去掉筛选：', help.filters, null));
  box.replaceChildren(...lines);
  box.hidden = lines.length === 0;
  return counts;
}
