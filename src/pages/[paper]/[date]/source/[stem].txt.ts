import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPrintedPages } from '../../../../data/editions.ts';
import { getWithdrawnLines } from '../../../../data/former-links.ts';
import { cacheKey } from '../../../../data/cache-key.ts';
import { fileStem, sourceTextPath } from '../../../../data/paths.ts';
import { renderChanged } from '../../../../data/render-plan.ts';
import { readSourceBytes, sourceDigest, withdrawnLinesOut } from '../../../../data/source-pages.ts';

export const getStaticPaths = (async () => {
  const withdrawnFrom = await getWithdrawnLines();
  return renderChanged(
    'source-text',
    (await getPrintedPages()).map((page) => {
      const withdrawn = withdrawnFrom.get(page.path) ?? [];
      return {
        params: { paper: page.paper, date: page.date, stem: fileStem(page.file) },
        props: { path: page.path, url: sourceTextPath(page.paper, page.date, page.file), withdrawn },
        // GET reads the file itself, so its bytes go into the key, not just the path.
        cacheKey: cacheKey({ path: page.path, bytes: sourceDigest(page.path), ...(withdrawn.length > 0 ? { withdrawn } : {}) }),
      };
    }),
    ({ props }) => props.url,
  );
}) satisfies GetStaticPaths;

/** The raw page exactly as stored, byte for byte, but for the lines of stories withdrawn from it. */
export const GET = (({ props }) => {
  const { path, withdrawn } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(new Uint8Array(withdrawnLinesOut(readSourceBytes(path), withdrawn)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}) satisfies APIRoute;
