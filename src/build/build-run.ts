import { createHash } from 'node:crypto';
import type { EditionMeta } from '../archive/edition-meta.ts';
import type { PublishedLink } from '../archive/link-manifest.ts';
import type { Witness } from '../archive/link-witness.ts';
import type { PathKeys } from './output-tree.ts';
import type { BuildPart, ListedEdition, SliceOutput } from './slices.ts';

/**
 * What one `astro build` of the archive shares between its integration
 * (src/build/archive-build.ts), the archive loader and the routes: they run
 * in one process, in that order. The integration begins a run before Astro
 * reads any content; `astro dev`, which has no run, renders everything.
 */
export interface BuildRun {
  /** The last build's key of every path, by site-relative URL; empty when everything is rendered afresh. */
  previous: PathKeys;
  /** The last build's output: a path whose file is missing there is rendered whatever its key. Null in a full build. */
  lastOutput: string | null;
  /** This build's keys, by route, then by URL, as the routes give them. */
  keys: Map<string, PathKeys>;
  /** The site-relative URLs each route renders in this build. */
  rendered: Map<string, string[]>;
  /** The registry lines of the links this build publishes for the first time (see permalink-registry.ts). */
  registryLines: string;
  /** The registry as this build read it: the lines above are appended only while it still begins so. */
  registryText: string;
  /** Every link this build publishes, for its manifest (src/archive/link-manifest.ts). */
  links: PublishedLink[];
  /** The output this build replaces, as the witness of the links it published, or null (src/archive/link-witness.ts). */
  witness: Witness | null;
  /** What this build makes: the whole site, a slice of it, or the site joined from slices (./slices.ts). */
  part: BuildPart;
  /** In a join, the slice whose output holds each path (under the key it has there); empty otherwise. */
  fromSlices: Map<string, SliceOutput>;
  /** In a join, the paths taken ready-made from a slice rather than made here, and the slice of each. */
  taken: Map<string, SliceOutput>;
  /** In a slice's build, every edition of the archive as its folder names it (its pages name them all); null otherwise. */
  outline: ListedEdition[] | null;
  /** What the archive's check read of each raw page (by path, as items' `source.path` names it), so that the raw-page views need not read it again. */
  rawPages: Map<string, RawPageFacts>;
  /** The file Astro keeps this build's content store in, which the pages read it from (./store-module.ts); null until the build names it. */
  storeFile: string | null;
  /**
   * In a join, the stories whose records it took from the slices: they stay
   * out of its content store, which Astro reads as one string (its length
   * would bound the archive), and the query module (src/data/articles.ts)
   * gives them to the pages beside the stored ones. Null outside a join.
   */
  sliceStories: { held: SliceStory[]; stored: number } | null;
}

/** A story of a join held outside the content store, as its entry would be there: its stored record (in short), under its loader digest. */
export interface SliceStory {
  id: string;
  digest: string;
  data: Record<string, unknown>;
}

/** A raw page's digest as its view shows it: sha256 (hex) of the file's bytes, as `sha256sum` prints it. */
export function rawPageDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a raw-page view keys on and shows beside the lines: the file's digest and its .yml's sources. */
export interface RawPageFacts {
  /** sha256 (hex) of the file's bytes (rawPageDigest). */
  digest: string;
  /** The `sources` of the edition metadata beside it. */
  sources: EditionMeta['sources'];
}

const RUN = Symbol.for('nantong-newspaper-archive.build-run');
type WithRun = typeof globalThis & { [RUN]?: BuildRun };

/** Begins the run of a build: the loader and the routes of this process read and fill it. */
export function beginBuildRun(
  previous: PathKeys,
  lastOutput: string | null,
  witness: Witness | null = null,
  part: BuildPart = { kind: 'whole' },
): BuildRun {
  const run: BuildRun = {
    previous,
    lastOutput,
    keys: new Map(),
    rendered: new Map(),
    registryLines: '',
    registryText: '',
    links: [],
    witness,
    part,
    fromSlices: new Map(),
    taken: new Map(),
    outline: null,
    rawPages: new Map(),
    storeFile: null,
    sliceStories: null,
  };
  (globalThis as WithRun)[RUN] = run;
  return run;
}

/** The build run of this process, or null (astro dev, astro check, a test). */
export function buildRun(): BuildRun | null {
  return (globalThis as WithRun)[RUN] ?? null;
}
