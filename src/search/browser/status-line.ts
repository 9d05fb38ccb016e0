/**
 * The words of the search page's status line (a live region): how many
 * stories were found, how many the whole answer holds as far as known, and
 * while a search goes on, which years are asked.
 */
import { describeQuery, type QueryTerm } from '../shared/query.ts';
import { filling, type SearchProgress } from './run-search.ts';
import { answerSize } from './timeline.ts';

/** A period as the status line says it: '2024-1' → 2024 年上半年, '2024-1-02' → 2024 年 2 月, '2024' → 2024 年. */
function periodLabel(period: string): string {
  const [year, half, month] = period.split('-');
  if (month) return `${year} 年 ${Number(month)} 月`;
  return `${year} 年${half === '1' ? '上半年' : half === '2' ? '下半年' : ''}`;
}

/**
 * The span of time a list of periods (in time order) covers, as the status
 * line says it.
 * @example spanOf(['2024-1', '2024-2', '2025-1']) // '2024 年上半年至 2025 年上半年'
 */
export function spanOf(periods: string[]): string {
  const sorted = [...periods].sort();
  const first = periodLabel(sorted[0] ?? '');
  const last = periodLabel(sorted.at(-1) ?? '');
  return first === last ? first : `${first}至 ${last}`;
}

/** What the search page is doing with a search: going on by itself, stopped by the reader, or waiting for 继续查找. */
export type SearchActivity = 'searching' | 'stopped' | 'waiting';

/**
 * How far a search shown has come, carried by the status line as its
 * data-stage for what watches the page rather than reads it (the search
 * benchmark), so that nothing has to match the line's words: filling (the
 * first page of results is not full yet, the search goes on), going-on (a
 * page of results is shown, the search goes on by itself), settled (it goes
 * no further by itself: done, stopped, or waiting for 继续查找).
 */
export type SearchStage = 'filling' | 'going-on' | 'settled';

/**
 * The stage of a search shown with this progress and activity.
 * @example searchStage(progress, 'waiting') // 'settled'
 */
export function searchStage(progress: SearchProgress, activity: SearchActivity): SearchStage {
  if (activity !== 'searching') return 'settled';
  return filling(progress) ? 'filling' : 'going-on';
}

/**
 * What the status line says about a search's progress. While the page of
 * results being filled is not full and the search goes on, it begins with
 * 正在查找 (the page is not answered yet); a size not yet known is 尚未查完,
 * never 约 0.
 * @example describeProgress(progress, parseQuery('南通'), 'waiting') // '找到 3 篇包含“南通”的文章。'
 */
export function describeProgress(progress: SearchProgress, terms: readonly QueryTerm[], activity: SearchActivity = 'waiting'): string {
  const what = `${describeQuery(terms)}的文章`;
  const found = progress.hits.length;
  if (progress.done) return found > 0 ? `找到 ${found} 篇${what}。` : `没有找到${what}。`;
  const asked = progress.spans.map((span) => span.period);
  let where: string;
  if (progress.periodsLeft.length > 0) {
    const left = activity === 'searching' ? `正在查 ${spanOf(progress.periodsLeft)}` : `${spanOf(progress.periodsLeft)}未查`;
    where = asked.length > 0 ? `${spanOf(asked)}已查；${left}` : left;
  } else {
    const size = answerSize(progress);
    where = size ? `全部约 ${size.count} 篇` : '全部篇数尚未查完';
    if (activity !== 'searching') where += '，其余可点“继续查找”列出';
  }
  if (activity === 'searching' && filling(progress)) return `正在查找${what}：已列出 ${found} 篇（${where}）。`;
  const stopped = activity === 'stopped' ? '已停止。' : '';
  return `${stopped}已列出 ${found} 篇${what}（${where}）。`;
}
