/**
 * Generates a synthetic archive: papers.yml and raw pages with their .yml
 * metadata, in the layout of content/ (pages/<paper>/<date>/<file>.txt),
 * deterministically from a seed. Used to measure the build at scale.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { trainBigrams, type BigramModel } from './bigram-model.ts';
import { generatePage, type ExpectedItem } from './generate-page.ts';
import { Prng } from './prng.ts';

/** The papers of a synthetic archive; the first two are the seed's. */
export const PAPERS = [
  { id: 'jhwb', name: '江海晚报', nameEn: 'Jianghai Evening News' },
  { id: 'ntrb', name: '南通日报', nameEn: 'Nantong Daily' },
  { id: 'hmrb', name: '海门日报', nameEn: 'Haimen Daily' },
] as const;

/** Options of {@link generateArchive}. */
export interface GenerateOptions {
  /** How many items (stories, jumps, photos) to write in all. */
  stories: number;
  /** The seed number; the same seed gives the same files. */
  seed: number;
  /** The trained text model. */
  model: BigramModel;
  /** First publication date, YYYY-MM-DD. */
  startDate?: string;
  /** Last publication date, YYYY-MM-DD: no edition after it, however few stories were written. */
  endDate?: string;
  /** How many of the papers publish (the first ones); all by default. */
  papers?: number;
  /** Pages of an edition, at least and at most; a real daily prints more than the default. */
  pages?: readonly [number, number];
}

/** A generated archive: file contents by path relative to the content folder, and what each page holds. */
export interface GeneratedArchive {
  files: Map<string, string>;
  /** Items written per page, by the page's .txt path. */
  expected: Map<string, ExpectedItem[]>;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function papersYaml(papers: number = PAPERS.length): string {
  const entries = PAPERS.slice(0, papers).map(
    (p) => `- id: ${p.id}\n  name: ${p.name}\n  nameEn: ${p.nameEn}\n  place: 南通\n  publisher: 南通报业传媒集团\n`,
  );
  return `# Synthetic papers written by scripts/generate-archive.ts.\n${entries.join('')}`;
}

/**
 * The 版名 of the first pages of every generated edition, as 南通日报 names
 * its own; later pages have none, as a page whose name is not known.
 */
const PAGE_NAMES: Readonly<Record<string, string>> = { A1: '要闻', A2: '看南通', A3: '综合', A4: '城事' };

function metaYaml(paper: string, date: string, label: string): string {
  const name = PAGE_NAMES[label];
  return [
    '# Synthetic edition metadata written by scripts/generate-archive.ts.',
    `paper: ${paper}`,
    `date: ${date}`,
    `page: ${label}`,
    ...(name ? [`pageName: ${name}`] : []),
    'sources:',
    '  date: Synthetic, from the generator.',
    '  page: Synthetic, from the generator.',
    '',
  ].join('\n');
}

/** One generated raw page with its metadata file and the items written into it. */
export interface GeneratedFile {
  /** Path of the .txt relative to the content folder; the .yml sits beside it. */
  path: string;
  text: string;
  meta: string;
  items: ExpectedItem[];
}

/**
 * Generates editions (every paper, one date after another; four to eight
 * pages of three to eight items each, unless told otherwise) until `stories`
 * items are written or `endDate` is passed, one page at a time so that a
 * large archive need not be held in memory.
 */
export function* generatePages({
  stories,
  seed,
  model,
  startDate = '2024-01-01',
  endDate,
  papers = PAPERS.length,
  pages: [fewest, most] = [4, 8],
}: GenerateOptions): Generator<GeneratedFile> {
  const rng = new Prng(seed);
  let written = 0;
  for (let day = 0; written < stories; day += 1) {
    const date = addDays(startDate, day);
    if (endDate !== undefined && date > endDate) break;
    for (const paper of PAPERS.slice(0, papers)) {
      if (written >= stories) break;
      const labels = Array.from({ length: rng.int(fewest, most) }, (_, i) => `A${i + 1}`);
      for (const [index, label] of labels.entries()) {
        if (written >= stories) break;
        const count = Math.min(rng.int(3, 8), stories - written);
        const slot = { paper: paper.id, date, label, otherLabels: labels.filter((l) => l !== label) };
        const page = generatePage(slot, count, model, rng);
        const path = `pages/${paper.id}/${date}/${String(index).padStart(3, '0')}_${rng.hex16()}.txt`;
        written += page.items.length;
        yield { path, text: page.text, meta: metaYaml(paper.id, date, label), items: page.items };
      }
    }
  }
}

/** The whole archive in memory: every file by path, and the items of every page. */
export function generateArchive(options: GenerateOptions): GeneratedArchive {
  const files = new Map<string, string>([['papers.yml', papersYaml(options.papers)]]);
  const expected = new Map<string, ExpectedItem[]>();
  for (const page of generatePages(options)) {
    files.set(page.path, page.text);
    files.set(page.path.replace(/\.txt$/u, '.yml'), page.meta);
    expected.set(page.path, page.items);
  }
  return { files, expected };
}

/**
 * Writes a generated archive under `outDir` page by page; returns how many
 * pages and items it wrote.
 */
export function writeGeneratedArchive(options: GenerateOptions, outDir: string): { pages: number; items: number } {
  const write = (path: string, text: string): void => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  write('papers.yml', papersYaml(options.papers));
  let pages = 0;
  let items = 0;
  for (const page of generatePages(options)) {
    write(page.path, page.text);
    write(page.path.replace(/\.txt$/u, '.yml'), page.meta);
    pages += 1;
    items += page.items.length;
  }
  return { pages, items };
}

/** Reads every seed page (.txt under pages/) of a content folder. */
export function readSeedTexts(contentDir: string): string[] {
  return readdirSync(join(contentDir, 'pages'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => readFileSync(path, 'utf8'));
}

/** Trains the text model on the seed pages of a content folder. */
export function trainOnSeed(contentDir: string): BigramModel {
  return trainBigrams(readSeedTexts(contentDir));
}
