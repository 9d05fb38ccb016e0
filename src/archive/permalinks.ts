import { pinyin } from 'pinyin-pro';
import type { LineSeal } from './line-seal.ts';
import { linkParts, type Registry, type RegistryEntry, type RetiredEntry } from './permalink-registry.ts';
import type { ArchiveProblem } from './problems.ts';
import { readsAsPageSegment } from './page-address.ts';

/** How many syllables of the title go into a slug: enough to recognise, short enough to cite. */
export const SLUG_SYLLABLES = 8;

/**
 * How many letters of one word of Latin letters or digits go into a slug (a
 * pinyin syllable has at most six): a headline that is one long run of them
 * would otherwise make a link no file system can hold as a folder name.
 */
const SLUG_WORD_LETTERS = 20;

/**
 * A readable ASCII slug from a title: the pinyin of its first syllables,
 * digits and Latin letters kept (a word of them cut to SLUG_WORD_LETTERS),
 * everything else a hyphen.
 * @example titleSlug('潮起长江口，抢抓机遇向未来') // 'chao-qi-chang-jiang-kou-qiang-zhua-ji'
 * @example titleSlug('省十四届人大二次会议隆重开幕') // 'sheng-shi-si-jie-ren-da-er-ci'
 */
export function titleSlug(title: string): string {
  const parts = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words: string[] = [];
  for (const part of parts) {
    for (const word of part.toLowerCase().split(/[^a-z0-9]+/u)) {
      if (word !== '' && words.length < SLUG_SYLLABLES) words.push(word.slice(0, SLUG_WORD_LETTERS));
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

/** The key an item is known by in the registry: source file name and first line. */
export const itemKey = (file: string, line: number): string => `${file}:${line}`;

/** An item to give a permalink: its registry key (file and first line), its last line, and the link it would get if new. */
export interface PermalinkRequest {
  key: string;
  base: string;
  /** Last source line of the item: a registered line anywhere in first..last names this item. */
  last?: number;
  /** Digest of its page's text (see pageDigest), kept in the registry to recognise a renamed page. */
  digest?: string;
  /** Seal of its lines (./line-seal.ts), kept in the registry to catch a page edited under its link. */
  seal?: LineSeal;
}

/** A story withdrawn while its page stays: a retired link names it, and it is published under no link. */
export interface WithdrawnItem {
  /** Its registry key (file and first line). */
  key: string;
  /** The retirement. */
  retired: RetiredEntry;
}

/** A published link that leads on to another: merged by a correction, or moved in the registry. */
export interface MovedLink {
  /** The link as published. */
  url: string;
  /** The link it leads to now. */
  to: string;
  /** Why: a correction merged its story into another, or the registry moved it. */
  why: 'merged' | 'moved';
}

/** The last segment of a link: a story's slug. @example lastSegment('/ntrb/2024-01-24/a2/') // 'a2' */
export const lastSegment = (url: string): string => url.split('/').at(-2) ?? '';

/** Splits a registry key back into file and line. */
export const splitKey = (key: string): { file: string; line: number } => {
  const sep = key.lastIndexOf(':');
  return { file: key.slice(0, sep), line: Number(key.slice(sep + 1)) };
};

/** An item as the requests give it: its key, its lines and its seal. */
export interface HeldItem {
  key: string;
  first: number;
  last: number;
  base: string;
  seal?: LineSeal | undefined;
}

/**
 * Finds the item that holds a line of a page, among the items requested.
 * @example itemsHolding([{ key: 'a.txt:3', base: '/x/', last: 9 }])({ file: 'a.txt', line: 5 })?.key // 'a.txt:3'
 */
export function itemsHolding(requests: readonly PermalinkRequest[]): (at: { file: string; line: number }) => HeldItem | null {
  const byFile = new Map<string, HeldItem[]>();
  for (const r of requests) {
    const { file, line } = splitKey(r.key);
    const list = byFile.get(file) ?? [];
    list.push({ key: r.key, first: line, last: r.last ?? line, base: r.base, seal: r.seal });
    byFile.set(file, list);
  }
  return (at) => byFile.get(at.file)?.find((item) => at.line >= item.first && at.line <= item.last) ?? null;
}

/** What a registered link needs when no item holds its line: the lines the archivist may append. */
function orphanMessage(e: RegistryEntry, renamedTo: { file: string } | null, today: string): string {
  const where = `${e.url} is published for ${e.file} line ${e.line}, but no item holds that line now`;
  if (renamedTo)
    return `${where}; ${renamedTo.file} holds the same text: if the page was renamed, append "${e.url}<TAB>${renamedTo.file}<TAB>${e.line}" to keep the link`;
  return `${where}. A published link keeps answering: restore the page or undo the correction that dropped the line, or append "${e.url}<TAB>retired<TAB>${today}<TAB><why>" (the story was withdrawn) or "${e.url}<TAB><new file><TAB><line>" (the page was renamed)`;
}

/**
 * Gives every item its permanent link. A registered link stays with the
 * item that holds its registered line, wherever that item now begins (a
 * correction that adds a kicker line above a story moves its first line, not
 * its link). When a correction merges two registered items, the item keeps
 * the link registered nearest its beginning and the other link leads to it.
 * A moved link leads where the registry says, a retired one is never given
 * again, and its story, where its page is still there, is withdrawn: it
 * gets no link at all. New items get their base link, or base-2, base-3… when that is
 * taken or reads as a 版's address (./page-address.ts). A registered link whose line no item holds is a problem, as is one
 * under another paper than its item's (a link never changes paper); one
 * under another date than its item's (a corrected date) keeps answering,
 * with a notice of how to move it.
 * @param today the date a retirement line the messages offer would carry
 */
export function assignPermalinks(
  requests: PermalinkRequest[],
  registry: Pick<Registry, 'entries' | 'moved' | 'retired'>,
  registryPath: string,
  today = '',
): {
  urls: Map<string, string>;
  added: PermalinkRequest[];
  moved: MovedLink[];
  withdrawn: WithdrawnItem[];
  problems: ArchiveProblem[];
  notices: ArchiveProblem[];
} {
  const byDigest = new Map<string, string>();
  for (const r of requests) if (r.digest) byDigest.set(r.digest, splitKey(r.key).file);
  const holder = itemsHolding(requests);
  const claims = new Map<string, RegistryEntry[]>();
  const problems: ArchiveProblem[] = [];
  const notices: ArchiveProblem[] = [];
  // A retired link whose page is still there withdraws the item that holds its line.
  const withdrawn = new Map<string, RetiredEntry>();
  for (const r of registry.retired) {
    const item = holder(r.from);
    if (item) withdrawn.set(item.key, r);
  }
  for (const e of registry.entries) {
    const item = holder(e);
    const retired = item ? withdrawn.get(item.key) : undefined;
    if (retired) {
      problems.push({
        file: registryPath,
        line: e.at,
        message: `${e.url} is published for ${e.file} line ${e.line}, whose story was withdrawn on line ${retired.at} (${retired.url}); a withdrawn story is published under no link: retire ${e.url} too ("${e.url}<TAB>retired<TAB>${today || 'YYYY-MM-DD'}<TAB>why"), or split the item with a correction`,
      });
      continue;
    }
    if (item === null) {
      const renamed = e.digest ? byDigest.get(e.digest) : undefined;
      problems.push({
        file: registryPath,
        line: e.at,
        message: orphanMessage(e, renamed && renamed !== e.file ? { file: renamed } : null, today || 'YYYY-MM-DD'),
      });
      continue;
    }
    const published = linkParts(e.url);
    const now = linkParts(item.base);
    if (published && now && published.paper !== now.paper) {
      problems.push({
        file: registryPath,
        line: e.at,
        message: `${e.url} names paper ${published.paper}, but ${e.file} line ${e.line} is in a page of ${now.paper}; a link never changes paper: fix the line to name the right page`,
      });
      continue;
    }
    if (published && now && published.date !== now.date) {
      notices.push({
        file: registryPath,
        line: e.at,
        message: `${e.url} keeps its link under ${published.date}, though its page is now dated ${now.date}; to move it, append "${e.url}<TAB>moved" (the old link then leads to the new one)`,
      });
    }
    claims.set(item.key, [...(claims.get(item.key) ?? []), e]);
  }
  const urls = new Map<string, string>();
  const merged: { url: string; key: string }[] = [];
  for (const [key, entries] of claims) {
    const first = splitKey(key).line;
    const [keep, ...others] = [...entries].sort((a, b) => Number(b.line === first) - Number(a.line === first) || a.line - b.line);
    if (keep) urls.set(key, keep.url);
    for (const o of others) merged.push({ url: o.url, key });
  }
  const taken = new Set([...registry.entries, ...registry.moved, ...registry.retired].map((e) => e.url));
  const added: PermalinkRequest[] = [];
  for (const r of requests) {
    if (urls.has(r.key) || withdrawn.has(r.key)) continue;
    let url = r.base;
    for (let n = 2; taken.has(url) || readsAsPageSegment(lastSegment(url)); n += 1) url = r.base.replace(/\/$/u, `-${n}/`);
    taken.add(url);
    urls.set(r.key, url);
    added.push({ key: r.key, base: url, ...(r.digest ? { digest: r.digest } : {}), ...(r.seal ? { seal: r.seal } : {}) });
  }
  const live = new Set(urls.values());
  const moved: MovedLink[] = merged.map((m) => ({ url: m.url, to: urls.get(m.key) ?? '', why: 'merged' }));
  for (const m of registry.moved) {
    const to = m.to ?? (holder(m.from) ? urls.get(holder(m.from)?.key ?? '') : undefined);
    if (to === undefined || !live.has(to)) {
      const target = m.to
        ? `${m.to}, which the archive does not publish`
        : `the item of ${m.from.file} line ${m.from.line}, which no item holds now`;
      problems.push({
        file: registryPath,
        line: m.at,
        message: `${m.url} is moved to ${target}; name a published link, or retire the link`,
      });
      continue;
    }
    moved.push({ url: m.url, to, why: 'moved' });
  }
  return { urls, added, moved, withdrawn: [...withdrawn].map(([key, retired]) => ({ key, retired })), problems, notices };
}
