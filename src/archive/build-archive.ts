import type { PermalinkRequest } from './permalinks.ts';
import { planArchive, type LinkOnward, type PlanOptions, type RetiredLink } from './plan-archive.ts';
import type { ArchiveProblem } from './problems.ts';
import type { RawArchive } from './read-archive.ts';
import type { ArticleRecord } from './article-record.ts';
import type { Paper } from './edition-meta.ts';

/** The archive built from its input, or the problems that stop it. */
export interface BuiltArchive {
  papers: Paper[];
  articles: ArticleRecord[];
  /** Items that got a link the registry does not hold yet (register them to freeze it). */
  unregistered: PermalinkRequest[];
  /** Published links that lead on to another: merged by a correction, or moved in the registry. */
  moved: LinkOnward[];
  /** Published links whose story was withdrawn. */
  retired: RetiredLink[];
  /** What the parser was unsure of, by raw page and line (see docs/archivists.md, "Correcting a parse"). */
  notes: ArchiveProblem[];
  /** What does not stop the build but an archivist should look at: lost characters, dates outside a paper's span. */
  warnings: ArchiveProblem[];
  problems: ArchiveProblem[];
}

/**
 * Builds the whole archive from its raw input: checks it, parses every page,
 * gives every item its permanent link and renders its body. Pure: no disk.
 * @param options the witness of a published output to hold the links to, and today's date
 */
export function buildArchive(raw: RawArchive, options: Pick<PlanOptions, 'witness' | 'today'> = {}): BuiltArchive {
  const plan = planArchive(raw, options);
  return {
    papers: plan.papers,
    articles: plan.items.map((item) => item.record()),
    unregistered: plan.unregistered,
    moved: plan.moved,
    retired: plan.retired,
    notes: plan.notes,
    warnings: plan.warnings,
    problems: plan.problems,
  };
}
