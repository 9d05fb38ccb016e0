import type { APIRoute } from 'astro';
import { getArticleParts } from '../../data/article-parts.ts';
import { jsonFile } from '../../data/bulk-article.ts';
import { articlePartPath } from '../../data/paths.ts';

/**
 * The index of the public bulk data: one part per paper and year, so that no
 * file grows with the whole archive (a decade of a daily is hundreds of MB).
 */
export const GET = (async () =>
  jsonFile({
    parts: (await getArticleParts()).map(({ shard, articles }) => ({
      paper: shard.paper,
      year: shard.year,
      count: articles.length,
      url: articlePartPath(shard.id),
    })),
  })) satisfies APIRoute;
