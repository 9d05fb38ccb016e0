/**
 * Build step only (Node): empties the `content` field of the fragments
 * Pagefind wrote. Pagefind stores each record's indexed text in its fragment
 * to build excerpts, which this site never shows (it marks the printed text
 * the record's meta carries), and for our records that text is the page's
 * trigram words: more than half of every fragment a search downloads.
 *
 * The fragment format is Pagefind's, not a documented interface, so any file
 * that is not exactly what this expects stops the build rather than being
 * left as it is or half rewritten.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CONTENT_NAMED_FOLDERS, FRAGMENT_FIELDS as FIELDS, FRAGMENT_SIGNATURE as SIGNATURE } from './bundle.ts';

/** Throws unless `fragment` is a fragment of the shape this step was written for. */
function checkFragment(fragment: unknown, file: string): asserts fragment is Record<string, unknown> & { content: string } {
  if (typeof fragment !== 'object' || fragment === null || Array.isArray(fragment))
    throw new Error(`${file}: not a Pagefind fragment object`);
  const fields = Object.keys(fragment).sort();
  if (JSON.stringify(fields) !== JSON.stringify(FIELDS)) {
    throw new Error(
      `${file}: unexpected Pagefind fragment fields ${fields.join(', ')} (expected ${FIELDS.join(', ')}); check dropFragmentContent against this Pagefind version`,
    );
  }
  if (typeof (fragment as { content: unknown }).content !== 'string') throw new Error(`${file}: fragment content is not a string`);
}

/**
 * Rewrites one fragment file's bytes with an empty `content`.
 * @example dropContent(readFileSync(file), file) // gzip of 'pagefind_dcd{"url":…,"content":"",…}'
 */
export function dropContent(bytes: Uint8Array, file: string): Buffer {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment (no ${SIGNATURE} signature)`);
  const fragment: unknown = JSON.parse(text.slice(SIGNATURE.length));
  checkFragment(fragment, file);
  return gzipSync(SIGNATURE + JSON.stringify({ ...fragment, content: '' }), { level: 9 });
}

/**
 * Empties the content of every fragment of a Pagefind index folder; returns
 * how many were rewritten. Throws on any file not in the expected format.
 */
export function dropFragmentContent(indexFolder: string): number {
  const folder = join(indexFolder, 'fragment');
  const files = readdirSync(folder);
  for (const name of files) {
    if (!name.endsWith(CONTENT_NAMED_FOLDERS.fragment))
      throw new Error(`${join(folder, name)}: unexpected file in Pagefind's fragment folder`);
    const file = join(folder, name);
    writeFileSync(file, dropContent(readFileSync(file), file));
  }
  return files.length;
}
