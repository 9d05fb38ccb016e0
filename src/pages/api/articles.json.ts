import type { APIRoute } from 'astro';
import { getArticles } from '../../data/archive.ts';

/**
 * The archive's public bulk data: every item in print order. The shape is
 * documented in README ("Bulk data"); fields are only ever added.
 */
export const GET = (async () => {
  const articles = (await getArticles()).map(({ data }) => ({
    id: data.id,
    url: data.url,
    paper: data.paper,
    paperName: data.paperName,
    date: data.date,
    page: data.page,
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
    sections: data.sections,
    paragraphs: data.paragraphs,
    source: { file: data.source.file, lines: data.source.lines },
  }));
  return new Response(`${JSON.stringify({ articles }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}) satisfies APIRoute;
