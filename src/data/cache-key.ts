import { createHash } from 'node:crypto';
import { sha256 } from '../archive/page-summaries.ts';
import { codeDigest } from '../build/code-digest.ts';

/**
 * Cache keys for incremental builds (src/data/render-plan.ts). A path whose
 * key is unchanged since the last build is not rendered again: its file is
 * kept from the last output, so a key must cover every piece of data the
 * page shows. If it misses one, the page goes stale.
 */

/**
 * The site's code (src/build/code-digest.ts). The CSP <meta> on every page
 * lists the hashes of the inline scripts and styles of all pages, so a style
 * edited on the search page changes every story page: any code change
 * invalidates every key, and only data changes are incremental.
 * (the build renders everything anyway when the code changed; this
 * keeps each key complete on its own.)
 */
const siteCode = codeDigest(process.cwd());

/** Digests of content entries already hashed, so an item shown on many pages is hashed once. */
const entryDigests = new WeakMap<object, string>();

/** A content collection entry (articles, papers): the unit worth hashing once. */
function isCollectionEntry(value: object): value is { collection: string; id: string; data: unknown } {
  return 'collection' in value && typeof value.collection === 'string' && 'id' in value && typeof value.id === 'string' && 'data' in value;
}

/**
 * JSON with object keys sorted, so the same data gives the same text however
 * its objects were built. Content entries nested inside are replaced by the
 * digest of their whole stored form (data and rendered HTML), not by their
 * loader `digest`, which does not see what the schema did to the data.
 * Maps and Sets are written out; a function throws, since JSON would drop it
 * silently and the key would miss whatever it renders.
 */
function stableJson(value: unknown, entriesAsDigests: boolean): string {
  return JSON.stringify(value, (key: string, current: unknown): unknown => {
    if (typeof current === 'function') throw new TypeError(`cacheKey cannot hash the function at "${key}"`);
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return current;
    if (current instanceof Map) return ['Map', [...current]];
    if (current instanceof Set) return ['Set', [...current]];
    if (entriesAsDigests && isCollectionEntry(current)) return `entry:${entryDigest(current)}`;
    const record = current as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  });
}

/**
 * JSON of a content entry in its own order of keys. Every entry of a build
 * is hashed, so sorting each of its objects would cost a build of the whole
 * archive seconds; an entry's objects are all built by its collection's
 * schema (or read back from the store in the order it wrote them), so the
 * same entry gives the same text in a whole build, a slice and a join. An
 * entry built in another order would cost its pages a render, never a stale
 * page. What JSON would drop or write as `{}` is refused, as in stableJson.
 */
function entryJson(entry: object): string {
  return JSON.stringify(entry, (key: string, current: unknown): unknown => {
    if (typeof current === 'function' || current instanceof Map || current instanceof Set)
      throw new TypeError(
        `cacheKey cannot hash the ${typeof current === 'function' ? 'function' : 'Map or Set'} at "${key}" of a content entry`,
      );
    return current;
  });
}

/** sha256 of one content entry's full stored form, memoised per entry object. */
function entryDigest(entry: object): string {
  let digest = entryDigests.get(entry);
  if (digest === undefined) {
    digest = sha256(entryJson(entry));
    entryDigests.set(entry, digest);
  }
  return digest;
}

/**
 * The `cacheKey` of a page: sha256 (hex) of the site's code and of everything
 * the page renders from data, given as JSON-like values (usually its props)
 * plus the digest of any file it reads at render time.
 * @example cacheKey({ edition }) // 'c0ffee…' (64 hex digits); changes when any item of the edition changes
 */
export function cacheKey(...parts: unknown[]): string {
  const hash = createHash('sha256').update(siteCode);
  for (const part of parts) {
    hash.update('\n');
    hash.update(sha256(stableJson(part ?? null, true)));
  }
  return hash.digest('hex');
}
