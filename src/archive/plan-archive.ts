import { checkLinks, retiredLinks, type LinkChecks, type RetiredLink } from './link-checks.ts';
import { publishedLinks, type PublishedLink } from './link-manifest.ts';
import type { Witness } from './link-witness.ts';
import { parseRegistry, type Registry } from './permalink-registry.ts';
import { assignPermalinks, itemKey, itemsHolding, type MovedLink, type PermalinkRequest } from './permalinks.ts';
import { sortProblems, type ArchiveProblem } from './problems.ts';
import type { RawArchive } from './read-archive.ts';
import { chinaToday, validateArchive, type MetaCache, type ValidPage } from './validate-archive.ts';
import type { EditionMeta, Paper } from './edition-meta.ts';
import { comparePageLabels, toRecord, type ArticleRecord } from './article-record.ts';
import { pageAddressClashes } from './page-address.ts';
import {
  emptyPageProblems,
  pageDigests,
  PageParses,
  permalinkRequests,
  sha256,
  summarisePages,
  type PageCache,
  type PageSummary,
} from './page-summaries.ts';

/**
 * Plans the archive from its raw input without parsing the pages that a
 * previous build already summarised: what a rebuild after adding one page
 * costs is then reading and checking the input, not parsing and rendering
 * 100,000 stories again. Each item gets its link (over the whole archive, as
 * always) and a digest that changes whenever its record would; its record is
 * built only when asked for.
 */

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
  /** The edition metadata of every page, by the page's path (as items' `source.path` names it). */
  metas: Map<string, EditionMeta>;
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

const REGISTRY_PATH = 'content/permalinks.tsv';

/** An item's digest: 64 bits of sha256, as wide as Astro's own digests, and a fifth of the store's digest bytes. */
const itemDigest = (text: string): string => sha256(text).slice(0, 16);

const comparePages = (a: ValidPage, b: ValidPage): number =>
  a.meta.paper.localeCompare(b.meta.paper) ||
  a.meta.date.localeCompare(b.meta.date) ||
  comparePageLabels(a.meta.page, b.meta.page) ||
  a.file.localeCompare(b.file);

/** The permalink registry as this build reads it, and what stops it: its own problems, or the reader's refusal of the file. */
function readRegistry(raw: RawArchive): { registry: Registry; registryText: string; registryPath: string; problems: ArchiveProblem[] } {
  const registryText = raw.registry ? new TextDecoder().decode(raw.registry.bytes) : '';
  const registryPath = raw.registry?.path ?? REGISTRY_PATH;
  const registry = parseRegistry(registryPath, registryText);
  const refused = raw.registry?.refused;
  const problems = refused === undefined ? registry.problems : [{ file: registryPath, line: 1, message: refused }];
  return { registry, registryText, registryPath, problems };
}

/** The raw lines under every registered link, page addresses that clash with them, and the links the output this build replaces published (./link-checks.ts). */
function linkProblems(checks: LinkChecks): ArchiveProblem[] {
  const { registry } = checks;
  return [
    ...pageAddressClashes(
      checks.pages.map(({ meta }) => meta),
      [...registry.entries, ...registry.moved, ...registry.retired],
      checks.registryPath,
    ),
    ...checkLinks(checks),
  ];
}

/** The plan of an archive whose input stops the build: its problems and warnings, nothing to publish. */
function refusedPlan(papers: Paper[], registryText: string, warnings: ArchiveProblem[], problems: ArchiveProblem[]): ArchivePlan {
  return {
    papers,
    items: [],
    extras: [],
    digests: [],
    metas: new Map(),
    unregistered: [],
    moved: [],
    retired: [],
    links: [],
    registryText,
    notes: [],
    warnings,
    problems: sortProblems(problems),
  };
}

/** The position of each page (in print order) within its edition. */
function editionPageIndexes(pages: readonly ValidPage[]): number[] {
  const editionPage = new Map<string, number>();
  return pages.map((page) => {
    const edition = `${page.meta.paper} ${page.meta.date}`;
    const pageIndex = editionPage.get(edition) ?? 0;
    editionPage.set(edition, pageIndex + 1);
    return pageIndex;
  });
}

/** What planning the items of the pages reads. */
interface ItemPlanning {
  pages: readonly ValidPage[];
  summaries: readonly PageSummary[];
  digests: readonly string[];
  /** The pages (by index) parsed in this build, whose summaries still lack their `extra`. */
  fresh: ReadonlySet<number>;
  /** Each item's link, by item key. */
  urls: ReadonlyMap<string, string>;
  /** The keys of withdrawn items. */
  withdrawn: ReadonlySet<string>;
  parses: PageParses;
  /** The printed name of each paper, by id. */
  names: ReadonlyMap<string, string>;
  cache: PageCache;
  summarise: (records: ArticleRecord[]) => string;
}

/**
 * Records built for a fresh page's summary, handed once to the first
 * record() call so the loader does not render the same bodies again.
 */
type BuiltRecords = Map<PlannedItem, ArticleRecord>;

/** The items of one page, each with its link, its digest and the way to build its record. A withdrawn story is left out of everything; the others keep their place on the page. */
function planPageItems(plan: ItemPlanning, index: number, pageIndex: number, built: BuiltRecords): PlannedItem[] {
  const page = plan.pages[index];
  if (!page) return [];
  const paperName = plan.names.get(page.meta.paper) ?? page.meta.paper;
  return (plan.summaries[index]?.items ?? []).flatMap(({ line }, order): PlannedItem[] => {
    if (plan.withdrawn.has(itemKey(page.file, line))) return [];
    const url = plan.urls.get(itemKey(page.file, line)) ?? '';
    const make = (): ArticleRecord => {
      const item = plan.parses.itemsOf(page)[order];
      if (!item) throw new Error(`${page.path}: item ${order + 1} is gone; the page summary cache is stale`);
      return toRecord(item, page, paperName, url, pageIndex, order);
    };
    const planned: PlannedItem = {
      id: url.slice(1, -1),
      paper: page.meta.paper,
      date: page.meta.date,
      digest: itemDigest(`${plan.digests[index]}\n${JSON.stringify([url, pageIndex, order, paperName])}`),
      record: () => {
        const ready = built.get(planned);
        built.delete(planned);
        return ready ?? make();
      },
    };
    return [planned];
  });
}

/** Gives the summary of a page parsed in this build its `extra`, from its records (kept for their first record() call), and caches it. */
function completeSummary(plan: ItemPlanning, index: number, planned: readonly PlannedItem[], built: BuiltRecords): void {
  const summary = plan.summaries[index];
  if (!summary) return;
  const records = planned.map((p) => {
    const record = p.record();
    built.set(p, record);
    return record;
  });
  summary.extra = plan.summarise(records);
  plan.cache.set(plan.digests[index] ?? '', summary);
}

/** Every item of every page in print order, the summaries of the pages parsed in this build completed on the way. */
function planItems(plan: ItemPlanning): PlannedItem[] {
  const built: BuiltRecords = new Map();
  const pageIndexes = editionPageIndexes(plan.pages);
  return plan.pages.flatMap((_page, index) => {
    const planned = planPageItems(plan, index, pageIndexes[index] ?? 0, built);
    if (plan.fresh.has(index)) completeSummary(plan, index, planned, built);
    return planned;
  });
}

/**
 * Checks the input, summarises every page (from the cache when its digest is
 * there), gives every item its permanent link and a digest. Pure but for the
 * cache it fills: no disk.
 */
export function planArchive(raw: RawArchive, options: PlanOptions = {}): ArchivePlan {
  const { cache = new Map(), metaCache = new Map(), version = '', summarise = () => '', today = chinaToday(), witness = null } = options;
  const validated = validateArchive(raw, metaCache, today);
  const { registry, registryText, registryPath, problems: registryProblems } = readRegistry(raw);
  const problems = [...validated.problems, ...registryProblems];
  const names = new Map(validated.papers.map((p) => [p.id, p.name]));
  const styles = new Map(validated.papers.map((p) => [p.id, p.style]));

  const pages = [...validated.pages].sort(comparePages);
  const digests = pageDigests(pages, styles, registry.retired, version);
  const parses = new PageParses(styles);
  // Pages not summarised yet are parsed now; their records (needed for the
  // summary's extra) are built with their final links in planItems.
  const { summaries, fresh } = summarisePages(pages, digests, cache, parses);
  problems.push(...emptyPageProblems(pages, summaries));

  const requests = permalinkRequests(pages, summaries);
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
  if (validated.problems.length === 0) {
    problems.push(
      ...linkProblems({
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
  if (problems.length > 0) return refusedPlan(validated.papers, registryText, warnings, problems);

  const withdrawn = new Set(links.withdrawn.map((w) => w.key));
  const items = planItems({ pages, summaries, digests, fresh, urls: links.urls, withdrawn, parses, names, cache, summarise });
  return {
    papers: validated.papers,
    items,
    extras: summaries.map((s) => s.extra),
    digests,
    metas: new Map(pages.map((page) => [page.path, page.meta])),
    unregistered: links.added,
    moved: links.moved.map(({ url, ...onward }) => ({ from: url, ...onward })),
    retired: retiredLinks(registry.retired, links.withdrawn, itemAt, pages),
    links: published,
    registryText,
    notes: sortProblems(parses.notes),
    warnings,
    problems: [],
  };
}
