/**
 * Wires the search page: reads the form's state from the address bar, runs
 * searches as the researcher types (replaceState) or submits (pushState),
 * restores them on back/forward, and announces the result count.
 */
import type { FoldTable } from '../archive/fold-text.ts';
import { renderResult } from './render-results.ts';
import { foldTerms, runSearch } from './run-search.ts';
import { readState, writeState, type SearchState } from './search-state.ts';

const form = document.querySelector<HTMLFormElement>('#search-form');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');

/** Shows the form's fields for a state. */
function showState(state: SearchState, into: HTMLFormElement): void {
  for (const [name, value] of Object.entries(state)) {
    const field = into.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
}

/** Reads the state the form shows. */
function formState(from: HTMLFormElement): SearchState {
  const data = new FormData(from);
  const search = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string') search.set(name, value);
  return readState(`?${search.toString()}`);
}

/** Reads the page's fold table: traditional and simplified characters in pairs. */
function readFoldTable(pairs: string): FoldTable {
  const chars = [...pairs];
  const table = new Map<string, string>();
  for (let index = 0; index + 1 < chars.length; index += 2) table.set(chars[index] ?? '', chars[index + 1] ?? '');
  return table;
}

if (form && status && list) {
  const table: FoldTable = readFoldTable(form.dataset['foldTable'] ?? '');
  const years = JSON.parse(form.dataset['years'] ?? '[]') as string[];
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // True while the current history entry holds a finished search: the next
  // change gets its own entry, so Back returns to it; keystrokes after that
  // only replace the entry they started.
  let settled = true;

  const search = async (state: SearchState): Promise<void> => {
    const run = ++latest;
    const { terms, folded } = foldTerms(state.q, table);
    if (terms.length === 0) {
      list.replaceChildren();
      status.textContent = state.q ? '请输入要查找的文字。' : '';
      return;
    }
    status.textContent = '正在搜索…';
    list.setAttribute('aria-busy', 'true');
    try {
      const hits = await runSearch(state, folded, table, years);
      if (run !== latest) return;
      list.replaceChildren(...hits.map(renderResult));
      const quoted = terms.map((term) => `“${term}”`).join('、');
      status.textContent = hits.length > 0 ? `找到 ${hits.length} 篇包含${quoted}的文章。` : `没有找到包含${quoted}的文章。`;
    } catch (error) {
      if (run !== latest) return;
      list.replaceChildren();
      status.textContent = '搜索出错，请稍后再试。';
      console.error(error);
    } finally {
      if (run === latest) list.removeAttribute('aria-busy');
    }
  };

  const update = (submitted: boolean): void => {
    clearTimeout(timer);
    const push = settled;
    settled = submitted;
    const state = formState(form);
    const url = `${window.location.pathname}${writeState(state)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    void search(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });
  form.addEventListener('input', (event) => {
    // Wait for an input method to finish composing a character.
    if (event instanceof InputEvent && event.isComposing) return;
    clearTimeout(timer);
    const typing = event.target instanceof HTMLInputElement && event.target.name === 'q';
    if (typing) timer = setTimeout(() => update(false), 300);
    else update(false);
  });
  // Chrome sends the last input of a composition before compositionend.
  form.addEventListener('compositionend', () => {
    clearTimeout(timer);
    timer = setTimeout(() => update(false), 300);
  });
  window.addEventListener('popstate', () => {
    const state = readState(window.location.search);
    showState(state, form);
    void search(state);
  });
  const initial = readState(window.location.search);
  showState(initial, form);
  if (initial.q) void search(initial);
}
