/**
 * How the archive is split by paper and period: the bulk data and the
 * sitemaps by paper and year (shardOf), the search index by paper and
 * half-year with the months of the newest half-year apart (searchShardFor).
 * One module, so that every part of the site agrees on where a story's date
 * puts it.
 *
 * The search index is split into shards, one Pagefind index per paper and
 * half-year, so that indexing memory is bounded by half a paper-year rather
 * than the whole archive, a changed page re-indexes only its own shard, and
 * a search filtered by paper or years loads only the shards it needs. The
 * browser reads the shards it needs (src/search/pagefind/shard-search.ts).
 *
 * Why half-years: Pagefind's memory while it writes an index grows with the
 * printed pages of trigram words it holds (src/search/pagefind/index-pages.ts), and
 * shards are indexed two at a time. A search asks one half-year at a time, so
 * the shards it asks at once are as many as with year shards, each with half
 * the metadata. A paper that prints more than SHARD_STORIES stories in half a
 * year has that half-year indexed in parts of whole months, asked together.
 *
 * Each month of the archive's newest half-year is indexed apart, in one
 * small "recent" shard for every paper (recent-2025-02): an archive grows by
 * its newest day, and adding a day's pages then re-indexes a month of pages
 * instead of a half-year, and the first page of a new month starts a shard
 * of its own, leaving the months before as they were written. Only the
 * first page of a new half-year (twice a year) puts the half-year before
 * into its papers' half-year shards. One shard per month for all papers, not
 * one per paper, because every shard a search asks costs an index chunk per
 * query word. Each is a period of its own, its month within its half-year
 * ('2025-1-02'), so that a search asks the newest month alone first: a
 * common word fills a first page of results at the cost of one shard, not of
 * every paper's half-year.
 */

/** What the id of a recent shard (a month of the newest half-year, every paper's) begins with. */
const RECENT = 'recent-';

/**
 * Whether a search shard is a month of the newest half-year, which a day's
 * pages change, rather than a paper's half-year, which they do not.
 * @example isRecentShard('recent-2025-02') // true
 */
export function isRecentShard(id: string): boolean {
  return id.startsWith(RECENT);
}

/** One shard: its folder under /pagefind/ and what it holds. */
export interface Shard {
  id: string;
  /** The paper whose stories it holds; empty in a recent shard, which holds every paper's. */
  paper: string;
  year: string;
  /**
   * The span of time a search asks at once, in order: a half-year ('2025-1'
   * for January to June, '2025-2' for July to December), a month of the
   * newest half-year within it ('2025-1-02', a recent shard's), or for the
   * paper-year parts of the bulk data and sitemaps the year.
   */
  period: string;
}

/** A story as sharding sees it. */
interface Dated {
  paper: string;
  date: string;
}

/**
 * The paper-year a story belongs to: its part of the bulk data and the
 * sitemap, which are split by paper and year.
 * @example shardOf({ paper: 'jhwb', date: '2025-02-06' }) // { id: 'jhwb-2025', paper: 'jhwb', year: '2025', period: '2025' }
 */
export function shardOf(story: Dated): Shard {
  const year = story.date.slice(0, 4);
  return { id: `${story.paper}-${year}`, paper: story.paper, year, period: year };
}

/**
 * The first and last day of a period ('2024', '2024-1', '2024-1-02').
 * @example periodDays('2024-1-02') // ['2024-02-01', '2024-02-29']
 */
export function periodDays(period: string): [string, string] {
  const [year = '', half, month] = period.split('-');
  if (month) return [`${year}-${month}-01`, `${year}-${month}-${new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()}`];
  return [`${year}-${half === '2' ? '07-01' : '01-01'}`, `${year}-${half === '1' ? '06-30' : '12-31'}`];
}

/**
 * The half-year of a date, as a period.
 * @example halfYearOf('2025-07-01') // '2025-2'
 */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}-${date.slice(5, 7) <= '06' ? 1 : 2}`;
}

/**
 * Most stories a paper's half-year shard holds. A daily that prints more in
 * half a year (one of sixteen pages or more) has its half-year indexed in
 * parts of whole months, each within this, since an indexing process's
 * memory grows with its shard: a slice of such a paper-year (src/build/slices.ts)
 * would otherwise need more than one machine has. The parts keep the
 * half-year as their period, so a search asks them together, as one shard.
 */
export const SHARD_STORIES = 8_000;

/**
 * The parts of one paper's half-year: its months in order, grouped so that
 * each group holds at most SHARD_STORIES stories (a month holding more is a
 * part alone), each month with the suffix of its part's id ('' when the
 * half-year is one part; else '-' and the part's first month).
 * @example halfYearParts(new Map([['01', 5000], ['02', 5000]])) // Map { '01' => '-01', '02' => '-02' }
 */
export function halfYearParts(monthStories: ReadonlyMap<string, number>): Map<string, string> {
  const parts: string[][] = [];
  let held = 0;
  for (const month of [...monthStories.keys()].sort()) {
    const stories = monthStories.get(month) ?? 0;
    const last = parts.at(-1);
    if (last && held + stories <= SHARD_STORIES) {
      last.push(month);
      held += stories;
    } else {
      parts.push([month]);
      held = stories;
    }
  }
  return new Map(parts.flatMap((months) => months.map((month) => [month, parts.length > 1 ? `-${months[0]}` : ''] as const)));
}

/**
 * How the search index files stories: those of each month of the archive's
 * newest half-year (over every paper) in that month's recent shard, the
 * others by paper and half-year, a half-year of more than SHARD_STORIES
 * stories in parts of whole months.
 * @param dates what says the archive's newest date: its stories, or its editions
 * @param stories the stories counted for the parts: every story of each paper's half-year that is filed
 * @example searchShardFor(stories)({ paper: 'jhwb', date: '2025-02-06' }) // { id: 'recent-2025-02', paper: '', year: '2025', period: '2025-1-02' } when 2025 is the newest half-year
 * @example searchShardFor(stories)({ paper: 'jhwb', date: '2024-08-01' }) // { id: 'jhwb-2024h2', paper: 'jhwb', year: '2024', period: '2024-2' }
 * @example searchShardFor(stories)({ paper: 'rmrb', date: '2024-03-05' }) // { id: 'rmrb-2024h1-03', paper: 'rmrb', year: '2024', period: '2024-1' } when rmrb printed more than SHARD_STORIES stories from January to June 2024
 */
export function searchShardFor(dates: Iterable<Dated>, stories: Iterable<Dated> = dates): (story: Dated) => Shard {
  let newest = '';
  for (const { date } of dates) if (date > newest) newest = date;
  const newestHalf = newest ? halfYearOf(newest) : '';
  // Each paper's half-year, by its id without a part, with its stories by month.
  const halfYearId = (paper: string, period: string): string => `${paper}-${period.replace('-', 'h')}`;
  const counts = new Map<string, Map<string, number>>();
  for (const { paper, date } of stories) {
    const period = halfYearOf(date);
    if (period === newestHalf) continue;
    const months = counts.get(halfYearId(paper, period)) ?? new Map<string, number>();
    months.set(date.slice(5, 7), (months.get(date.slice(5, 7)) ?? 0) + 1);
    counts.set(halfYearId(paper, period), months);
  }
  const parts = new Map([...counts].map(([id, months]) => [id, halfYearParts(months)]));
  return (story) => {
    const period = halfYearOf(story.date);
    const month = story.date.slice(0, 7);
    if (period === newestHalf) {
      return { id: `${RECENT}${month}`, paper: '', year: month.slice(0, 4), period: `${period}-${month.slice(5)}` };
    }
    const half = halfYearId(story.paper, period);
    const id = `${half}${parts.get(half)?.get(month.slice(5)) ?? ''}`;
    return { id, paper: story.paper, year: period.slice(0, 4), period };
  };
}

/**
 * The distinct shards of a set of stories, sorted by id.
 * @example shardsOf([{ paper: 'ntrb', date: '2024-01-24' }, { paper: 'jhwb', date: '2025-02-06' }]).map((s) => s.id) // ['jhwb-2025', 'ntrb-2024']
 */
export function shardsOf<T extends Dated>(stories: Iterable<T>, shardFor: (story: T) => Shard = shardOf): Shard[] {
  return groupByShard(stories, (story) => story, shardFor).map(({ shard }) => shard);
}

/**
 * The shards a search must read: those of the chosen paper (all when empty)
 * and the recent shard, within the years of the chosen days or years (open
 * ends when empty).
 * @example selectShards(shards, { paper: 'jhwb', from: '', to: '' })
 */
export function selectShards(shards: readonly Shard[], choice: { paper: string; from: string; to: string }): Shard[] {
  return shards.filter(
    (shard) =>
      (!choice.paper || !shard.paper || shard.paper === choice.paper) &&
      (!choice.from || shard.year >= choice.from.slice(0, 4)) &&
      (!choice.to || shard.year <= choice.to.slice(0, 4)),
  );
}

/**
 * Groups items by shard (paper-year unless `shardFor` says otherwise), groups
 * sorted by shard id, items in their given order.
 * @example groupByShard(articles, (a) => a.data).map((g) => g.shard.id) // ['jhwb-2025', 'ntrb-2024']
 */
export function groupByShard<T, S extends Dated>(
  items: Iterable<T>,
  storyOf: (item: T) => S,
  shardFor: (story: S) => Shard = shardOf,
): { shard: Shard; items: T[] }[] {
  const groups = new Map<string, { shard: Shard; items: T[] }>();
  for (const item of items) {
    const shard = shardFor(storyOf(item));
    const group = groups.get(shard.id);
    if (group) group.items.push(item);
    else groups.set(shard.id, { shard, items: [item] });
  }
  return [...groups.values()].sort((a, b) => a.shard.id.localeCompare(b.shard.id));
}
