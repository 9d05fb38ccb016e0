/**
 * Where Pagefind's files live in the built site and what they are named:
 * the layout of the bundle Pagefind 1.6 writes, which is not a documented
 * interface. Everything else reads these names from here, and the contract
 * test (tests/e2e/pagefind-contract.test.ts) checks them against the
 * pinned Pagefind, so an upgrade that changes them fails there first.
 */

/** The Pagefind version every assumption of this folder was checked against. */
export const PAGEFIND_VERSION = '1.6.0';

/** Output folder of the search bundle, relative to the site's root: one folder per shard below it. */
export const BUNDLE_FOLDER = 'pagefind';

/** Site path of the search bundle. */
export const BUNDLE_PATH = `/${BUNDLE_FOLDER}/`;

/**
 * Site path of a shard's Pagefind index.
 * @example shardPath('jhwb-2025h1') // '/pagefind/jhwb-2025h1/'
 */
export function shardPath(id: string): string {
  return `${BUNDLE_PATH}${id}/`;
}

/** Folders of an index whose files Pagefind names by their content, with their files' extension. */
export const CONTENT_NAMED_FOLDERS = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' } as const;

/**
 * Site path of a page's fragment in a shard's index.
 * @example fragmentPath('jhwb-2025h1', 'zh-cn_28ad326') // '/pagefind/jhwb-2025h1/fragment/zh-cn_28ad326.pf_fragment'
 */
export function fragmentPath(shard: string, fragment: string): string {
  return `${shardPath(shard)}fragment/${fragment}${CONTENT_NAMED_FOLDERS.fragment}`;
}

/**
 * What the build and the host know of where the search index lies, the one
 * name of this folder's that code outside it reads: the index's folder in
 * the output (one folder per part below it, each rebuilt whole when its
 * part changes), and the folders of a part's index whose
 * files are named by their content (so may be cached for ever).
 */
export const SEARCH_FILES = {
  folder: BUNDLE_FOLDER,
  contentNamed: Object.keys(CONTENT_NAMED_FOLDERS),
} as const;

/**
 * Files of Pagefind's output the site does not use: its script, wasm, UIs,
 * highlighter and worker. The search reads the index files itself
 * (./shard-files.ts).
 */
export const UNUSED_FILE = /^(pagefind([-.].*)?\.(js|css)|wasm\..*\.pagefind)$/u;

/**
 * The files an index folder keeps at its top level besides the content-named
 * folders: the entry file and the metadata file (named by its language and
 * content).
 */
export const KEPT_FILE = /^(pagefind-entry\.json|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta)$/u;

/** What Pagefind 1.6 puts before a decompressed fragment's JSON. */
export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** The fields of a Pagefind 1.6 fragment of a custom record. */
export const FRAGMENT_FIELDS: readonly string[] = ['anchors', 'content', 'filters', 'meta', 'url', 'word_count'];
