/**
 * The search index is split into shards, one Pagefind index per paper and
 * year, so that indexing memory is bounded by one paper-year rather than the
 * whole archive, a new page re-indexes only its own shard, and a search
 * filtered by paper or years loads only the shards it needs. The browser
 * merges the shards it needs with Pagefind's own multisite merging.
 */

/** One shard: its folder under /pagefind/ and what it holds. */
export interface Shard {
  id: string;
  paper: string;
  year: string;
}

/**
 * The shard a story is indexed in.
 * @example shardOf({ paper: 'jhwb', date: '2025-02-06' }) // { id: 'jhwb-2025', paper: 'jhwb', year: '2025' }
 */
export function shardOf(story: { paper: string; date: string }): Shard {
  const year = story.date.slice(0, 4);
  return { id: `${story.paper}-${year}`, paper: story.paper, year };
}

/**
 * The distinct shards of a set of stories, sorted by id.
 * @example shardsOf([{ paper: 'ntrb', date: '2024-01-24' }, { paper: 'jhwb', date: '2025-02-06' }]).map((s) => s.id) // ['jhwb-2025', 'ntrb-2024']
 */
export function shardsOf(stories: Iterable<{ paper: string; date: string }>): Shard[] {
  const byId = new Map<string, Shard>();
  for (const story of stories) {
    const shard = shardOf(story);
    byId.set(shard.id, shard);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The shards a search must read: those of the chosen paper (all when empty)
 * within the chosen years (open ends when empty).
 * @example selectShards(shards, { paper: 'jhwb', from: '', to: '' })
 */
export function selectShards(shards: readonly Shard[], choice: { paper: string; from: string; to: string }): Shard[] {
  return shards.filter(
    (shard) =>
      (!choice.paper || shard.paper === choice.paper) &&
      (!choice.from || shard.year >= choice.from) &&
      (!choice.to || shard.year <= choice.to),
  );
}

/** Site path of a shard's Pagefind index. */
export function shardPath(id: string): string {
  return `/pagefind/${id}/`;
}

/**
 * Groups items by the shard of their paper and date, groups sorted by shard
 * id, items in their given order. The bulk data and the sitemap are split the
 * same way as the search index.
 * @example groupByShard(articles, (a) => a.data).map((g) => g.shard.id) // ['jhwb-2025', 'ntrb-2024']
 */
export function groupByShard<T>(items: Iterable<T>, storyOf: (item: T) => { paper: string; date: string }): { shard: Shard; items: T[] }[] {
  const groups = new Map<string, { shard: Shard; items: T[] }>();
  for (const item of items) {
    const shard = shardOf(storyOf(item));
    const group = groups.get(shard.id);
    if (group) group.items.push(item);
    else groups.set(shard.id, { shard, items: [item] });
  }
  return [...groups.values()].sort((a, b) => a.shard.id.localeCompare(b.shard.id));
}
