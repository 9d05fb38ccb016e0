/**
 * A search index held in memory: the second implementation of
 * ../shared/search-index.ts, which the unit tests search with, to show that
 * a search needs nothing of Pagefind's. Each story is a group of its own,
 * offered when its folded printed text holds every term of some set in one
 * block: all that the check against the printed text (../shared/match.ts)
 * keeps, and a few more (a field's term is looked for in every block here).
 * A filter offers a story of the value chosen, read as the Pagefind adapter
 * reads it (../shared/filters.ts).
 */
import { foldString, type FoldTable } from '../../archive/fold-text.ts';
import { storyFits } from '../shared/filters.ts';
import type { IndexWriter, SearchIndex } from '../shared/search-index.ts';
import type { SearchRecord } from '../shared/search-record.ts';

/** A story as this index holds it: its record, and its blocks folded. */
interface HeldStory {
  record: SearchRecord;
  folded: string[];
}

/**
 * An empty index folding printed text with `table` (the table the query's
 * terms were folded with); what its writer writes, its search finds.
 * @example const index = memoryIndex(table); await index.writePart('ntrb-2024h1', records); await index.find([['长江口']], {}, ['ntrb-2024h1'], 'score')
 */
export function memoryIndex(table: FoldTable): IndexWriter & SearchIndex {
  const parts = new Map<string, HeldStory[]>();
  const holds = (story: HeldStory, terms: readonly string[]): boolean =>
    terms.every((term) => story.folded.some((block) => block.includes(term)));
  const offered = (story: HeldStory, sets: readonly (readonly string[])[]): boolean =>
    sets.some((terms) => terms.length > 0 && holds(story, terms));
  return {
    writePart: (part, records) => {
      parts.set(
        part,
        records.map((record) => ({ record, folded: record.blocks.map(([, text]) => foldString(text, table)) })),
      );
      return Promise.resolve();
    },
    holders: (termSets, ids) =>
      Promise.resolve(
        termSets.some((terms) => terms.length > 0)
          ? ids.filter((id) => (parts.get(id) ?? []).some((story) => offered(story, termSets)))
          : [...ids],
      ),
    // Asking a part of this index costs nothing: it lists no pages apart.
    listed: () => Promise.resolve(null),
    find: (termSets, filters, ids, order) => {
      const found = ids
        .flatMap((id) => parts.get(id) ?? [])
        .filter(({ record }) => storyFits(record, filters))
        .filter((story) => offered(story, termSets))
        .map(({ record }) => record);
      if (order !== 'score') found.sort((a, b) => (order === 'newest' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)));
      return Promise.resolve({
        count: found.length,
        pages: (start, end) => Promise.resolve(found.slice(start, end).map((record) => [record])),
      });
    },
  };
}
