import type { APIRoute } from 'astro';
import { getArticles } from '../../data/archive.ts';
import { searchRecord } from '../../search/search-record.ts';

/**
 * Every item's printed text as search reads it: build input for
 * scripts/index-search.ts, which turns it into the Pagefind shards and then
 * deletes it, so it is never published.
 */
export const GET = (async () => {
  const records = (await getArticles()).map(({ data }) => searchRecord(data));
  return new Response(JSON.stringify({ records }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}) satisfies APIRoute;
