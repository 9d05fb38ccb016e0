/**
 * The choices of a filter that takes them from the answer (choices 'answer'
 * in ../shared/filters.ts: 版名, 作者), whose values over decades of papers
 * would be thousands of options drawn into every search page. Its <select>
 * holds 全部 and the value chosen (the address may choose any); once an
 * answer is complete, a filter left at 全部 lists the values its results
 * hold, most results first, each with its count as the other filters give
 * theirs (张三（4）).
 */
import type { FilteredStory, SearchFilter } from '../shared/filters.ts';

/** Most values a complete answer lists: enough to narrow by, few enough to scan. */
export const ANSWER_CHOICES = 30;

/**
 * The values the records hold of a filter with the number of records
 * holding each, most first, then by name (in Chinese order), at most ANSWER_CHOICES.
 * @example answerValues(AUTHOR_FILTER, records) // [['王玮丽', 4], ['许丛军', 2]]
 */
export function answerValues(filter: Pick<SearchFilter, 'read'>, records: readonly FilteredStory[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const record of records) for (const value of new Set(filter.read(record))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b, 'zh')).slice(0, ANSWER_CHOICES);
}

/** An option of a value found in an answer, named by itself; `count`, once known, follows it. */
function valueOption(value: string, count?: number): HTMLOptionElement {
  const option = document.createElement('option');
  option.value = value;
  // The label without the count, as the folded line of the filters names a choice (search-folds.ts).
  option.dataset['label'] = value;
  option.textContent = count === undefined ? value : `${value}（${count}）`;
  return option;
}

/**
 * Makes the select offer a value the address chose, which a filter taking
 * its choices from the answer does not draw into the page, so that the form
 * shows and sends it.
 */
export function offerChosen(select: HTMLSelectElement, value: string): void {
  if (value !== '' && ![...select.options].some((option) => option.value === value)) select.append(valueOption(value));
}

/**
 * Lists in the select 全部 and, once an answer is complete (`records` not
 * null) and none is chosen, the values its results hold, with their counts.
 * Otherwise the values listed stay, without counts (they were the answer
 * before's), with the value chosen among them: a reader arrowing through
 * the list starts a search at every step, and must keep the list to go on.
 * A select already listing just these is left alone, so that one a reader
 * has open stays open while a search goes on.
 */
export function listAnswerChoices(
  select: HTMLSelectElement,
  filter: Pick<SearchFilter, 'read'>,
  records: readonly FilteredStory[] | null,
): void {
  const chosen = select.value;
  const [all, ...held] = select.options;
  const listed =
    chosen === '' && records !== null
      ? answerValues(filter, records).map(([value, count]) => valueOption(value, count))
      : held.map((option) => valueOption(option.value));
  if (chosen !== '' && !listed.some((option) => option.value === chosen)) listed.push(valueOption(chosen));
  const shown = (options: Iterable<HTMLOptionElement>): string => JSON.stringify([...options].map((o) => [o.value, o.textContent]));
  if (shown(held) === shown(listed)) return;
  select.replaceChildren(...(all ? [all] : []), ...listed);
  select.value = chosen;
}
