// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import { archiveBuild } from './src/build/archive-build.ts';
import { contentStoreModule } from './src/build/store-module.ts';
import { archiveReview } from './src/review/review-integration.ts';

// The public address the site is served from; canonical links, feeds and
// the sitemap need it absolute. Set SITE_URL when deploying.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// The content folder the loaders read (src/content.config.ts); tests and
// benchmarks point it at other archives.
const contentDir = process.env.ARCHIVE_CONTENT_DIR ?? 'content';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Story bodies are rendered by the archive loader from a Markdown tree built
  // in code (never from source text read as Markdown). Any Markdown page the
  // site has goes through the same unified pipeline: rehype-slug gives every
  // heading an id, and SmartyPants is off because it would rewrite quotes.
  markdown: { processor: unified({ rehypePlugins: [rehypeSlug], smartypants: false }) },
  devToolbar: { enabled: false },
  // The search page runs its searches in a module worker
  // (src/search/browser/search-worker.ts), which imports Pagefind's script.
  // The content store reaches the pages in a build as code that reads its
  // file, not as one string literal, which the bundler would carry whole and
  // V8 compile in quadratic time (src/build/store-module.ts).
  vite: { worker: { format: 'es' }, plugins: [contentStoreModule()] },
  // The whole archive build: incremental rendering, the search index, the
  // swap into the output and its state (src/build/archive-build.ts). Astro's
  // cache goes beside each output folder, so builds of different archives
  // never share one. The parse review (/review/) is injected by `astro dev`
  // only, so no build holds it (src/review/review-integration.ts).
  integrations: [archiveBuild({ contentDir }), archiveReview({ contentDir })],
  // The content store is one file, written only when an entry changed. It
  // holds no story text (see src/loaders/archive-loader.ts). Astro's chunked
  // store would keep it under V8's string limit for far larger archives, but
  // its writer measures every character one at a time, for every changed
  // page: slower than the one file by far (docs/deployers.md, Scale).
  // A Content-Security-Policy <meta> on every page: only this site's own
  // scripts (hashed by Astro) and styles, nothing from other hosts, no inline
  // handlers, no WebAssembly (the search reads Pagefind's files itself).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
    },
  },
});
