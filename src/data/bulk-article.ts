import type { BulkArticle } from '../archive/item-schema.ts';
import type { Article } from './articles.ts';
import { paragraphsOf } from './item-body.ts';

/**
 * One item as the public bulk data publishes it (item-schema.ts's
 * bulkArticleSchema; docs/searchers.md, "Bulk data"), its fields in the order the files
 * print them.
 */
export function bulkArticle({ data }: Article): BulkArticle {
  return {
    id: data.id,
    url: data.url,
    paper: data.paper,
    paperName: data.paperName,
    date: data.date,
    page: data.page,
    pageName: data.pageName,
    kind: data.kind,
    title: data.title,
    kicker: data.kicker,
    headline: data.headline,
    subtitle: data.subtitle,
    column: data.column,
    dateline: data.dateline,
    byline: data.byline,
    bylines: data.bylines,
    credit: data.credit,
    credits: data.credits,
    continuedFrom: data.continuedFrom,
    continuesOn: data.continuesOn,
    endnotes: data.endnotes,
    sections: data.sections,
    paragraphs: paragraphsOf(data),
    source: { file: data.source.file, lines: data.source.lines },
  };
}

/** A JSON response as the bulk data files are written: indented, final newline. */
export function jsonFile(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
