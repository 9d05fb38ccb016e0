/**
 * How many of its page mates a story page lists at most: a page of ten or so
 * stories is listed whole, while a listings page of thousands of briefs
 * lists those nearest the story and links to the edition's list of the
 * page, so every story page stays small and the site grows linearly with
 * the stories of a page.
 */
export const SAME_PAGE_SHOWN = 12;

/**
 * The items of a list nearest the one at `at`, without it, at most `count`,
 * in list order: as many before as after where the list allows.
 * @example nearest(['a', 'b', 'c', 'd', 'e'], 0, 2) // ['b', 'c']
 */
export function nearest<T>(items: readonly T[], at: number, count: number): T[] {
  const others = items.length - 1;
  if (others <= count) return items.filter((_, i) => i !== at);
  const start = Math.min(Math.max(0, at - Math.floor(count / 2)), items.length - count - 1);
  return items.slice(start, start + count + 1).filter((_, i) => start + i !== at);
}
