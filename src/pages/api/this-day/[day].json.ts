import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { jsonFile } from '../../../data/bulk-article.ts';
import { cacheKey } from '../../../data/cache-key.ts';
import { editionPath, thisDayPath } from '../../../data/paths.ts';
import { renderChanged } from '../../../data/render-plan.ts';
import { getEditionsByDay } from '../../../data/this-day.ts';

export const getStaticPaths = (async () =>
  renderChanged(
    'this-day',
    [...(await getEditionsByDay())].map(([day, editions]) => ({ params: { day }, props: { editions }, cacheKey: cacheKey({ editions }) })),
    ({ params }) => thisDayPath(params.day),
  )) satisfies GetStaticPaths;

/** 历史上的今天 for one month and day: its editions in every year, newest first (what the home page's script shows for the reader's today). */
export const GET = (({ params, props }) =>
  jsonFile({
    day: params.day,
    editions: props.editions.map((e) => ({ ...e, url: editionPath(e.paper, e.date) })),
  })) satisfies APIRoute<InferGetStaticPropsType<typeof getStaticPaths>>;
