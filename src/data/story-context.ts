import { getArticles, type Article } from './articles.ts';
import { getEditionNeighbours, type EditionNeighbours } from './edition-neighbours.ts';
import { getEditions, getPrintedPages } from './editions.ts';
import { editionJumps, type StoryJumps } from './jumps.ts';
import { nearest, SAME_PAGE_SHOWN } from './page-mates.ts';

/** What a story page shows around the story itself. */
export interface StoryContext {
  /** 0-based position of the item's printed page in its edition. */
  pageIndex: number;
  /** Item before it in print order (same paper), if any. */
  previous: Article | null;
  /** Item after it in print order (same paper), if any. */
  next: Article | null;
  /** Other items of the same page nearest it, at most SAME_PAGE_SHOWN, in print order. */
  samePage: Article[];
  /** How many other items the page holds. */
  samePageTotal: number;
  /** Where its 上接 and 下转 markers lead (./jumps.ts), or null when it prints neither. */
  jumps: StoryJumps | null;
  /** The paper's editions before and after the story's own. */
  editions: EditionNeighbours;
}

let contexts: Promise<Map<string, StoryContext>> | undefined;

/** Contexts of every item, built in one pass so large archives stay linear. */
async function buildContexts(): Promise<Map<string, StoryContext>> {
  const result = new Map<string, StoryContext>();
  const jumps = editionJumps(await getEditions());
  const all = await getArticles();
  for (const page of await getPrintedPages()) {
    const editions = await getEditionNeighbours(page.paper, page.date);
    page.items.forEach((article, i) => {
      const samePage = nearest(page.items, i, SAME_PAGE_SHOWN);
      result.set(article.id, {
        pageIndex: page.pageIndex,
        previous: null,
        next: null,
        samePage,
        samePageTotal: page.items.length - 1,
        jumps: jumps.get(article.id) ?? null,
        editions,
      });
    });
  }
  all.forEach((article, i) => {
    const context = result.get(article.id);
    const before = all[i - 1];
    const after = all[i + 1];
    if (!context) return;
    if (before?.data.paper === article.data.paper) context.previous = before;
    if (after?.data.paper === article.data.paper) context.next = after;
  });
  return result;
}

/** Neighbours (same paper, print order), page mates and jumps of one item. */
export async function getStoryContext(article: Article): Promise<StoryContext> {
  contexts ??= buildContexts();
  const context = (await contexts).get(article.id);
  if (!context) throw new Error(`no printed page holds ${article.id}`);
  return context;
}
