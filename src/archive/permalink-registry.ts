import { formatSeal, parseSeal, type LineSeal } from './line-seal.ts';
import type { ArchiveProblem } from './problems.ts';

/**
 * The permalink registry, content/permalinks.tsv: an append-only log of every
 * link the archive has published, one tab-separated line each. A later line
 * about a link has the last word on it:
 *
 *   url  file  line  [digest  [seal]]  the link names the item holding that line of that page
 *   url  moved  [/other/link/]         the link leads on: to the given link, or to
 *                                      wherever its item is now (a corrected date)
 *   url  retired  YYYY-MM-DD  why      the story was withdrawn (撤稿); the link keeps a page
 *                                      saying so, and its story is published under no link
 *
 * A `file` line for a link published before re-points it: at a renamed page,
 * or at the line its story stands at now. The digest (of the page's text)
 * lets the check recognise a renamed page; the seal (first-last:digest of the
 * item's lines when registered, ./line-seal.ts) lets it catch a page edited
 * under the link. Older lines without them still read. Every line ends with
 * a line break: a last line without one was cut.
 */

/** A link that names an item: the registry's last word on it is a `file` line. */
export interface RegistryEntry {
  url: string;
  /** Raw page file name. */
  file: string;
  /** A line the item holds (its first line when registered). */
  line: number;
  /** Line of this entry in the registry file. */
  at: number;
  /** The page text's digest when it was registered (see pageDigest), or null in older lines. */
  digest?: string | null;
  /** The item's lines when it was registered (./line-seal.ts), or null in older lines. */
  seal?: LineSeal | null;
  /** The line as written (without its line end). */
  text: string;
}

/** A link that leads on to another. */
export interface MovedEntry {
  url: string;
  /** The link it leads to, or null: wherever the item it named (`from`) is now. */
  to: string | null;
  /** The entry that published it. */
  from: RegistryEntry;
  at: number;
  /** The line as written. */
  text: string;
}

/** A link whose story was withdrawn: it keeps a page saying so. */
export interface RetiredEntry {
  url: string;
  /** When it was withdrawn, YYYY-MM-DD. */
  date: string;
  /** Why, as the archivist wrote it. */
  reason: string;
  /** The entry that published it: its story, where its page is still there, is published under no link. */
  from: RegistryEntry;
  at: number;
  /** The line as written. */
  text: string;
}

/** The registry read: the last word on every link, and what is wrong with its lines. */
export interface Registry {
  entries: RegistryEntry[];
  moved: MovedEntry[];
  retired: RetiredEntry[];
  problems: ArchiveProblem[];
}

const URL_SHAPE = /^\/([a-z][a-z0-9-]*)\/(\d{4}-\d{2}-\d{2})\/[a-z0-9-]+\/$/u;

/** Whether a YYYY-MM-DD string is a day of the calendar. */
export function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/u.test(date) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * The paper and date a link is published under, or null when it is no link of the archive's shape.
 * @example linkParts('/ntrb/2024-01-24/chao-qi/') // { paper: 'ntrb', date: '2024-01-24' }
 */
export function linkParts(url: string): { paper: string; date: string } | null {
  const m = URL_SHAPE.exec(url);
  return m?.[1] && m[2] ? { paper: m[1], date: m[2] } : null;
}

const SHAPES =
  'expected "url<TAB>file<TAB>line", e.g. "/jhwb/2025-02-06/ju-jiao/<TAB>000_29ee23daad04a246.txt<TAB>3", or "url<TAB>moved", or "url<TAB>retired<TAB>YYYY-MM-DD<TAB>why"';

/** Whether a later `file` line says nothing its link's entry does not say already. */
const repeats = (entry: RegistryEntry, file: string, line: number, digest: string, seal: LineSeal | null): boolean =>
  entry.file === file &&
  entry.line === line &&
  (digest === '' || digest === entry.digest) &&
  (seal === null || (entry.seal ? formatSeal(entry.seal) === formatSeal(seal) : false));

type State = { kind: 'live'; entry: RegistryEntry } | { kind: 'moved'; entry: RegistryEntry; at: number } | { kind: 'retired'; at: number };

/**
 * Reads the registry log (see above): the last word on each link, and every
 * line that cannot stand, by line.
 * @example parseRegistry('p.tsv', '/jhwb/2025-02-06/ju-jiao/\t000_x.txt\t3\n').entries[0]?.line // 3
 */
export function parseRegistry(path: string, text: string): Registry {
  const problems: ArchiveProblem[] = [];
  const state = new Map<string, State>();
  const moved = new Map<string, MovedEntry>();
  const retired = new Map<string, RetiredEntry>();
  const problem = (at: number, message: string): void => {
    problems.push({ file: path, line: at, message });
  };
  const lines = text.split('\n');
  // The build writes every line whole, with its line break: a last line without one was cut (a truncated file, a half-written append).
  if (text !== '' && !text.endsWith('\n'))
    problem(
      lines.length,
      `line ${lines.length} has no line break at its end, so it may have been cut ("${(lines.at(-1) ?? '').replaceAll('\t', '<TAB>')}"): ` +
        'restore the line as it was written (git, or `npm run permalinks -- --restore <output folder>` from a published manifest), ' +
        'or, if it is whole, end it with a line break',
    );
  lines.forEach((raw, i) => {
    const at = i + 1;
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [url = '', second = '', third = '', ...rest] = line.split('\t');
    const parts = linkParts(url);
    if (!parts) return problem(at, SHAPES);
    if (!isCalendarDate(parts.date))
      return problem(at, `${url}: ${parts.date} is not a day of the calendar; a published link names the edition's date`);
    const prior = state.get(url);
    if (prior?.kind === 'retired') return problem(at, `${url} was retired on line ${prior.at}; a withdrawn link stays withdrawn`);
    if (second === 'moved' || second === 'retired') {
      if (!prior)
        return problem(at, `${url} is not published on a line above; a move or retirement follows the line that published the link`);
      if (second === 'moved') {
        if (third !== '' && !linkParts(third))
          return problem(
            at,
            `${url} moved to "${third}", which is no link of the archive; give the link it leads to, or nothing for wherever its story is now`,
          );
        state.set(url, { kind: 'moved', entry: prior.entry, at });
        moved.set(url, { url, to: third === '' ? null : third, from: prior.entry, at, text: line });
        return;
      }
      const reason = rest.join('\t').trim();
      if (!isCalendarDate(third) || reason === '')
        return problem(at, `${url} retired: write "url<TAB>retired<TAB>YYYY-MM-DD<TAB>why", the date it was withdrawn and why`);
      state.set(url, { kind: 'retired', at });
      moved.delete(url);
      retired.set(url, { url, date: third, reason, from: prior.entry, at, text: line });
      return;
    }
    const [digest = '', sealField = '', ...extra] = rest;
    const seal = sealField === '' ? null : parseSeal(sealField);
    if (
      second === '' ||
      !/^\d+$/u.test(third) ||
      Number(third) < 1 ||
      (digest !== '' && !/^[0-9a-f]{16}$/u.test(digest)) ||
      (sealField !== '' && (seal === null || digest === '')) ||
      extra.length > 0
    )
      return problem(at, SHAPES);
    if (prior?.kind === 'live' && repeats(prior.entry, second, Number(third), digest, seal))
      return problem(
        at,
        `${url} is registered twice: this line repeats line ${prior.entry.at}, which it follows; delete this copy (it says nothing new, and a later build would stop on it)`,
      );
    // A later line for a published link re-points it: at a renamed page, or at the line its story stands at now.
    state.set(url, {
      kind: 'live',
      entry: { url, file: second, line: Number(third), at, digest: digest === '' ? null : digest, seal, text: line },
    });
    moved.delete(url);
  });
  const entries = [...state.values()].flatMap((s) => (s.kind === 'live' ? [s.entry] : [])).sort((a, b) => a.at - b.at);
  // Two live links may not name one item's line; a link moved or retired has let go of it.
  const byKey = new Map<string, RegistryEntry>();
  const live: RegistryEntry[] = [];
  for (const e of entries) {
    const first = byKey.get(`${e.file}:${e.line}`);
    if (first) {
      problem(e.at, `${e.file} line ${e.line} is registered twice (also line ${first.at})`);
      continue;
    }
    byKey.set(`${e.file}:${e.line}`, e);
    live.push(e);
  }
  return { entries: live, moved: [...moved.values()], retired: [...retired.values()], problems: problems.sort((a, b) => a.line - b.line) };
}

/**
 * The line that publishes a link, as the registry keeps it.
 * @example registryLine('/ntrb/2024-01-24/chao-qi/', '004_ca8.txt', 3, '0123456789abcdef') // '/ntrb/2024-01-24/chao-qi/\t004_ca8.txt\t3\t0123456789abcdef\n'
 */
export function registryLine(url: string, file: string, line: number, digest: string | null, seal: LineSeal | null = null): string {
  return `${[url, file, String(line), ...(digest ? [digest, ...(seal ? [formatSeal(seal)] : [])] : [])].join('\t')}\n`;
}

/**
 * The lines that publish new items' links, in the order the items were given them.
 * @example newRegistryLines([{ key: '004_ca8.txt:3', base: '/ntrb/2024-01-24/chao-qi/' }]) // '/ntrb/2024-01-24/chao-qi/\t004_ca8.txt\t3\n'
 */
export function newRegistryLines(added: readonly { key: string; base: string; digest?: string; seal?: LineSeal }[]): string {
  return added
    .map((r) => {
      const sep = r.key.lastIndexOf(':');
      return registryLine(r.base, r.key.slice(0, sep), Number(r.key.slice(sep + 1)), r.digest ?? null, r.seal ?? null);
    })
    .join('');
}

/** The header a new registry file starts with. */
export const REGISTRY_HEADER =
  '# Permanent links, append only (see docs/archivists.md, "Permanent links"): url<TAB>file<TAB>line<TAB>digest<TAB>seal publishes a link;\n# url<TAB>moved[<TAB>/link/] leads it on; url<TAB>retired<TAB>YYYY-MM-DD<TAB>why withdraws its story. Never edit a line.\n';
