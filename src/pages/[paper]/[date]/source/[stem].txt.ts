import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPrintedPages } from '../../../../data/archive.ts';
import { cacheKey } from '../../../../data/cache-key.ts';
import { fileStem, sourceTextPath } from '../../../../data/paths.ts';
import { renderChanged } from '../../../../data/render-plan.ts';
import { readSourceBytes, sourceDigest } from '../../../../data/source-pages.ts';

export const getStaticPaths = (async () =>
  renderChanged(
    'source-text',
    (await getPrintedPages()).map((page) => ({
      params: { paper: page.paper, date: page.date, stem: fileStem(page.file) },
      props: { path: page.path, url: sourceTextPath(page.paper, page.date, page.file) },
      // GET reads the file itself, so its bytes go into the key, not just the path.
      cacheKey: cacheKey({ path: page.path, bytes: sourceDigest(page.path) }),
    })),
    ({ props }) => props.url,
  )) satisfies GetStaticPaths;

/** The raw page exactly as stored, byte for byte. */
export const GET = (({ props }) => {
  const { path } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(new Uint8Array(readSourceBytes(path)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}) satisfies APIRoute;
