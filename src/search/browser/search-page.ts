/**
 * Wires the search page: reads the form's state from the address bar, runs
 * searches as the researcher types (replaceState) or submits (pushState),
 * restores them on back/forward, and announces the result count. Once the
 * first page of results is shown, a search goes on by itself through every
 * span of time (newest first, or oldest first) to draw the timeline, and
 * lists the rest of the answer when little is left to read, until the
 * reader stops it; 继续查找 pages through a long answer.
 */
import { readFoldTable, type FoldTable } from '../../archive/fold-text.ts';
import { renderResult } from './render-results.ts';
import { SEARCH_FILTERS } from '../shared/filters.ts';
import { foldTerms, type FoldedTerm } from '../shared/match.ts';
import { filling, type Search } from './run-search.ts';
import { searchClient } from './search-client.ts';
import { readState, writeState, type SearchState } from './search-state.ts';
import type { Shard } from '../../data/partitions.ts';
import { describeProgress, searchStage, type SearchActivity } from './status-line.ts';
import { renderTimeline } from './render-timeline.ts';
import { showFilterCounts } from './filter-counts.ts';
import { offerChosen } from './answer-choices.ts';
import { timelineBars } from './timeline.ts';
import { countWords, noHitsHelp } from './no-hits.ts';
import { renderNoHits } from './render-no-hits.ts';
import { foldForm, showChosenFilters } from './search-folds.ts';

/**
 * Most candidate pages a search reads by itself once every span was asked:
 * an answer with this few left to read is listed whole without a click (a
 * page's fragment is a few KB), a longer one waits for 继续查找.
 */
const AUTO_READ_PAGES = 24;

const form = document.querySelector<HTMLFormElement>('#search-form');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const moreButton = document.querySelector<HTMLButtonElement>('#search-more');
const stopButton = document.querySelector<HTMLButtonElement>('#search-stop');
const timeline = document.querySelector<HTMLElement>('#search-timeline');
const timelineBarsList = document.querySelector<HTMLOListElement>('#search-timeline-bars');
const noHits = document.querySelector<HTMLElement>('#search-none');

/** Shows the form's fields for a state. */
function showState(state: SearchState, into: HTMLFormElement): void {
  for (const { id, choices } of SEARCH_FILTERS) {
    const field = into.elements.namedItem(id);
    if (choices === 'answer' && field instanceof HTMLSelectElement) offerChosen(field, state[id]);
  }
  for (const [name, value] of Object.entries(state)) {
    const field = into.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
  showChosenFilters(into);
}

/** Reads the state the form shows. */
function formState(from: HTMLFormElement): SearchState {
  const data = new FormData(from);
  const search = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string') search.set(name, value);
  return readState(`?${search.toString()}`);
}

/**
 * Sets aside filters of the address that the form does not offer (a
 * mistyped or retired paper=…), so the search runs over everything instead
 * of silently finding nothing, shows 不限 in the form, and says which. A
 * filter taking its choices from the answer offers any value (an author
 * who wrote nothing the query finds gets 没有找到, and the help's 不限作者).
 */
function knownFilters(state: SearchState, into: HTMLFormElement): { state: SearchState; note: string } {
  const next = { ...state };
  const unknown: string[] = [];
  for (const { id, label, choices } of SEARCH_FILTERS) {
    const field = into.elements.namedItem(id);
    if (
      state[id] === '' ||
      choices === 'answer' ||
      !(field instanceof HTMLSelectElement) ||
      [...field.options].some((o) => o.value === state[id])
    )
      continue;
    unknown.push(`${label}“${state[id]}”`);
    next[id] = '';
    // The form shows what is searched: 不限.
    field.value = '';
  }
  return { state: next, note: unknown.length > 0 ? `没有${unknown.join('、')}这一筛选项，已按不限查找。` : '' };
}

if (form && status && list && moreButton && stopButton && timeline && timelineBarsList && noHits) {
  const foldPairs = form.dataset['foldTable'] ?? '';
  const table: FoldTable = readFoldTable(foldPairs);
  // Searches run in a worker: Pagefind and the check of every story never hold up the page.
  const client = searchClient(foldPairs);
  const shards = JSON.parse(form.dataset['shards'] ?? '[]') as Shard[];
  let latest = 0;
  /** The search shown: its terms and state, and the links of the results drawn, in order. */
  let current:
    { search: Search; terms: FoldedTerm[]; run: number; state: SearchState; note: string; stopped: boolean; drawn: string[] } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // True while the current history entry holds a finished search: the next
  // change gets its own entry, so Back returns to it; keystrokes after that
  // only replace the entry they started.
  let settled = true;

  /**
   * Shows where a search stands: the results (those of the page being
   * filled drawn again where a step ranked them anew), the status line, the
   * timeline and the buttons. Returns the results drawn.
   */
  const show = (shown: NonNullable<typeof current>, progress: Search['progress'], activity: SearchActivity): HTMLLIElement[] => {
    let same = 0;
    while (same < shown.drawn.length && shown.drawn[same] === progress.hits[same]?.record.url) same += 1;
    for (const stale of [...list.children].slice(same)) stale.remove();
    const added = progress.hits.slice(same).map(renderResult);
    list.append(...added);
    shown.drawn = progress.hits.map((hit) => hit.record.url);
    status.textContent = `${shown.note}${describeProgress(progress, shown.terms, activity)}`;
    status.dataset['stage'] = searchStage(progress, activity);
    const bars = timelineBars(progress);
    // One bar says nothing about time, and bars with nothing found or estimated say nothing at all.
    timeline.hidden = bars.length < 2 || !bars.some((bar) => bar.count > 0);
    renderTimeline(timelineBarsList, bars, shown.state);
    stopButton.hidden = activity !== 'searching';
    moreButton.hidden = progress.done || activity === 'searching';
    showFilterCounts(form, progress.done ? progress.hits : null);
    return added;
  };

  /** Whether a search is still the one shown and not stopped. */
  const live = (shown: NonNullable<typeof current>): boolean => shown.run === latest && !shown.stopped;

  /** Reads on until the page of results being filled is full or the answer complete (or the search stopped or replaced). */
  const fill = async (shown: NonNullable<typeof current>, from: Search['progress']): Promise<Search['progress']> => {
    let progress = from;
    while (live(shown) && filling(progress)) {
      show(shown, progress, 'searching');
      progress = await shown.search.more();
    }
    return progress;
  };

  /**
   * For a search that found nothing, offers the query as compared, each
   * word alone and the search without each filter; then counts each word
   * alone as far as the index and a first page of results tell, one at a
   * time, until a newer search starts.
   */
  const offerHelp = async (shown: NonNullable<typeof current>): Promise<void> => {
    const help = noHitsHelp(shown.state, shown.terms);
    const counts = renderNoHits(noHits, help);
    try {
      await countWords(
        help.words,
        (word) => client.start(word.state, foldTerms(word.state.q, table), shards),
        () => shown.run === latest,
        (word, label) => {
          const count = counts.get(word.label);
          if (count) count.textContent = `（${label}）`;
        },
      );
    } catch (error) {
      // A count is help, not the answer: the answer stands, and a newer search ends these anyway.
      if (shown.run !== latest) return;
      for (const count of counts.values()) if (count.textContent === '（正在统计）') count.textContent = '';
      console.error(error);
    }
  };

  /**
   * Goes on by itself: fills the first page of results, asks every span not
   * asked yet (the index alone, no page read) for the timeline, then reads
   * the rest of the answer when little is left, until done, stopped or
   * replaced by a newer search.
   */
  const goOn = async (shown: NonNullable<typeof current>): Promise<void> => {
    let progress = await fill(shown, shown.search.progress);
    while (live(shown) && progress.periodsLeft.length > 0) {
      show(shown, progress, 'searching');
      progress = await shown.search.survey();
    }
    while (live(shown) && !progress.done && progress.candidates - progress.checkedPages <= AUTO_READ_PAGES) {
      show(shown, progress, 'searching');
      progress = await shown.search.more();
    }
    if (shown.run === latest) show(shown, progress, shown.stopped ? 'stopped' : 'waiting');
    if (shown.run === latest && progress.done && progress.hits.length === 0) await offerHelp(shown);
  };

  const search = async (asked: SearchState): Promise<void> => {
    const run = ++latest;
    const { state, note } = knownFilters(asked, form);
    const terms = foldTerms(state.q, table);
    current = undefined;
    delete status.dataset['stage'];
    moreButton.hidden = true;
    stopButton.hidden = true;
    timeline.hidden = true;
    noHits.hidden = true;
    showFilterCounts(form, null);
    showChosenFilters(form);
    if (!terms.some((term) => !term.exclude)) {
      list.replaceChildren();
      status.textContent = terms.length > 0 ? '请至少输入一个要查找的词：“-词”只用来排除。' : state.q ? '请输入要查找的文字。' : '';
      return;
    }
    status.textContent = '正在搜索…';
    list.setAttribute('aria-busy', 'true');
    try {
      const started = await client.start(state, terms, shards);
      if (run !== latest) return;
      const shown = { search: started, terms, run, state, note, stopped: false, drawn: [] };
      current = shown;
      list.replaceChildren();
      show(shown, started.progress, started.progress.done ? 'waiting' : 'searching');
      list.removeAttribute('aria-busy');
      await goOn(shown);
    } catch (error) {
      if (run !== latest) return;
      list.replaceChildren();
      status.textContent = '搜索出错，请稍后再试。';
      stopButton.hidden = true;
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

  // Checks the next candidates of a large answer and appends what they hold;
  // focus moves to the first new result so keyboard users land on it.
  moreButton.addEventListener('click', () => {
    const shown = current;
    if (!shown) return;
    moreButton.disabled = true;
    list.setAttribute('aria-busy', 'true');
    const before = shown.search.progress.hits.length;
    void shown.search
      .more()
      .then((progress) => fill(shown, progress))
      .then((progress) => {
        if (shown.run !== latest) return;
        show(shown, progress, shown.stopped ? 'stopped' : 'waiting');
        list.children[before]?.querySelector('a')?.focus();
      })
      .catch((error: unknown) => {
        status.textContent = '搜索出错，请稍后再试。';
        console.error(error);
      })
      .finally(() => {
        moreButton.disabled = false;
        list.removeAttribute('aria-busy');
      });
  });

  // Stops a search going on by itself once the step under way ends; what was found stays.
  stopButton.addEventListener('click', () => {
    if (current) current.stopped = true;
    stopButton.hidden = true;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (formState(form).q) foldForm(form);
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
    if (state.q) foldForm(form);
    void search(state);
  });
  const initial = readState(window.location.search);
  showState(initial, form);
  if (initial.q) {
    foldForm(form);
    void search(initial);
  }
}
