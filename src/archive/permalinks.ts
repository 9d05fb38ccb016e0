import { pinyin } from 'pinyin-pro';
import type { ArchiveProblem } from './problems.ts';

/** How many syllables of the title go into a slug: enough to recognise, short enough to cite. */
export const SLUG_SYLLABLES = 8;

/**
 * A readable ASCII slug from a title: the pinyin of its first syllables,
 * digits and Latin letters kept, everything else a hyphen.
 * @example titleSlug('潮起长江口，抢抓机遇向未来') // 'chao-qi-chang-jiang-kou-qiang-zhua-ji'
 * @example titleSlug('省十四届人大二次会议隆重开幕') // 'sheng-shi-si-jie-ren-da-er-ci'
 */
export function titleSlug(title: string): string {
  const parts = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words: string[] = [];
  for (const part of parts) {
    for (const word of part.toLowerCase().split(/[^a-z0-9]+/u)) {
      if (word !== '' && words.length < SLUG_SYLLABLES) words.push(word);
    }
  }
  return words.length > 0 ? words.join('-') : 'item';
}

/**
 * The permalink an item gets when the registry has none for it:
 * /paper/date/slug/, with -xu (续) for a jump so that the part that begins on
 * A1 and its continuation on another page never compete for one link.
 * @example basePermalink('ntrb', '2024-01-24', 'jump', '省十四届人大二次会议隆重开幕')
 * // '/ntrb/2024-01-24/sheng-shi-si-jie-ren-da-er-ci-xu/'
 */
export function basePermalink(paper: string, date: string, kind: string, title: string): string {
  return `/${paper}/${date}/${titleSlug(title)}${kind === 'jump' ? '-xu' : ''}/`;
}

/** One published link and the item it belongs to (by source file and first line). */
export interface RegistryEntry {
  url: string;
  file: string;
  line: number;
  /** Line of this entry in the registry file. */
  at: number;
}

/** The key an item is known by in the registry: source file name and first line. */
export const itemKey = (file: string, line: number): string => `${file}:${line}`;

const URL_SHAPE = /^\/[a-z][a-z0-9-]*\/\d{4}-\d{2}-\d{2}\/[a-z0-9-]+\/$/u;

/**
 * Reads the permalink registry: one `url<TAB>file<TAB>line` a line, # comments.
 * @example parseRegistry('p.tsv', '/jhwb/2025-02-06/ju-jiao/\t000_x.txt\t3\n').entries[0]?.line // 3
 */
export function parseRegistry(path: string, text: string): { entries: RegistryEntry[]; problems: ArchiveProblem[] } {
  const entries: RegistryEntry[] = [];
  const problems: ArchiveProblem[] = [];
  const seenUrl = new Map<string, number>();
  const seenKey = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const at = i + 1;
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [url = '', file = '', n = ''] = line.split('\t');
    if (!URL_SHAPE.test(url) || file === '' || !/^\d+$/u.test(n)) {
      problems.push({ file: path, line: at, message: 'expected "url<TAB>file<TAB>line", e.g. "/jhwb/2025-02-06/ju-jiao/<TAB>000_29ee23daad04a246.txt<TAB>3"' });
      return;
    }
    const key = itemKey(file, Number(n));
    const dupUrl = seenUrl.get(url);
    const dupKey = seenKey.get(key);
    if (dupUrl) problems.push({ file: path, line: at, message: `${url} is registered twice (also line ${dupUrl}); a link names one story` });
    else if (dupKey) problems.push({ file: path, line: at, message: `${file} line ${n} is registered twice (also line ${dupKey})` });
    else entries.push({ url, file, line: Number(n), at });
    seenUrl.set(url, seenUrl.get(url) ?? at);
    seenKey.set(key, seenKey.get(key) ?? at);
  });
  return { entries, problems };
}

/** An item to give a permalink: its registry key (file and first line), its last line, and the link it would get if new. */
export interface PermalinkRequest {
  key: string;
  base: string;
  /** Last source line of the item: a registered line anywhere in first..last names this item. */
  last?: number;
}

/** A published link whose item a correction merged into another: it now leads there. */
export interface MovedLink {
  /** The link as published. */
  url: string;
  /** The key of the item it leads to. */
  key: string;
}

/** Splits a registry key back into file and line. */
const splitKey = (key: string): { file: string; line: number } => {
  const sep = key.lastIndexOf(':');
  return { file: key.slice(0, sep), line: Number(key.slice(sep + 1)) };
};

/**
 * Gives every item its permanent link. A registered link stays with the
 * item that holds its registered line, wherever that item now begins (a
 * correction that adds a kicker line above a story moves its first line, not
 * its link). When a correction merges two registered items, the item keeps
 * the link registered nearest its beginning and the other link is kept as a
 * moved link that leads to it. New items get their base link, or base-2,
 * base-3… when that is taken. A registered link whose line no item holds is
 * a problem: publishing would break a link someone may have cited.
 */
export function assignPermalinks(
  requests: PermalinkRequest[],
  registry: RegistryEntry[],
  registryPath: string,
): { urls: Map<string, string>; added: PermalinkRequest[]; moved: MovedLink[]; problems: ArchiveProblem[] } {
  const byFile = new Map<string, { key: string; first: number; last: number }[]>();
  for (const r of requests) {
    const { file, line } = splitKey(r.key);
    const list = byFile.get(file) ?? [];
    list.push({ key: r.key, first: line, last: r.last ?? line });
    byFile.set(file, list);
  }
  const holder = (e: RegistryEntry): string | null =>
    byFile.get(e.file)?.find((item) => e.line >= item.first && e.line <= item.last)?.key ?? null;
  const claims = new Map<string, RegistryEntry[]>();
  const problems: ArchiveProblem[] = [];
  for (const e of registry) {
    const key = holder(e);
    if (key === null) {
      problems.push({
        file: registryPath,
        line: e.at,
        message: `${e.url} is published for ${e.file} line ${e.line}, but no item holds that line now; restore the page, undo the correction that dropped it, or point the entry at the item's line`,
      });
      continue;
    }
    claims.set(key, [...(claims.get(key) ?? []), e]);
  }
  const urls = new Map<string, string>();
  const moved: MovedLink[] = [];
  for (const [key, entries] of claims) {
    const first = splitKey(key).line;
    const [keep, ...others] = [...entries].sort((a, b) => Number(b.line === first) - Number(a.line === first) || a.line - b.line);
    if (keep) urls.set(key, keep.url);
    for (const o of others) moved.push({ url: o.url, key });
  }
  const taken = new Set(registry.map((e) => e.url));
  const added: PermalinkRequest[] = [];
  for (const r of requests) {
    if (urls.has(r.key)) continue;
    let url = r.base;
    for (let n = 2; taken.has(url); n += 1) url = r.base.replace(/\/$/u, `-${n}/`);
    taken.add(url);
    urls.set(r.key, url);
    added.push({ key: r.key, base: url });
  }
  return { urls, added, moved, problems };
}
