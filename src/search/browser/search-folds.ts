/**
 * On a phone the search form's syntax help and filters would push the first
 * result below the screen: once a search is asked, both fold to a line each
 * (<details>, which open and close without JavaScript too), and the filters'
 * line names the ones chosen, so a narrowed search says so while folded.
 */
import { aroundDays } from '../shared/filters.ts';

/** Screens this narrow fold the form once a search is asked (the site's one breakpoint). */
const NARROW = '(max-width: 40em)';

/** The folds of the search form. */
const FOLDS = ['#search-syntax', '#search-options'] as const;

/** An option's label without the count a complete answer adds to it (filter-counts.ts). */
const labelOf = (option: HTMLOptionElement): string => option.dataset['label'] ?? option.textContent;

/**
 * The filters chosen in the form, as its folded line names them, or '' when none is.
 * @example chosenFilters(form) // '：南通日报、2024-01-01 起、图片'
 */
export function chosenFilters(form: HTMLFormElement): string {
  const field = (name: string): Element | RadioNodeList | null => form.elements.namedItem(name);
  const chosen = (name: string): string => {
    const select = field(name);
    return select instanceof HTMLSelectElement && select.selectedIndex > 0
      ? labelOf(select.options[select.selectedIndex] as HTMLOptionElement)
      : '';
  };
  const day = (name: string): string => {
    const input = field(name);
    return input instanceof HTMLInputElement ? input.value : '';
  };
  const [from, to] = [day('from'), day('to')];
  const days = from && to ? `${from} 至 ${to}` : from ? `${from} 起` : to ? `至 ${to}` : '';
  const parts = [...aroundDays(({ id }) => chosen(id), days), chosen('sort')].filter(Boolean);
  return parts.length > 0 ? `：${parts.join('、')}` : '';
}

/** Writes the chosen filters into the folded line of the filters. */
export function showChosenFilters(form: HTMLFormElement): void {
  const line = form.querySelector('#search-chosen');
  if (line) line.textContent = chosenFilters(form);
}

/** Folds the syntax help and the filters on a narrow screen, once a search is asked. */
export function foldForm(form: HTMLFormElement): void {
  if (!matchMedia(NARROW).matches) return;
  for (const selector of FOLDS) {
    const fold = form.querySelector(selector);
    if (fold instanceof HTMLDetailsElement) fold.open = false;
  }
}
