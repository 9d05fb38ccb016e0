/**
 * Once an answer is complete, each filter (../shared/filters.ts) says how
 * many of its results each choice holds (南通日报（3）), as Trove's and
 * Impresso's facets do; a filter taking its choices from the answer lists
 * the values the results hold, with their counts (./answer-choices.ts). A
 * filter already narrowed tells nothing of its other choices, so only a
 * filter left at 全部 is counted; a new search puts the labels back.
 */
import { SEARCH_FILTERS } from '../shared/filters.ts';
import { listAnswerChoices } from './answer-choices.ts';
import type { SearchHit } from './run-search.ts';

/** The label an option had before any count was added. */
function baseLabel(option: HTMLOptionElement): string {
  option.dataset['label'] ??= option.textContent ?? '';
  return option.dataset['label'];
}

/**
 * Writes the counts of a complete answer into the options of the form's filters, or takes them off (`hits` null) while an answer is not complete.
 */
export function showFilterCounts(form: HTMLFormElement, hits: readonly SearchHit[] | null): void {
  for (const filter of SEARCH_FILTERS) {
    const select = form.elements.namedItem(filter.id);
    if (!(select instanceof HTMLSelectElement)) continue;
    if (filter.choices === 'answer') {
      listAnswerChoices(select, filter, hits?.map((hit) => hit.record) ?? null);
      continue;
    }
    const counted = hits !== null && select.value === '';
    for (const option of select.options) {
      const label = baseLabel(option);
      if (!counted || option.value === '') {
        option.textContent = label;
        continue;
      }
      const count = hits.filter((hit) => filter.read(hit.record).includes(option.value)).length;
      option.textContent = `${label}（${count}）`;
    }
  }
}
