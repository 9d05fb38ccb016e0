/** An item's body as the pages show it, read from the printed blocks of its raw page. */
import { renderBody, type BodyLead } from '../archive/render-body.ts';
import type { Article } from './articles.ts';
import { printedBody } from './printed-text.ts';

/**
 * The HTML of an item's body, rendered when its page is from the printed
 * blocks of its raw page (see printed-text.ts); the 电头 in linked pieces
 * when they are given.
 */
export function bodyHtml(data: Pick<Article['data'], 'source' | 'dateline'>, datelineParts?: BodyLead['datelineParts']): string {
  return renderBody(printedBody(data), { dateline: data.dateline, datelineParts }).html;
}

/**
 * The paragraph texts of an item, in order (subheads left out).
 * @example paragraphsOf(article.data)[0] // the first paragraph as printed
 */
export function paragraphsOf(data: Pick<Article['data'], 'source'>): string[] {
  return printedBody(data).flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
}
