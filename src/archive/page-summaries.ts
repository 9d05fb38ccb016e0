import { createHash } from 'node:crypto';
import { correctionYaml } from './describe-parse.ts';
import { sealLines } from './line-seal.ts';
import { readPage } from './page-reader.ts';
import type { PaperStyle } from './paper-style.ts';
import type { RetiredEntry } from './permalink-registry.ts';
import { basePermalink, itemKey, type PermalinkRequest } from './permalinks.ts';
import type { ArchiveProblem } from './problems.ts';
import { sourceLines } from './source-lines.ts';
import type { ParsedItem, ParsedPage } from './types.ts';
import type { ValidPage } from './validate-archive.ts';

/**
 * The pages' side of planning the archive (./plan-archive.ts): a digest of
 * each page's input, its summary (kept between builds under that digest, so
 * that an unchanged page is not parsed again), and the link each of its
 * items asks for.
 */

/** What is kept of a parsed page between builds, by the digest of its input. */
export interface PageSummary {
  /** Per item in print order: its first and last line, the link it would get if new, and the digest of its lines' seal (./line-seal.ts). */
  items: { line: number; last: number; base: string; seal?: string }[];
  /** Whatever the caller derives from the page's records (see PlanOptions.summarise). */
  extra: string;
}

/** Page summaries by page digest; the loader keeps one between builds. */
export type PageCache = Map<string, PageSummary>;

/** The sha256 of a text, in hex. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Each page's digest. A page's summary holds while its text, metadata, its
 * paper's house style and the stories withdrawn from it are what they were.
 */
export function pageDigests(
  pages: readonly ValidPage[],
  styles: ReadonlyMap<string, PaperStyle | undefined>,
  retiredEntries: readonly RetiredEntry[],
  version: string,
): string[] {
  // The lines of stories withdrawn while their page stays: what the page's summary derives from its records leaves them out.
  const retiredLines = new Map<string, number[]>();
  for (const r of retiredEntries) retiredLines.set(r.from.file, [...(retiredLines.get(r.from.file) ?? []), r.from.line]);
  return pages.map((page) => {
    const style = styles.get(page.meta.paper);
    const retired = retiredLines.get(page.file);
    return sha256(
      `${version}\n${page.path}\n${JSON.stringify(page.meta)}\n${style ? `${JSON.stringify(style)}\n` : ''}${retired ? `withdrawn ${retired.join(',')}\n` : ''}${page.text}`,
    );
  });
}

/** A page's parse notes as located messages, each with the correction that would read it the other way. */
function pageNotes(path: string, page: ParsedPage): ArchiveProblem[] {
  return [...page.notes, ...page.items.flatMap((i) => i.notes)]
    .map((n) => ({
      file: path,
      line: n.line,
      message: n.fix ? `${n.message}; to read it the other way, add to corrections: ${correctionYaml(n.fix)}` : n.message,
    }))
    .sort((a, b) => a.line - b.line);
}

/** Parses each page at most once, in its paper's house style, and gathers the notes of the pages it parsed. */
export class PageParses {
  /** The parse notes of every page parsed so far, in the order they were parsed. */
  readonly notes: ArchiveProblem[] = [];
  readonly #styles: ReadonlyMap<string, PaperStyle | undefined>;
  readonly #parsed = new Map<ValidPage, ParsedPage>();

  constructor(styles: ReadonlyMap<string, PaperStyle | undefined>) {
    this.#styles = styles;
  }

  /** The items of a page, parsed now if it was not yet. */
  itemsOf(page: ValidPage): ParsedItem[] {
    let result = this.#parsed.get(page);
    if (!result) {
      result = readPage(page.text, page.meta.corrections ?? [], this.#styles.get(page.meta.paper));
      this.#parsed.set(page, result);
      this.notes.push(...pageNotes(page.path, result));
    }
    return result.items;
  }
}

/**
 * Every page's summary: from the cache when its digest is there, else parsed
 * now. The pages parsed now (`fresh`, by index) get their `extra` once their
 * records are built with their final links.
 */
export function summarisePages(
  pages: readonly ValidPage[],
  digests: readonly string[],
  cache: PageCache,
  parses: PageParses,
): { summaries: PageSummary[]; fresh: Set<number> } {
  const fresh = new Set<number>();
  const summaries = pages.map((page, index): PageSummary => {
    const known = cache.get(digests[index] ?? '');
    if (known) return known;
    fresh.add(index);
    const lines = sourceLines(page.text);
    const items = parses.itemsOf(page).map((item) => ({
      line: item.lines[0],
      last: item.lines[1],
      base: basePermalink(page.meta.paper, page.meta.date, item.kind, item.title.text),
      seal: sealLines(lines, item.lines[0], item.lines[1]).digest,
    }));
    return { items, extra: '' };
  });
  return { summaries, fresh };
}

/** Every page accepted appears on the site: a page with nothing the parser reads as an item (a lone （完）) is refused. */
export function emptyPageProblems(pages: readonly ValidPage[], summaries: readonly PageSummary[]): ArchiveProblem[] {
  return pages.flatMap((page, index): ArchiveProblem[] => {
    if ((summaries[index]?.items.length ?? 0) > 0) return [];
    const first = sourceLines(page.text).findIndex((l) => l.trim() !== '') + 1;
    return [
      {
        file: page.path,
        line: Math.max(first, 1),
        message:
          'the page holds no story, photo or continuation, only lines that belong to one (a note such as （完）); add the rest of the page, or remove it and its .yml',
      },
    ];
  });
}

/** The link every item of every page asks for, with the seal of its lines. */
export function permalinkRequests(pages: readonly ValidPage[], summaries: readonly PageSummary[]): PermalinkRequest[] {
  return pages.flatMap((page, index) =>
    (summaries[index]?.items ?? []).map(({ line, last, base, seal }): PermalinkRequest => ({
      key: itemKey(page.file, line),
      base,
      last,
      digest: page.digest,
      seal: { first: line, last, digest: seal ?? sealLines(sourceLines(page.text), line, last).digest },
    })),
  );
}
