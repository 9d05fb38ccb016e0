import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { editionMetaSchema } from '../../src/archive/edition-meta.ts';
import { readPaperStyles } from '../../src/archive/paper-styles.ts';
import type { PaperStyle } from '../../src/archive/paper-style.ts';
import { parsePage } from '../../src/archive/parse-page.ts';
import { formatProblem, projectPath } from '../../src/archive/problems.ts';
import { readYaml } from '../../src/archive/read-yaml.ts';
import type { SplitOptions } from '../../src/archive/split-items.ts';
import type { ParsedItem, ParseNote } from '../../src/archive/types.ts';

/**
 * The corpus of real pages (tests/fixtures/real-pages): every raw page with
 * its gold file, and the comparison of a parse with the gold, item by item.
 * Shared by the unit test and `npm run parse:score`.
 */

/** The corpus folder, relative to the project root. */
export const CORPUS_DIR = 'tests/fixtures/real-pages';
/** Where the seed pages are, whose gold the corpus also holds. */
const SEED_DIR = 'content/pages';

const text = z.string().nullable().default(null);
const list = z.array(z.string()).default([]);

/** One item of a gold file: what the paper printed. Fields left out are null or empty. */
export const goldItemSchema = z.strictObject({
  conventions: list,
  kind: z.enum(['story', 'jump', 'photo']),
  kicker: text,
  headline: text,
  subtitle: text,
  column: text,
  dateline: text,
  byline: text,
  bylines: list,
  credit: text,
  credits: list,
  continuedFrom: text,
  continuesOn: text,
  sections: list,
  endnotes: list,
  paragraphs: list,
});

/** A gold file. */
export const goldFileSchema = z.strictObject({ items: z.array(goldItemSchema) });

/** A gold item as compared. */
export type GoldItem = z.output<typeof goldItemSchema>;
/** The fields compared: every gold field but the convention tags. */
export type ItemView = Omit<GoldItem, 'conventions'>;

/** One page of the corpus. */
export interface CorpusPage {
  /** Path of the raw page, relative to the project root (absolute when outside it). */
  path: string;
  text: string;
  gold: GoldItem[];
  corrections: z.output<typeof editionMetaSchema>['corrections'];
  /** The paper's id, and its house style from the papers.yml of the folder the page is in. */
  paper: string;
  style: PaperStyle | undefined;
}

/**
 * Every page of the corpus, sorted by path: each gold file and its raw page,
 * from the corpus's pages/ or, for the seed pages, from content/pages.
 * @param dir a folder laid out as the corpus is (gold/, pages/), such as a
 *   held-out set collected to measure the parser on pages it was not tuned on
 */
export function readCorpus(dir: string = CORPUS_DIR): CorpusPage[] {
  const root = process.cwd();
  const corpus = isAbsolute(dir) ? dir : join(root, dir);
  const goldDir = join(corpus, 'gold');
  const styles = { own: readPaperStyles(corpus), seed: readPaperStyles(join(root, SEED_DIR, '..')) };
  return readdirSync(goldDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => {
      const txt = f.replace(/\.yml$/u, '.txt');
      const own = join(corpus, 'pages', txt);
      const path = existsSync(own) ? own : join(root, SEED_DIR, txt);
      const metaPath = path.replace(/\.txt$/u, '.yml');
      const meta = readYaml(projectPath(metaPath, root), readFileSync(metaPath, 'utf8'), editionMetaSchema);
      const goldPath = join(goldDir, f);
      const read = readYaml(projectPath(goldPath, root), readFileSync(goldPath, 'utf8'), goldFileSchema);
      const problems = [...meta.problems, ...read.problems];
      if (!meta.data || !read.data) throw new Error(problems.map(formatProblem).join('\n'));
      const paper = meta.data.paper;
      const style = (existsSync(own) ? styles.own : styles.seed).get(paper);
      return {
        path: projectPath(path, root),
        text: readFileSync(path, 'utf8'),
        gold: read.data.items,
        corrections: meta.data.corrections,
        paper,
        style,
      };
    });
}

/** The compared view of a parsed item. */
export function viewOf(item: ParsedItem): ItemView {
  return {
    kind: item.kind,
    kicker: item.kicker,
    headline: item.headline,
    subtitle: item.subtitle,
    column: item.column,
    dateline: item.dateline,
    byline: item.byline,
    bylines: item.bylines,
    credit: item.credit,
    credits: item.credits,
    continuedFrom: item.continuedFrom,
    continuesOn: item.continuesOn,
    sections: item.body.filter((b) => b.type === 'subhead').map((b) => b.text),
    endnotes: item.endnotes,
    paragraphs: item.body.filter((b) => b.type === 'paragraph').map((b) => b.text),
  };
}

/**
 * How a gold item came out: exact; wrong but noted (a note with a
 * correction stands on one of the item's lines, so an archivist reading the
 * notes finds it); or wrong in silence (only reading the story finds it).
 */
export type Verdict = 'exact' | 'noted' | 'silent';

/** One gold item compared with the item parsed at its place. */
export interface ItemResult {
  page: string;
  /** The page's paper id. */
  paper: string;
  index: number;
  gold: GoldItem;
  parsed: ItemView | null;
  /** Fields that differ; empty when the item is exact. */
  wrong: (keyof ItemView)[];
  /** First and last raw line the gold item's printed text stands on. */
  lines: [number, number];
  /** Notes with a correction on the item's lines. */
  notes: ParseNote[];
  verdict: Verdict;
}

/** The printed texts of a gold item that open it, in print order. */
const openingTexts = (g: GoldItem): string[] =>
  [g.column, g.kicker, g.headline, g.subtitle, g.dateline, g.paragraphs[0]].filter((t): t is string => !!t);
/** Every printed text of a gold item. */
const allTexts = (g: GoldItem): string[] =>
  [...openingTexts(g), ...g.sections, ...g.paragraphs, g.byline, g.credit, ...g.endnotes].filter((t): t is string => !!t);

/**
 * The raw lines a gold item stands on, found by the beginnings of its
 * printed texts: its first line is the first of its opening texts after the
 * item before; its last, the furthest of all its texts from there.
 */
function locate(lines: string[], gold: GoldItem, after: number): [number, number] {
  const find = (text: string, from: number): number => {
    const head = text.replace(/\s+/gu, '').slice(0, 8);
    for (let i = from; i < lines.length; i++) if ((lines[i] ?? '').replace(/\s+/gu, '').includes(head)) return i + 1;
    return -1;
  };
  const starts = openingTexts(gold)
    .map((t) => find(t, after))
    .filter((n) => n > 0);
  const first = starts.length > 0 ? Math.min(...starts) : after + 1;
  const ends = allTexts(gold)
    .map((t) => find(t, first - 1))
    .filter((n) => n > 0);
  return [first, Math.max(first, ...ends)];
}

/**
 * Compares the parse of a page with its gold, item by item in print order:
 * with the archivist's corrections kept beside the page (as the site reads
 * it), or without them (the parser alone); with the paper's house style, or
 * without it (`{ style: undefined }`); with some doubts (doubts.ts) or
 * display-role signals (display-roles.ts) left out, to measure what each is worth.
 */
export function comparePage(page: CorpusPage, withCorrections = true, leftOut: Omit<SplitOptions, 'corrections'> = {}): ItemResult[] {
  const parse = parsePage(page.text, withCorrections ? (page.corrections ?? []) : [], { style: page.style, ...leftOut });
  const parsed = parse.items.map(viewOf);
  const allNotes = [...parse.notes, ...parse.items.flatMap((i) => i.notes)].filter((n) => n.fix !== null);
  const lines = page.text.split('\n');
  let after = 0;
  return page.gold.map((gold, index) => {
    const view = parsed[index] ?? null;
    const { conventions: _tags, ...expected } = gold;
    const wrong = view
      ? (Object.keys(expected) as (keyof ItemView)[]).filter((k) => JSON.stringify(view[k]) !== JSON.stringify(expected[k]))
      : (['kind'] as (keyof ItemView)[]);
    // A page that parsed into more items than printed leaves its last gold item wrong too.
    if (index === page.gold.length - 1 && parsed.length > page.gold.length && wrong.length === 0) wrong.push('paragraphs');
    const span = locate(lines, gold, after);
    after = span[0];
    const notes = allNotes.filter((n) => n.line >= span[0] && n.line <= span[1]);
    const verdict: Verdict = wrong.length === 0 ? 'exact' : notes.length > 0 ? 'noted' : 'silent';
    return { page: page.path, paper: page.paper, index, gold, parsed: view, wrong, lines: span, notes, verdict };
  });
}

/** Items by verdict. */
export interface Tally {
  exact: number;
  noted: number;
  silent: number;
  total: number;
}

const tally = (results: readonly ItemResult[]): Tally => ({
  exact: results.filter((r) => r.verdict === 'exact').length,
  noted: results.filter((r) => r.verdict === 'noted').length,
  silent: results.filter((r) => r.verdict === 'silent').length,
  total: results.length,
});

/** Exact, noted and silent items out of all, overall and per convention tag. */
export function scoreCorpus(results: ItemResult[]): Tally & { byConvention: Map<string, Tally> } {
  const tags = [...new Set(results.flatMap((r) => r.gold.conventions))];
  const byConvention = new Map(tags.map((tag) => [tag, tally(results.filter((r) => r.gold.conventions.includes(tag)))]));
  return { ...tally(results), byConvention };
}
