/**
 * A plain reference site for comparison: the same stories as plain pages
 * (headline and paragraphs) through one minimal Astro route, indexed by
 * Pagefind with its defaults. No parser, loader, schema or layout.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE } from '../site/settings.ts';
import type { ExpectedItem } from './generate-page.ts';

const CONFIG = `// @ts-check
import { defineConfig } from 'astro/config';
export default defineConfig({ build: { format: 'directory' }, devToolbar: { enabled: false } });
`;

const ROUTE = `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const stories = JSON.parse(readFileSync(process.env.REFERENCE_STORIES ?? '', 'utf8'));
  return stories.map((story, i) => ({ params: { slug: String(i) }, props: { story } }));
}
const { story } = Astro.props;
---
<html lang="${LANGUAGE}"><head><meta charset="utf-8" /><title>{story.title}</title></head>
<body><main data-pagefind-body><h1>{story.title}</h1>{story.paragraphs.map((p) => <p>{p}</p>)}</main></body></html>
`;

/**
 * Writes the reference project into `dir` (its node_modules links to the
 * project's) and the stories as JSON; returns the stories file's path.
 */
export function writeReferenceSite(items: Iterable<ExpectedItem>, dir: string, nodeModules: string): string {
  mkdirSync(join(dir, 'src/pages/s'), { recursive: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "reference-site", "private": true, "type": "module" }\n');
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src/pages/s/[slug].astro'), ROUTE);
  const stories = [...items].map((item) => ({
    title: item.headline ?? item.paragraphs[0]?.slice(0, 30) ?? '',
    paragraphs: item.paragraphs,
  }));
  const storiesFile = join(dir, 'stories.json');
  writeFileSync(storiesFile, JSON.stringify(stories));
  return storiesFile;
}
