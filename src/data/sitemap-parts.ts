/** The paths the sitemap lists: the top pages, and the pages of each paper-year. */
import { getEditions } from './editions.ts';
import { getPaperIndexes } from './paper-dates.ts';
import { groupByShard, type Shard } from './partitions.ts';
import { editionPath, paperPath, printedPagePath, sourcePath } from './paths.ts';

/** The site's pages that belong to no paper-year: home and the papers' indexes. */
export async function getTopPaths(): Promise<string[]> {
  return ['/', ...(await getPaperIndexes()).map(({ paper }) => paperPath(paper.id))];
}

/** The pages of one paper-year: its editions, printed pages (版), raw pages and items, in print order. */
export interface SitemapPart {
  shard: Shard;
  paths: string[];
}

/** The site's paper-year pages, one part per paper and year (a sitemap holds at most 50,000 URLs). */
export async function getSitemapParts(): Promise<SitemapPart[]> {
  return groupByShard(await getEditions(), (edition) => edition).map(({ shard, items }) => ({
    shard,
    paths: items.flatMap((e) => [
      editionPath(e.paper, e.date),
      ...e.pages.flatMap((p) => [
        printedPagePath(p.paper, p.date, p.page, p.pageIndex),
        sourcePath(p.paper, p.date, p.file),
        ...p.items.map((a) => a.data.url),
      ]),
    ]),
  }));
}
