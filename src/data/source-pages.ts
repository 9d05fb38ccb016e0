import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRun, rawPageDigest } from '../build/build-run.ts';
import { editionMetaSchema, type EditionMeta } from '../archive/edition-meta.ts';
import { readYaml } from '../archive/read-yaml.ts';
import { sourceLines } from '../archive/source-lines.ts';

/** One numbered line of a raw page. */
export interface SourceLine {
  /** 1-based line number. */
  n: number;
  /** The line as exported, without its line end. */
  text: string;
}

/** What a run needs of an item: the source lines it covers. */
export interface SourceItem {
  data: { source: { lines: readonly [number, number] } };
}

/** A run of raw lines: the lines of one item, or lines between items. */
export interface SourceRun<T extends SourceItem = SourceItem> {
  /** The item these lines make up, or null for lines outside any item. */
  item: T | null;
  /** Its lines. */
  lines: SourceLine[];
  /** The link of the withdrawn story these lines held (their text is left out), if they did. */
  withdrawn?: string;
}

/** Lines of a story withdrawn while its page stays (see docs/archivists.md, "Permanent links"), and the link that says so. */
export interface WithdrawnRange {
  lines: readonly [number, number];
  url: string;
}

/** The raw page's bytes exactly as stored (path relative to the project root). */
export function readSourceBytes(path: string): Buffer {
  return readFileSync(resolve(process.cwd(), path));
}

/** Where a raw page's facts come from, as its .yml says (docs/archivists.md, "Adding a page"). */
export type PageSources = EditionMeta['sources'];

/**
 * The `sources` of a raw page's edition metadata (the .yml beside it), for
 * its raw-page view. The content store does not keep them, since every item
 * of the page would carry a copy: a build takes them from what the archive
 * check parsed (the build's run), and without one (astro dev) they are read
 * here. The check stops the build on a .yml that does not read, so one that
 * fails here changed during the build.
 * @example readPageSources('content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt').date // 'It reports …'
 */
export function readPageSources(path: string): PageSources {
  const checked = buildRun()?.rawPages.get(path);
  if (checked) return checked.sources;
  const metaPath = path.replace(/\.txt$/u, '.yml');
  const meta = readYaml(metaPath, readFileSync(resolve(process.cwd(), metaPath), 'utf8'), editionMetaSchema);
  if (meta.data === null) throw new Error(`${metaPath} no longer reads: ${meta.problems.map((p) => p.message).join('; ')}`);
  return meta.data.sources;
}

/** What stands in the sources where they quote a withdrawn story's line: the site's words, marked as such. */
export const WITHDRAWN_QUOTE = '［已撤下稿件的文字］';

/** Shortest line of a withdrawn story looked for in the sources: a shorter one is a word anything may hold. */
const QUOTED_LINE_CHARS = 4;

/**
 * The sources with every line of a withdrawn story that they quote (its
 * headline, say, named as the story the e-paper gives the page for) put out
 * of sight, as its lines are in the raw-page view: nothing of a withdrawn
 * story is published, whatever the archivist's notes say of it.
 * @example sourcesWithout({ page: '… for its story 市总工会举行劳模迎新活动 …' }, '…\n市总工会举行劳模迎新活动\n…', [{ lines: [2, 2], url: '/…/' }]).page // '… for its story ［已撤下稿件的文字］ …'
 */
export function sourcesWithout(sources: PageSources, text: string, withdrawn: readonly WithdrawnRange[]): PageSources {
  if (withdrawn.length === 0) return sources;
  const lines = sourceLines(text.replace(/^\uFEFF/u, ''));
  const quoted = withdrawn
    .flatMap((w) => lines.slice(w.lines[0] - 1, w.lines[1]).map((line) => line.trim()))
    .filter((line) => [...line].length >= QUOTED_LINE_CHARS)
    .sort((a, b) => b.length - a.length);
  const hide = (field: string | undefined): string | undefined =>
    field === undefined ? undefined : quoted.reduce((out, line) => out.replaceAll(line, WITHDRAWN_QUOTE), field);
  return Object.fromEntries(
    Object.entries(sources).map(([key, value]) => [key, typeof value === 'string' ? hide(value) : value]),
  ) as PageSources;
}

/** The digest of a raw page a reader can check the downloaded file against: SHA-256 of its bytes, as `sha256sum` prints it. */
export const SOURCE_DIGEST_NAME = 'SHA-256';

const digests = new Map<string, string>();

/**
 * The sha256 (hex) of a raw page's bytes, once per build: the raw-page view
 * and the raw text route both key on it, and the view shows it. A build
 * takes it from the bytes the archive check read (the build's run); without
 * one (astro dev) the file is read here.
 */
export function sourceDigest(path: string): string {
  let digest = buildRun()?.rawPages.get(path)?.digest ?? digests.get(path);
  if (digest === undefined) {
    digest = rawPageDigest(readSourceBytes(path));
    digests.set(path, digest);
  }
  return digest;
}

/**
 * A raw page's text cut into numbered lines and grouped by the items that
 * cover them (lines as src/archive/source-lines.ts numbers them). A BOM is
 * not shown.
 * @example splitSourceRuns('\n\n潮起长江口', [item with lines [3, 3]]) // [{ item: null, lines: [1, 2] }, { item, lines: [3] }]
 */
export function splitSourceRuns<T extends SourceItem>(text: string, items: T[], withdrawn: readonly WithdrawnRange[] = []): SourceRun<T>[] {
  const lines = sourceLines(text.replace(/^\uFEFF/u, '')).map((line, i) => ({ n: i + 1, text: line }));
  if (lines.at(-1)?.text === '' && /[\r\n]$/u.test(text)) lines.pop();
  const runs: SourceRun<T>[] = [];
  for (const line of lines) {
    const gone = withdrawn.find((w) => line.n >= w.lines[0] && line.n <= w.lines[1]);
    if (gone) {
      // A withdrawn story's lines keep their numbers, not their text.
      const last = runs.at(-1);
      const blank = { n: line.n, text: '' };
      if (last?.withdrawn === gone.url) last.lines.push(blank);
      else runs.push({ item: null, lines: [blank], withdrawn: gone.url });
      continue;
    }
    const item = items.find((a) => line.n >= a.data.source.lines[0] && line.n <= a.data.source.lines[1]) ?? null;
    const last = runs.at(-1);
    if (last && last.item === item && !last.withdrawn) last.lines.push(line);
    else runs.push({ item, lines: [line] });
  }
  return runs;
}

/**
 * A raw page's bytes as the site publishes them: exactly as stored, but for
 * the lines of stories withdrawn while the page stays, which are left empty
 * (their line ends kept, so every other line keeps its number).
 * @example withdrawnLinesOut(Buffer.from('a\nb\nc\n'), [{ lines: [2, 2], url: '/x/' }]).toString() // 'a\n\nc\n'
 */
export function withdrawnLinesOut(bytes: Buffer, withdrawn: readonly WithdrawnRange[]): Buffer {
  if (withdrawn.length === 0) return bytes;
  const parts = bytes.toString('utf8').split(/(\r\n|\r|\n)/u);
  // parts alternates line, line end, line …: line n is parts[2(n-1)].
  for (let i = 0; i < parts.length; i += 2) {
    const n = i / 2 + 1;
    if (withdrawn.some((w) => n >= w.lines[0] && n <= w.lines[1])) parts[i] = i === 0 && parts[0]?.startsWith('\uFEFF') ? '\uFEFF' : '';
  }
  return Buffer.from(parts.join(''), 'utf8');
}
