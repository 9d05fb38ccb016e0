/**
 * Draws the timeline of a search's hits as a list of links, one per year
 * (or month): the span, a bar as long as its share of the largest count, and
 * the count in words (约 where estimated). Each link narrows the search to
 * its span, through the address, so the narrowed search can be linked too.
 */
import { countLabel, spanDays, spanLabel, type TimelineBar } from './timeline.ts';
import { writeState, type SearchState } from './search-state.ts';

/** Fills `list` with the bars, each linking to the search narrowed to its span. */
export function renderTimeline(list: HTMLOListElement, bars: readonly TimelineBar[], state: SearchState): void {
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  list.replaceChildren(
    ...bars.map((bar) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `${window.location.pathname}${writeState({ ...state, ...spanDays(bar.span) })}`;
      const label = document.createElement('span');
      label.className = 'timeline-span';
      label.textContent = spanLabel(bar.span);
      const track = document.createElement('span');
      track.className = 'timeline-track';
      track.setAttribute('aria-hidden', 'true');
      const fill = document.createElement('span');
      fill.className = `timeline-bar timeline-${bar.kind === 'exact' ? 'exact' : 'estimate'}`;
      // Set through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' styles allows.
      fill.style.inlineSize = `${(100 * bar.count) / largest}%`;
      track.append(fill);
      const count = document.createElement('span');
      count.className = 'timeline-count';
      count.textContent = countLabel(bar);
      link.append(label, track, count);
      item.append(link);
      return item;
    }),
  );
}
