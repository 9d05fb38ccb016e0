import { describeLink, shownLine, type Manifest, type PublishedLink } from './link-manifest.ts';
import type { ArchiveProblem } from './problems.ts';

/**
 * The published site as the witness of its links: the manifests the last
 * build left in the output and its state (./link-manifest.ts). A build that
 * would publish an output in which one of their links no longer answers, or
 * answers from registry lines that are gone (an emptied, cut or lost
 * registry), is refused, naming the manifest's line and how to put the
 * registry back. A link answers when it shows a story, leads on or is a
 * tombstone: the registry retires or moves a link by a line of its own, and
 * those lines are held to the same rule.
 */

/** What a build knows of the output it is about to replace. */
export interface Witness {
  /** The output folder, as messages name it. */
  out: string;
  /** The manifests found (the output's, then the state's), read. */
  manifests: Manifest[];
  /** Manifests that were there but could not be read. */
  problems: ArchiveProblem[];
  /** The text of a raw page as the last build published it (its copy under source/), or null. */
  publishedPage?: (paper: string, date: string, file: string) => string | null;
}

/** The command that puts back the registry lines a manifest holds. */
export const restoreCommand = (out: string): string => `npm run permalinks -- --restore ${out}`;

/** What a link would be without its line, for the message. */
function fate(now: PublishedLink | undefined, was: PublishedLink): string {
  if (!now) return 'without it the link would no longer answer';
  if (now.answers === was.answers && now.file === was.file && now.line === was.line && now.to === was.to)
    return 'the link still answers as it did, but only by chance: the next page added could take it';
  return `without it the link would answer with ${describeLink(now)}`;
}

/**
 * Checks what this build would publish against the witness: every registry
 * line a manifest recorded is still in the registry (as written), and every
 * link it names still answers.
 * @param registryLines the registry's lines as written now
 * @param absent whether to name links that would not answer though their lines are there (false when the registry check named them already)
 */
export function checkWitness(
  witness: Witness,
  now: readonly PublishedLink[],
  registryLines: readonly string[],
  registryPath: string,
  absent = true,
): ArchiveProblem[] {
  const problems = [...witness.problems];
  const held = new Set(registryLines.map((l) => l.replace(/\r$/u, '')));
  const answers = new Map(now.map((link) => [link.url, link]));
  const seen = new Set<string>();
  let gone = 0;
  for (const manifest of witness.manifests)
    for (const link of manifest.links) {
      if (seen.has(link.url)) continue;
      seen.add(link.url);
      const missing = link.registry.filter((line) => !held.has(line));
      const at = { file: manifest.path, line: link.at };
      const published = `${link.url} was published into ${witness.out} as ${describeLink(link)}`;
      if (missing.length > 0) {
        gone += 1;
        const lines = missing.map((l) => `"${shownLine(l)}"`).join(' and ');
        const current = registryLines.flatMap((l, i) => (l.startsWith(`${link.url}\t`) ? [`line ${i + 1} reads "${shownLine(l)}"`] : []));
        const reads = current.length > 0 ? ` (${current.join(', ')})` : '';
        problems.push({
          ...at,
          message: `${published}, by the registry line ${lines}, which ${registryPath} no longer holds${reads}; ${fate(answers.get(link.url), link)}`,
        });
        continue;
      }
      if (absent && !answers.has(link.url))
        problems.push({
          ...at,
          message: `${published}, and this build would not publish it. A published link never stops answering: retire it ("${link.url}<TAB>retired<TAB>YYYY-MM-DD<TAB>why") or lead it on ("${link.url}<TAB>moved<TAB>/other/link/")`,
        });
    }
  if (gone > 0)
    problems.push({
      file: registryPath,
      line: 1,
      message: `${gone} link(s) published into ${witness.out} lost the registry lines they were published by (listed above or below, by their line in the manifest); a published link never stops answering. \`${restoreCommand(witness.out)}\` puts back every line the manifest holds that this file lacks (or restore the file from git), then build again`,
    });
  return problems;
}
