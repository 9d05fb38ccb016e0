/**
 * Once an answer is complete, the paper and kind filters say how many of its
 * results each choice holds (南通日报（3）), as Trove's and Impresso's facets
 * do. A filter already narrowed tells nothing of its other choices, so only
 * a filter left at 全部 is counted; a new search puts the labels back.
 */
import type { SearchHit } from './run-search.ts';

/** The filters counted, and the field of a result each one counts. */
const COUNTED = { paper: 'paper', kind: 'kind' } as const;

/** The label an option had before any count was added. */
function baseLabel(option: HTMLOptionElement): string {
  option.dataset['label'] ??= option.textContent ?? '';
  return option.dataset['label'];
}

/**
 * Writes the counts of a complete answer into the form's paper and kind
 * options, or takes them off (`hits` null) while an answer is not complete.
 */
export function showFilterCounts(form: HTMLFormElement, hits: readonly SearchHit[] | null): void {
  for (const [name, field] of Object.entries(COUNTED)) {
    const select = form.elements.namedItem(name);
    if (!(select instanceof HTMLSelectElement)) continue;
    const counted = hits !== null && select.value === '';
    for (const option of select.options) {
      const label = baseLabel(option);
      if (!counted || option.value === '') {
        option.textContent = label;
        continue;
      }
      const count = hits.filter((hit) => hit.record[field] === option.value).length;
      option.textContent = `${label}（${count}）`;
    }
  }
}
