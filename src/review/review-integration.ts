import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * The parse review as an Astro integration: while `astro dev` runs, /review/
 * lists every raw page of the content folder and /review/<paper>/<date>/<file>/
 * shows one raw page beside its parse. The routes are injected in dev only,
 * so `astro build` never sees them and its output is the same with or
 * without this integration. The pages are rendered on request, so a page
 * added or corrected while the server runs shows on reload.
 */

/** The virtual module through which the review routes learn the content folder. */
const SETTINGS = 'virtual:archive-review/settings';

/**
 * The integration. `contentDir` is the content folder the loaders read
 * (content/, or ARCHIVE_CONTENT_DIR), which the review lists.
 */
export function archiveReview({ contentDir }: { contentDir: string }): AstroIntegration {
  return {
    name: 'nantong-newspaper-archive-review',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        if (command !== 'dev') return;
        const settings = `export const contentDir = ${JSON.stringify(resolve(contentDir))};`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'archive-review-settings',
                resolveId: (id: string) => (id === SETTINGS ? `\0${SETTINGS}` : undefined),
                load: (id: string) => (id === `\0${SETTINGS}` ? settings : undefined),
              },
            ],
          },
        });
        injectRoute({ pattern: '/review', entrypoint: new URL('./ReviewIndex.astro', import.meta.url), prerender: false });
        injectRoute({ pattern: '/review/[...page]', entrypoint: new URL('./ReviewPage.astro', import.meta.url), prerender: false });
      },
    },
  };
}
