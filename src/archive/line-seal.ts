import { createHash } from 'node:crypto';

/**
 * A seal on a run of a raw page's lines: their numbers and a digest of their
 * printed characters. The registry keeps one with every link it publishes
 * (the lines of the item when it was registered), and so does the manifest of
 * a build (src/archive/link-manifest.ts), so that a raw page edited under a
 * published link is caught, and the lines it no longer holds can be named.
 * Spaces and line ends are not printed text (a re-export may change them);
 * a line removed or added is, since it moves every line after it.
 */
export interface LineSeal {
  /** First line, 1-based. */
  first: number;
  /** Last line. */
  last: number;
  /** 64 bits of the sha256 of the lines' printed characters, one line per line. */
  digest: string;
}

/**
 * Seals lines first..last of a page's lines (as sourceLines gives them); a
 * line past the end counts as missing, so it never matches a line that was there.
 * @example sealLines(['潮起长江口', '', '本报讯'], 1, 3).digest.length // 16
 */
export function sealLines(lines: readonly string[], first: number, last: number): LineSeal {
  const hash = createHash('sha256');
  for (let n = first; n <= last; n += 1) {
    const line = lines[n - 1];
    hash.update(line === undefined ? '\u0000' : `${line.replace(/\s+/gu, '')}\n`);
  }
  return { first, last, digest: hash.digest('hex').slice(0, 16) };
}

/**
 * A seal as the registry and the manifest write it.
 * @example formatSeal({ first: 57, last: 65, digest: '0123456789abcdef' }) // '57-65:0123456789abcdef'
 */
export const formatSeal = (seal: LineSeal): string => `${seal.first}-${seal.last}:${seal.digest}`;

/**
 * Reads a seal as formatSeal writes it, or null when the field is no seal.
 * @example parseSeal('57-65:0123456789abcdef') // { first: 57, last: 65, digest: '0123456789abcdef' }
 */
export function parseSeal(field: string): LineSeal | null {
  const m = /^(\d+)-(\d+):([0-9a-f]{16})$/u.exec(field);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const first = Number(m[1]);
  const last = Number(m[2]);
  return first >= 1 && last >= first ? { first, last, digest: m[3] } : null;
}

/** Whether a page's lines still hold what a seal was made of. */
export const holdsSeal = (lines: readonly string[], seal: LineSeal): boolean =>
  sealLines(lines, seal.first, seal.last).digest === seal.digest;

/**
 * Every run of `span` + 1 lines of a page by the digest of its seal: where a
 * sealed text may stand now. Made once per page and span, so finding where
 * thousands of items of one page moved costs one pass over it each.
 */
export function sealIndex(lines: readonly string[], span: number): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let first = 1; first + span <= lines.length; first += 1) {
    const { digest } = sealLines(lines, first, first + span);
    index.set(digest, [...(index.get(digest) ?? []), first]);
  }
  return index;
}

/**
 * Where a page's lines hold the sealed text now, as the first line of a run
 * of as many lines, nearest the sealed place first; null when nowhere but there.
 * @param index the page's sealIndex for the seal's span, when one is kept
 * @example findSeal(['', '潮起长江口'], sealLines(['潮起长江口'], 1, 1)) // 2
 */
export function findSeal(lines: readonly string[], seal: LineSeal, index = sealIndex(lines, seal.last - seal.first)): number | null {
  const starts = (index.get(seal.digest) ?? []).filter((first) => first !== seal.first);
  starts.sort((a, b) => Math.abs(a - seal.first) - Math.abs(b - seal.first) || a - b);
  return starts[0] ?? null;
}
