import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArgs, printed, runScript } from './build-command.ts';

/** A generated archive built into a site: the folder holding both, its content and its output. */
export interface GeneratedSite {
  work: string;
  content: string;
  out: string;
}

/**
 * Generates an archive (`npm run generate`) in a new temporary folder and
 * builds it; `addPages` may put more pages into its content folder first.
 * Throws with what the script printed when either step fails.
 * @example const { out } = buildGeneratedSite({ stories: 400, seed: 7, start: '2024-12-30' });
 */
export function buildGeneratedSite(
  archive: { stories: number; seed: number; start: string },
  addPages: (content: string) => void = () => undefined,
): GeneratedSite {
  const work = mkdtempSync(join(tmpdir(), 'archive-generated-'));
  const content = join(work, 'content');
  const out = join(work, 'dist');
  const run = (args: string[]): void => {
    const r = runScript(args, { ARCHIVE_CONTENT_DIR: content });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${printed(r).slice(-4000)}`);
  };
  const { stories, seed, start } = archive;
  run(['scripts/generate-archive.ts', '--stories', String(stories), '--seed', String(seed), '--out', content, '--start', start]);
  addPages(content);
  run(buildArgs(out));
  return { work, content, out };
}
