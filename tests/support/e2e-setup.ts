import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/tools/static-server.ts';

/** Serves dist/ (built by `npm test` before vitest starts) for the e2e suite. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is not built: run `npm test` (it builds first) or `npm run build`.');
  const server = await serveStatic('dist');
  project.provide('siteUrl', server.url);
  return server.close;
}
