import { createHash } from 'node:crypto';
import { readPage } from './page-reader.ts';
import { sourceLines } from './source-lines.ts';
import { sealLines } from './line-seal.ts';
import { checkLinks, retiredLinks, type RetiredLink } from './link-checks.ts';
import { publishedLinks, type PublishedLink } from './link-manifest.ts';
import type { Witness } from './link-witness.ts';
import { parseRegistry } from './permalink-registry.ts';
import { assignPermalinks, basePermalink, itemKey, itemsHolding, type MovedLink, type PermalinkRequest } from './permalinks.ts';
import { sortProblems, type ArchiveProblem } from './problems.ts';
import type { RawArchive } from './read-archive.ts';
import type { ParsedItem, ParsedPage } from './types.ts';
import { correctionYaml } from './describe-parse.ts';
import { chinaToday, validateArchive, type MetaCache, type ValidPage } from './validate-archive.ts';
import type { Paper } from './edition-meta.ts';
import { comparePageLabels, toRecord, type ArticleRecord } from './article-record.ts';
import { pageAddressClashes } from './page-address.ts';

/**
 * Plans the archive from its raw input without parsing the pages that a
 * previous build already summarised: what a rebuild after adding one page
 * costs is then reading and checking the input, not parsing and rendering
 * 100,000 stories again. Each item gets its link (over the whole archive, as
 * always) and a digest that changes whenever its record would; its record is
 * built only when asked for.
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

/** Options of {@link planArchive}. */
export interface PlanOptions {
  /** Summaries of earlier builds; pages parsed now are added to it. */
  cache?: PageCache;
  /** Edition metadata of earlier builds, by the text of its .yml; metadata read now is added to it. */
  metaCache?: MetaCache;
  /** Changes whenever the code that turns a page into records changes. */
  version?: string;
  /** Derives a page's `extra` from its records (e.g. the characters search must fold). */
  summarise?: (records: ArticleRecord[]) => string;
  /** Today's date in China, YYYY-MM-DD: no edition may be dated later (see validateArchive). */
  today?: string;
  /** The output this build replaces, as the witness of the links it published (./link-witness.ts). */
  witness?: Witness | null;
}

/** One item of the planned archive. */
export interface PlannedItem {
  /** Collection id: the permalink without its slashes. */
  id: string;
  /** Paper id and publication date of its page (known without parsing it). */
  paper: string;
  date: string;
  /** Changes whenever the item's record would: its page, its link, its place in the edition, the code. */
  digest: string;
  /** Builds the record (parses the page when this build has not yet). */
  record: () => ArticleRecord;
}

/** The archive planned from its input, or the problems that stop it. */
export interface ArchivePlan {
  papers: Paper[];
  /** Items in print order. */
  items: PlannedItem[];
  /** The `extra` of every page, in print order. */
  extras: string[];
  /** The digest of every page, in print order (the keys of its summary in the cache). */
  digests: string[];
  /** Items that got a link the registry does not hold yet (register them to freeze it). */
  unregistered: PermalinkRequest[];
  /** Published links that lead on to another: merged by a correction, or moved in the registry. */
  moved: LinkOnward[];
  /** Published links whose story was withdrawn: each keeps a page saying so. */
  retired: RetiredLink[];
  /** Every link this build publishes, for its manifest (./link-manifest.ts). */
  links: PublishedLink[];
  /** The registry as this build read it. */
  registryText: string;
  /** What the parser was unsure of on the pages it parsed in this run, by raw page and line. */
  notes: ArchiveProblem[];
  /** What does not stop the build but an archivist should look at (see ValidatedArchive). */
  warnings: ArchiveProblem[];
  problems: ArchiveProblem[];
}

/** A published link that leads on, as the site shows it. */
export type LinkOnward = { from: string } & Omit<MovedLink, 'url'>;

export type { RetiredLink } from './link-checks.ts';

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

const REGISTRY_PATH = 'content/permalinks.tsv';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** An item's digest: 64 bits of sha256, as wide as Astro's own digests, and a fifth of the store's digest bytes. */
const itemDigest = (text: string): string => sha256(text).slice(0, 16);

const comparePages = (a: ValidPage, b: ValidPage): number =>
  a.meta.paper.localeCompare(b.meta.paper) ||
  a.meta.date.localeCompare(b.meta.date) ||
  comparePageLabels(a.meta.page, b.meta.page) ||
  a.file.localeCompare(b.file);

/**
 * Checks the input, summarises every page (from the cache when its digest is
 * there), gives every item its permanent link and a digest. Pure but for the
 * cache it fills: no disk.
 */
export function planArchive(raw: RawArchive, options: PlanOptions = {}): ArchivePlan {
  const { cache = new Map(), metaCache = new Map(), version = '', summarise = () => '', today = chinaToday(), witness = null } = options;
  const validated = validateArchive(raw, metaCache, today);
  const registryText = raw.registry ? new TextDecoder().decode(raw.registry.bytes) : '';
  const registryPath = raw.registry?.path ?? REGISTRY_PATH;
  const registry = parseRegistry(registryPath, registryText);
  const refused = raw.registry?.refused;
  const problems = [
    ...validated.problems,
    ...(refused === undefined ? registry.problems : [{ file: registryPath, line: 1, message: refused }]),
  ];
  const names = new Map(validated.papers.map((p) => [p.id, p.name]));
  const styles = new Map(validated.papers.map((p) => [p.id, p.style]));
  const paperName = (page: ValidPage): string => names.get(page.meta.paper) ?? page.meta.paper;

  const pages = [...validated.pages].sort(comparePages);
  // The lines of stories withdrawn while their page stays: what the page's summary derives from its records leaves them out.
  const retiredLines = new Map<string, number[]>();
  for (const r of registry.retired) retiredLines.set(r.from.file, [...(retiredLines.get(r.from.file) ?? []), r.from.line]);
  // A page's summary holds while its text, metadata, its paper's house style and the stories withdrawn from it are what they were.
  const digests = pages.map((page) => {
    const style = styles.get(page.meta.paper);
    const retired = retiredLines.get(page.file);
    return sha256(
      `${version}\n${page.path}\n${JSON.stringify(page.meta)}\n${style ? `${JSON.stringify(style)}\n` : ''}${retired ? `withdrawn ${retired.join(',')}\n` : ''}${page.text}`,
    );
  });
  const parsed = new Map<ValidPage, ParsedPage>();
  const notes: ArchiveProblem[] = [];
  const itemsOf = (page: ValidPage): ParsedItem[] => {
    let result = parsed.get(page);
    if (!result) {
      result = readPage(page.text, page.meta.corrections ?? [], styles.get(page.meta.paper));
      parsed.set(page, result);
      notes.push(...pageNotes(page.path, result));
    }
    return result.items;
  };
  // Pages not summarised yet are parsed now; their records (needed for the
  // summary's extra) are built with their final links further down.
  const fresh = new Set<number>();
  const summaries = pages.map((page, index): PageSummary => {
    const known = cache.get(digests[index] ?? '');
    if (known) return known;
    fresh.add(index);
    const lines = sourceLines(page.text);
    const items = itemsOf(page).map((item) => ({
      line: item.lines[0],
      last: item.lines[1],
      base: basePermalink(page.meta.paper, page.meta.date, item.kind, item.title.text),
      seal: sealLines(lines, item.lines[0], item.lines[1]).digest,
    }));
    return { items, extra: '' };
  });
  // Every page accepted appears on the site: a page with nothing the parser reads as an item (a lone （完）) is refused.
  pages.forEach((page, index) => {
    if ((summaries[index]?.items.length ?? 0) > 0) return;
    const first = sourceLines(page.text).findIndex((l) => l.trim() !== '') + 1;
    problems.push({
      file: page.path,
      line: Math.max(first, 1),
      message:
        'the page holds no story, photo or continuation, only lines that belong to one (a note such as （完）); add the rest of the page, or remove it and its .yml',
    });
  });
  const requests = pages.flatMap((page, index) =>
    (summaries[index]?.items ?? []).map(({ line, last, base, seal }): PermalinkRequest => ({
      key: itemKey(page.file, line),
      base,
      last,
      digest: page.digest,
      seal: { first: line, last, digest: seal ?? sealLines(sourceLines(page.text), line, last).digest },
    })),
  );
  const links = assignPermalinks(requests, registry, registryPath, today);
  const itemAt = itemsHolding(requests);
  const published = publishedLinks({
    urls: links.urls,
    entries: registry.entries,
    onward: links.moved,
    moved: registry.moved,
    retired: registry.retired,
    itemAt,
  });
  const warnings = sortProblems([...validated.warnings, ...links.notices]);
  // A page that failed its checks is missing from `requests`; its registered
  // links are not orphans, so report them only when every page was read.
  if (problems.length === 0) problems.push(...links.problems);
  // The raw lines under every registered link, and the links the output this build replaces published (./link-checks.ts).
  if (validated.problems.length === 0) {
    problems.push(
      ...pageAddressClashes(
        pages.map(({ meta }) => meta),
        [...registry.entries, ...registry.moved, ...registry.retired],
        registryPath,
      ),
      ...checkLinks({
        registry,
        registryText,
        registryPath,
        pages,
        itemAt,
        published,
        witness,
        refused: links.problems.length > 0,
        today,
      }),
    );
  }
  if (problems.length > 0)
    return {
      papers: validated.papers,
      items: [],
      extras: [],
      digests: [],
      unregistered: [],
      moved: [],
      retired: [],
      links: [],
      registryText,
      notes: [],
      warnings,
      problems: sortProblems(problems),
    };

  // Records built for a fresh page's summary, handed once to the first
  // record() call so the loader does not render the same bodies again.
  const built = new Map<PlannedItem, ArticleRecord>();
  const editionPage = new Map<string, number>();
  const withdrawn = new Set(links.withdrawn.map((w) => w.key));
  const items = pages.flatMap((page, index) => {
    const edition = `${page.meta.paper} ${page.meta.date}`;
    const pageIndex = editionPage.get(edition) ?? 0;
    editionPage.set(edition, pageIndex + 1);
    // A withdrawn story is left out of everything; the others keep their place on the page.
    const planned = (summaries[index]?.items ?? []).flatMap(({ line }, order): PlannedItem[] => {
      if (withdrawn.has(itemKey(page.file, line))) return [];
      const url = links.urls.get(itemKey(page.file, line)) ?? '';
      const make = (): ArticleRecord => {
        const item = itemsOf(page)[order];
        if (!item) throw new Error(`${page.path}: item ${order + 1} is gone; the page summary cache is stale`);
        return toRecord(item, page, paperName(page), url, pageIndex, order);
      };
      const planned: PlannedItem = {
        id: url.slice(1, -1),
        paper: page.meta.paper,
        date: page.meta.date,
        digest: itemDigest(`${digests[index]}\n${JSON.stringify([url, pageIndex, order, paperName(page)])}`),
        record: () => {
          const ready = built.get(planned);
          built.delete(planned);
          return ready ?? make();
        },
      };
      return [planned];
    });
    if (fresh.has(index)) {
      const summary = summaries[index];
      if (summary) {
        const records = planned.map((p) => {
          const record = p.record();
          built.set(p, record);
          return record;
        });
        summary.extra = summarise(records);
        cache.set(digests[index] ?? '', summary);
      }
    }
    return planned;
  });
  const moved = links.moved.map(({ url, ...onward }) => ({ from: url, ...onward }));
  const retired = retiredLinks(registry.retired, links.withdrawn, itemAt, pages);
  return {
    papers: validated.papers,
    items,
    extras: summaries.map((s) => s.extra),
    digests,
    unregistered: links.added,
    moved,
    retired,
    links: published,
    registryText,
    notes: sortProblems(notes),
    warnings,
    problems: [],
  };
}
