/**
 * Finds, in a generated archive, a word printed only in its oldest year: the
 * search bench asks for it to measure what listing a rare old word costs
 * when every span of the archive must be asked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs of Chinese characters within a line: a word is looked for inside one. */
const HAN_RUN = /\p{Script=Han}{3,}/gu;

/** Every three-character sequence inside the text's runs of Chinese characters, once each. */
function trigramsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let index = 0; index + 3 <= chars.length; index += 1) found.add(chars.slice(index, index + 3).join(''));
  }
  return found;
}

/** The raw pages of a content folder with their publication year, from the pages/<paper>/<date>/ layout. */
function pagesByYear(contentDir: string): { year: string; path: string }[] {
  const root = join(contentDir, 'pages');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => ({ year: /(\d{4})-\d{2}-\d{2}/u.exec(e.parentPath)?.[1] ?? '', path: join(e.parentPath, e.name) }))
    .filter((p) => p.year !== '')
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The three-character word printed on the most raw pages of the archive's
 * oldest year and on none of a later year, with how many pages print it;
 * null when no such word exists (an archive of one year).
 * @example oldestYearWord('/tmp/bench/content') // { word: '…', year: '2024', pages: 3 }
 */
export function oldestYearWord(contentDir: string): { word: string; year: string; pages: number } | null {
  const pages = pagesByYear(contentDir);
  const oldest = pages.map((p) => p.year).sort()[0];
  if (oldest === undefined || pages.every((p) => p.year === oldest)) return null;
  const counts = new Map<string, number>();
  for (const page of pages) {
    if (page.year !== oldest) continue;
    for (const word of trigramsOf(readFileSync(page.path, 'utf8'))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  for (const page of pages) {
    if (page.year === oldest) continue;
    for (const word of trigramsOf(readFileSync(page.path, 'utf8'))) counts.delete(word);
  }
  let best: { word: string; year: string; pages: number } | null = null;
  // Ties go to the first word in code point order, so the same archive gives the same word.
  for (const [word, count] of counts) {
    if (!best || count > best.pages || (count === best.pages && word < best.word)) best = { word, year: oldest, pages: count };
  }
  return best;
}
