import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getFeedItems } from '../../data/feed-items.ts';
import { paragraphsOf } from '../../data/item-body.ts';
import { getPaperIndexes } from '../../data/paper-dates.ts';
import { cacheKey } from '../../data/cache-key.ts';
import { absoluteUrl, feedPath, paperPath } from '../../data/paths.ts';
import { renderChanged } from '../../data/render-plan.ts';
import { escapeXml } from '../../data/xml.ts';
import { LANGUAGE } from '../../site/settings.ts';

export const getStaticPaths = (async () =>
  renderChanged(
    'feed',
    await Promise.all(
      (await getPaperIndexes()).map(async ({ paper }) => {
        const props = { paper, items: await getFeedItems(paper.id, 50) };
        // The items' digests cover the first paragraphs the summaries show.
        return { params: { paper: paper.id }, props, cacheKey: cacheKey(props) };
      }),
    ),
    ({ props }) => feedPath(props.paper.id),
  )) satisfies GetStaticPaths;

/** An Atom feed of a paper's latest items. */
export const GET = (({ props, site }) => {
  const { paper, items } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  const updated = `${items[0]?.data.date ?? '1970-01-01'}T00:00:00+08:00`;
  const entries = items.map(({ data }) => {
    const url = absoluteUrl(data.url, site);
    const authors = data.bylines.map((name) => `<author><name>${escapeXml(name)}</name></author>`).join('');
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(data.title.text)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <updated>${data.date}T00:00:00+08:00</updated>${authors}
    <summary>${escapeXml((paragraphsOf(data)[0] ?? '').slice(0, 200))}</summary>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${LANGUAGE}">
  <id>${escapeXml(absoluteUrl(paperPath(paper.id), site))}</id>
  <title>${escapeXml(paper.data.name)} · 南通报纸档案</title>
  <link rel="self" href="${escapeXml(absoluteUrl(feedPath(paper.id), site))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(paperPath(paper.id), site))}"/>
  <author><name>${escapeXml(paper.data.publisher ?? paper.data.name)}</name></author>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}) satisfies APIRoute;
