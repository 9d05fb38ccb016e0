import { formatSeal } from './line-seal.ts';
import type { ArchiveProblem } from './problems.ts';
import type { MovedEntry, Registry, RegistryEntry, RetiredEntry } from './permalink-registry.ts';
import { splitKey, type HeldItem, type MovedLink } from './permalinks.ts';

/**
 * The manifest of a build: every permanent link it published (a story, a
 * link that leads on, a tombstone), with the registry lines that decide it.
 * Every build writes it into its output (permalinks.json) and its state
 * (`<out>.cache/permalinks.json`); the next build into that output takes it
 * as the published site's witness (./link-witness.ts): a link it names must
 * still answer, from registry lines that are still there, over raw lines
 * that still hold their text. One link a line, so a message can name the
 * line; written in one order, so two builds of one input write the same bytes.
 */

/** What a link answers with. */
export type LinkAnswers = 'story' | 'merged' | 'moved' | 'retired';

/** One published link. */
export interface PublishedLink {
  url: string;
  answers: LinkAnswers;
  /** merged, moved: the link it leads to. */
  to?: string;
  /** The raw page and line its registry line names (a story's, or the one a merged, moved or retired link was published for). */
  file?: string;
  line?: number;
  /** The seal (first-last:digest, ./line-seal.ts) of the lines of the item it names, when that page is in the archive. */
  seal?: string;
}

/** A link as a manifest keeps it: with the registry lines that decide it, as written, first the one that published it. */
export interface ManifestLink extends PublishedLink {
  registry: string[];
  /** Its line in the manifest file. */
  at: number;
}

/** A manifest read back. */
export interface Manifest {
  /** Where it was read, as messages name it. */
  path: string;
  links: ManifestLink[];
}

/** The manifest's file name, in the output and in its state folder. */
export const MANIFEST_FILE = 'permalinks.json';

const ABOUT =
  'Every permanent link this site publishes, what it answers with, and the permalinks.tsv lines that decide it (docs/archivists.md, "Permanent links")';

/** What {@link publishedLinks} is given: the links a build gives out, and the registry they come from. */
export interface LinksGiven {
  /** Every story's link, by its item's registry key. */
  urls: ReadonlyMap<string, string>;
  /** The registry's live entries. */
  entries: readonly RegistryEntry[];
  /** Links that lead on: merged by a correction, or moved in the registry. */
  onward: readonly MovedLink[];
  moved: readonly MovedEntry[];
  retired: readonly RetiredEntry[];
  /** The item that holds a line of a page now, with its seal. */
  itemAt: (at: { file: string; line: number }) => HeldItem | null;
}

/** Every link a build publishes, as the manifest lists it. */
export function publishedLinks(given: LinksGiven): PublishedLink[] {
  const entries = new Map(given.entries.map((e) => [e.url, e]));
  const moved = new Map(given.moved.map((m) => [m.url, m]));
  const named = (at: { file: string; line: number }, own?: RegistryEntry): Pick<PublishedLink, 'file' | 'line' | 'seal'> => {
    const seal = own?.seal ?? given.itemAt(at)?.seal;
    return { file: at.file, line: at.line, ...(seal ? { seal: formatSeal(seal) } : {}) };
  };
  const links: PublishedLink[] = [];
  for (const [key, url] of given.urls) {
    const entry = entries.get(url);
    links.push({ url, answers: 'story', ...named(entry ?? splitKey(key), entry) });
  }
  for (const link of given.onward) {
    const from = link.why === 'merged' ? entries.get(link.url) : moved.get(link.url)?.from;
    links.push({ url: link.url, answers: link.why, to: link.to, ...(from ? named(from, from) : {}) });
  }
  for (const r of given.retired) links.push({ url: r.url, answers: 'retired', ...named(r.from, r.from) });
  return links;
}

/** The registry lines that decide each link: the line that published it, then the one that moved or retired it. */
function decidingLines(registry: Pick<Registry, 'entries' | 'moved' | 'retired'>): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const e of registry.entries) lines.set(e.url, [e.text]);
  for (const m of registry.moved) lines.set(m.url, [m.from.text, m.text]);
  for (const r of registry.retired) lines.set(r.url, [r.from.text, r.text]);
  return lines;
}

/**
 * The manifest's text: the links sorted by link, one a line, each with the
 * registry lines that decide it in `registry` (the registry once this build's
 * new links are in it).
 */
export function manifestText(links: readonly PublishedLink[], registry: Pick<Registry, 'entries' | 'moved' | 'retired'>): string {
  const deciding = decidingLines(registry);
  const rows = [...links]
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((link) => JSON.stringify({ ...link, registry: deciding.get(link.url) ?? [] }));
  return `{"about":${JSON.stringify(ABOUT)},"links":[\n${rows.join(',\n')}\n]}\n`;
}

/** Reads a manifest, or gives the problem that keeps it from being read. */
export function parseManifest(path: string, text: string): Manifest | ArchiveProblem {
  try {
    const parsed = JSON.parse(text) as { links?: unknown };
    if (!Array.isArray(parsed.links)) throw new Error('it holds no list of links');
    // Each link stands on its own line, the first on line 2.
    const links = (parsed.links as Omit<ManifestLink, 'at'>[]).map((link, i) => {
      if (typeof link.url !== 'string' || !Array.isArray(link.registry)) throw new Error(`link ${i + 1} is not a link`);
      return { ...link, at: i + 2 };
    });
    return { path, links };
  } catch (error) {
    return {
      file: path,
      line: 1,
      message: `the manifest of the published links cannot be read (${(error as Error).message}); put back the copy the last build wrote (a deployed copy of the site holds it), or, if that output was never published, delete it`,
    };
  }
}

/**
 * The registry restored from manifests: the lines it holds, then every line
 * a manifest holds that it lacks, in the manifests' order. A last line cut
 * short (no line break) that begins a missing line is replaced by it.
 * @returns the text to write and the lines put back
 */
export function restoreRegistry(current: string, manifests: readonly Manifest[], header: string): { text: string; restored: string[] } {
  const cut = current === '' || current.endsWith('\n') ? null : current.slice(current.lastIndexOf('\n') + 1);
  const kept = cut === null ? current : current.slice(0, current.length - cut.length);
  const held = new Set(kept.split('\n').map((l) => l.replace(/\r$/u, '')));
  const restored: string[] = [];
  for (const manifest of manifests)
    for (const link of manifest.links)
      for (const line of link.registry) {
        if (held.has(line)) continue;
        held.add(line);
        restored.push(line);
      }
  if (cut !== null) {
    // The cut line is put back whole where a manifest holds it; else it is kept as it stands, with its line break.
    const whole = restored.findIndex((line) => line.startsWith(cut));
    restored.unshift(whole === -1 ? cut : (restored.splice(whole, 1)[0] ?? cut));
  }
  return { text: `${kept.trim() === '' ? header : kept}${restored.map((l) => `${l}\n`).join('')}`, restored };
}

/** The link as a sentence: what it answered with when the manifest was written. */
export function describeLink(link: PublishedLink): string {
  const where = link.file ? ` of ${link.file} line ${link.line ?? '?'}` : '';
  if (link.answers === 'story') return `the story${where}`;
  if (link.answers === 'retired') return `a tombstone${where ? ` for the story${where}` : ''}`;
  return `a page leading to ${link.to ?? '?'}`;
}

/** A registry line as messages show it. */
export const shownLine = (line: string): string => line.replaceAll('\t', '<TAB>');

/**
 * The seals the manifests kept, by the registry line that published the link
 * they name: an entry whose line is still the one the manifest recorded is
 * held to the seal, one the registry re-pointed since is not.
 */
export function recordedSeals(manifests: readonly Manifest[]): Map<string, string> {
  const seals = new Map<string, string>();
  for (const manifest of manifests)
    for (const link of manifest.links) {
      const line = link.registry[0];
      if (link.seal && line !== undefined && !seals.has(line)) seals.set(line, link.seal);
    }
  return seals;
}
