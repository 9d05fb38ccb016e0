import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestText, MANIFEST_FILE, parseManifest, type Manifest } from '../archive/link-manifest.ts';
import { parseRegistry } from '../archive/permalink-registry.ts';
import type { Witness } from '../archive/link-witness.ts';
import { projectPath, type ArchiveProblem } from '../archive/problems.ts';
import { sourceTextPath } from '../data/paths.ts';
import type { BuildRun } from './build-run.ts';
import { registerLinks } from './registry-file.ts';

/**
 * The files of the published site's witness (src/archive/link-witness.ts):
 * the manifest a build writes into its output and its state folder, read
 * back by the next build into that output, and the raw pages the output
 * holds, against which an edited page's changed lines are named.
 */

/** Where a build into `out` keeps its manifest: in the output, and in its state folder (`<out>.cache`). */
export const manifestPaths = (out: string, cache: string): { output: string; state: string } => ({
  output: join(out, MANIFEST_FILE),
  state: join(cache, MANIFEST_FILE),
});

/**
 * The witness of the output `out`: the manifests found beside it (the
 * output's, then the state's), or null when there is none (a first build,
 * or an output of a build before manifests).
 */
export function readWitness(out: string, cache: string): Witness | null {
  const manifests: Manifest[] = [];
  const problems: ArchiveProblem[] = [];
  const texts = new Set<string>();
  for (const path of Object.values(manifestPaths(out, cache))) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    // The same manifest twice (the usual case) is read once, as the output's.
    if (texts.has(text)) continue;
    texts.add(text);
    const read = parseManifest(projectPath(path), text);
    if ('links' in read) manifests.push(read);
    else problems.push(read);
  }
  if (manifests.length === 0 && problems.length === 0) return null;
  return {
    out: projectPath(out),
    manifests,
    problems,
    publishedPage: (paper, date, file) => {
      const copy = join(out, sourceTextPath(paper, date, file));
      return existsSync(copy) ? readFileSync(copy, 'utf8') : null;
    },
  };
}

/**
 * Registers the links a build publishes for the first time (see
 * registry-file.ts), then gives the manifest of every link it publishes, with
 * the registry lines that decide each as the registry now holds them. Called
 * before the output is put in place: a build whose links cannot be
 * registered publishes nothing.
 */
export function registerPublished(
  contentDir: string,
  run: Pick<BuildRun, 'registryLines' | 'registryText' | 'links'>,
): { manifest: string; path: string; added: number } {
  const { path, text, added } = registerLinks(contentDir, run.registryLines, run.registryText);
  return { manifest: manifestText(run.links, parseRegistry(path, text)), path: projectPath(path), added: added.length };
}
