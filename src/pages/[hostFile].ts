import type { APIRoute, GetStaticPaths } from 'astro';
import { getFormerLinks } from '../data/former-links.ts';
import { headersFile, redirectsFile } from '../data/host-files.ts';

/** `_headers` and `_redirects` for hosts that read them (see src/data/host-files.ts); a route file cannot be named with a leading _. */
export const getStaticPaths = (async () => {
  const onward = (await getFormerLinks()).flatMap((l) => (l.status === 'retired' ? [] : [{ from: l.from, to: l.to }]));
  return [
    { params: { hostFile: '_headers' }, props: { body: headersFile() } },
    { params: { hostFile: '_redirects' }, props: { body: redirectsFile(onward) } },
  ];
}) satisfies GetStaticPaths;

export const GET = (({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })) satisfies APIRoute<{ body: string }>;
