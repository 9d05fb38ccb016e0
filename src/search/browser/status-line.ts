/**
 * The words of the search page's status line (a live region): how many
 * stories were found, and while a search is not finished, what was checked
 * and what is left.
 */
import type { SearchProgress } from './run-search.ts';

/**
 * The span of time a list of periods (in time order) covers, as the status
 * line says it.
 * @example spanOf(['2024-1', '2024-2', '2025-1']) // '2024 年上半年至 2025 年上半年'
 */
export function spanOf(periods: string[]): string {
  const label = (period: string): string => {
    const [year, half] = period.split('-');
    return `${year} 年${half === '1' ? '上半年' : half === '2' ? '下半年' : ''}`;
  };
  const first = label(periods[0] ?? '');
  const last = label(periods.at(-1) ?? '');
  return first === last ? first : `${first}至 ${last}`;
}

/**
 * What the status line says about a search's progress.
 * @example describeProgress(progress, ['南通']) // '找到 3 篇包含“南通”的文章。'
 */
export function describeProgress(progress: SearchProgress, terms: string[]): string {
  const quoted = terms.map((term) => `“${term}”`).join('、');
  const found = progress.hits.length;
  if (!progress.done) {
    // Pagefind offers printed pages; how many stories an unread page holds
    // is not known until it is read, so what is left is told in pages.
    const pagesLeft = progress.candidates - progress.checkedPages;
    const left = [
      ...(pagesLeft > 0 ? [`${pagesLeft} 个版面待核对`] : []),
      ...(progress.periodsLeft.length > 0 ? [`${spanOf(progress.periodsLeft)}未查`] : []),
    ].join('、');
    const checked = progress.checkedPages > 0 ? `已逐字核对 ${progress.checkedPages} 个版面上的 ${progress.checked} 篇，` : '';
    return `已找到 ${found} 篇包含${quoted}的文章，尚未查完（${checked}还有 ${left}）。`;
  }
  return found > 0 ? `找到 ${found} 篇包含${quoted}的文章。` : `没有找到包含${quoted}的文章。`;
}
