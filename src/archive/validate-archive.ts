import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { decodeMetaText, decodePageText } from './decode-page-text.ts';
import { editionMetaSchema, papersFileSchema, type EditionMeta, type Paper } from './edition-meta.ts';
import { unsafeName } from './file-names.ts';
import { sortProblems, type ArchiveProblem } from './problems.ts';
import type { RawArchive, RawFile } from './read-archive.ts';
import { readYaml, yamlLine } from './read-yaml.ts';
import { checkCorrections } from './corrections.ts';

/** A raw page that passed every check, with its edition metadata. */
export interface ValidPage {
  /** Path of the .txt, relative to the project root. */
  path: string;
  /** File name, unique in the archive; the key its items' permalinks are registered by. */
  file: string;
  /** Digest of its printed text (see pageDigest), the same whatever the line ends, BOM or spacing. */
  digest: string;
  /** The page's text, decoded but unchanged. */
  text: string;
  meta: EditionMeta;
}

/**
 * Edition metadata already read, by the exact text of its .yml file: a file
 * whose text is unchanged is not parsed again (YAML is most of the time a
 * rebuild spends checking 18,000 pages). Only metadata without problems is
 * kept, so every problem is found and reported afresh.
 */
export type MetaCache = Map<string, EditionMeta>;

/** The archive's input after checking: good pages and every problem found. */
export interface ValidatedArchive {
  papers: Paper[];
  pages: ValidPage[];
  problems: ArchiveProblem[];
  /** What does not stop the build but an archivist should look at: lost characters, dates outside a paper's span. */
  warnings: ArchiveProblem[];
}

const stem = (path: string): string => path.replace(/\.[^./]+$/u, '');
/** Line of a top-level key in a small YAML file, for duplicate reports. */
const keyLine = (text: string, key: string): number => {
  const i = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return i >= 0 ? i + 1 : 1;
};

/**
 * Reads content/papers.yml: a file the reader refused, text no text field
 * may hold (see decodeMetaText), schema problems by line, and ids listed twice.
 * @param file the file, or null when it is missing
 */
export function checkPapers(file: RawFile | null): { papers: Paper[]; problems: ArchiveProblem[]; warnings: ArchiveProblem[] } {
  if (!file)
    return {
      papers: [],
      problems: [{ file: 'content/papers.yml', line: 1, message: 'missing: list the papers the archive holds (see docs/archivists.md)' }],
      warnings: [],
    };
  if (file.refused !== undefined) return { papers: [], problems: [{ file: file.path, line: 1, message: file.refused }], warnings: [] };
  const decoded = decodeMetaText(file.path, file.bytes);
  if ('problem' in decoded) return { papers: [], problems: [decoded.problem], warnings: [] };
  const { text, warnings } = decoded;
  const result = readYaml(file.path, text, papersFileSchema);
  const data = result.data;
  const problems: ArchiveProblem[] = [...result.problems];
  if (!data) return { papers: [], problems, warnings };
  const lines = text.split('\n');
  const seen = new Set<string>();
  for (const p of data) {
    if (!seen.has(p.id)) {
      seen.add(p.id);
      continue;
    }
    const at = lines.flatMap((l, i) => (l.replace(/^-?\s*/u, '') === `id: ${p.id}` ? [i + 1] : []));
    problems.push({ file: file.path, line: at[1] ?? 1, message: `paper id "${p.id}" is listed twice` });
  }
  return { papers: data, problems, warnings };
}

/**
 * A page's digest: of its printed text, the same whatever the line ends, BOM
 * or spacing of the export. Two pages with one digest are one page; the
 * permalink registry keeps it to recognise a renamed page.
 * @example pageDigest('潮起长江口\r\n') === pageDigest('潮起长江口') // true
 */
export function pageDigest(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/gu, '')).digest('hex').slice(0, 16);
}

/** No Chinese periodical is older: 察世俗每月统记传 first appeared in 1815. */
const FIRST_PAPER = '1815-01-01';

/** Today's date where the papers are printed (China Standard Time, UTC+8), YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * What is wrong with an edition's date, if anything: a date after today's
 * (where the papers are printed) cannot be an edition's and stops the build,
 * since every later page would sort after it and search would treat it as
 * the newest half-year; a date outside the span papers.yml gives the paper
 * (from, to) is only warned of, as the span may be what is out of date.
 */
function checkDate(date: string, paper: Paper | undefined, today: string): { stop: boolean; message: string } | null {
  if (date < FIRST_PAPER)
    return { stop: true, message: `date ${date} is before any Chinese periodical was printed (${FIRST_PAPER}); fix the date` };
  if (date > today)
    return { stop: true, message: `date ${date} is after today (${today} in China): no edition of it is printed yet; fix the date` };
  if (paper?.from && date < paper.from)
    return {
      stop: false,
      message: `date ${date} is before ${paper.id}'s first edition (from: ${paper.from} in papers.yml); check the date, or the span in papers.yml`,
    };
  if (paper?.to && date > paper.to)
    return {
      stop: false,
      message: `date ${date} is after ${paper.id}'s last edition (to: ${paper.to} in papers.yml); check the date, or the span in papers.yml`,
    };
  return null;
}

/**
 * Checks every input file: papers.yml, each raw page (a file the reader did
 * not refuse, with a safe name, UTF-8 text, not empty) and its edition
 * metadata (its text, schema, known paper, a date that can be an edition's),
 * and the archive as a whole (no page twice). Collects every problem instead
 * of stopping at the first.
 */
export function validateArchive(raw: RawArchive, metaCache: MetaCache = new Map(), today: string = chinaToday()): ValidatedArchive {
  const { papers, problems, warnings } = checkPapers(raw.papers);
  const paperIds = new Set(papers.map((p) => p.id));
  const papersRead = problems.length === 0;
  const byPath = new Map(raw.pageFiles.map((f) => [f.path, f]));
  const pages: ValidPage[] = [];
  const firstByName = new Map<string, string>();
  const firstByHash = new Map<string, string>();
  const firstByPage = new Map<string, string>();
  const byId = new Map(papers.map((p) => [p.id, p]));

  for (const f of raw.pageFiles) {
    if (f.refused !== undefined) {
      problems.push({ file: f.path, line: 1, message: f.refused });
      continue;
    }
    const badName = unsafeName(basename(f.path));
    if (badName)
      problems.push({ file: f.path, line: 1, message: `${badName}; rename the page and its .yml alike, e.g. 004_ca8fbf74e0fa523e.txt` });
    if (f.path.endsWith('.yml')) {
      if (!byPath.has(`${stem(f.path)}.txt`))
        problems.push({
          file: f.path,
          line: 1,
          message: `edition metadata without a page: ${basename(stem(f.path))}.txt is missing beside it`,
        });
      continue;
    }
    if (!f.path.endsWith('.txt')) {
      problems.push({
        file: f.path,
        line: 1,
        message: 'unexpected file: content/pages holds only raw pages (.txt) and their metadata (.yml)',
      });
      continue;
    }
    const decoded = decodePageText(f.path, f.bytes);
    if ('problem' in decoded) problems.push(decoded.problem);
    else warnings.push(...decoded.warnings);
    const metaFile = byPath.get(`${stem(f.path)}.yml`);
    if (!metaFile) {
      problems.push({
        file: f.path,
        line: 1,
        message: `no edition metadata: create ${basename(stem(f.path))}.yml beside it with paper, date, page and sources (see docs/archivists.md)`,
      });
      continue;
    }
    // A refused .yml is reported as itself; its page is not read without it.
    if (metaFile.refused !== undefined) continue;
    const metaDecoded = decodeMetaText(metaFile.path, metaFile.bytes);
    if ('problem' in metaDecoded) {
      problems.push(metaDecoded.problem);
      continue;
    }
    const metaText = metaDecoded.text;
    warnings.push(...metaDecoded.warnings);
    const known = metaCache.get(metaText);
    const meta = known ? { data: known, problems: [] } : readYaml(metaFile.path, metaText, editionMetaSchema);
    problems.push(...meta.problems);
    if (meta.data && meta.problems.length === 0) metaCache.set(metaText, meta.data);
    if (!meta.data || 'problem' in decoded) continue;
    if (!paperIds.has(meta.data.paper)) {
      // Until papers.yml reads, every paper would be unknown: its own problems say what to fix first.
      if (papersRead)
        problems.push({
          file: metaFile.path,
          line: keyLine(metaText, 'paper'),
          message: `unknown paper "${meta.data.paper}": use one of ${[...paperIds].join(', ')} or add it to content/papers.yml`,
        });
      continue;
    }
    const dated = checkDate(meta.data.date, byId.get(meta.data.paper), today);
    if (dated?.stop) {
      problems.push({ file: metaFile.path, line: keyLine(metaText, 'date'), message: dated.message });
      continue;
    }
    if (dated) warnings.push({ file: metaFile.path, line: keyLine(metaText, 'date'), message: dated.message });
    const misfits = checkCorrections(meta.data.corrections ?? [], decoded.text);
    for (const m of misfits)
      problems.push({ file: metaFile.path, line: yamlLine(metaText, ['corrections', m.entry]), message: `corrections: ${m.message}` });
    if (misfits.length > 0) continue;
    const name = basename(f.path);
    const hash = pageDigest(decoded.text);
    const pageKey = meta.data.page === null ? null : `${meta.data.paper} ${meta.data.date} ${meta.data.page}`;
    const sameName = firstByName.get(name);
    const sameText = firstByHash.get(hash);
    const samePage = pageKey === null ? undefined : firstByPage.get(pageKey);
    if (sameName)
      problems.push({
        file: f.path,
        line: 1,
        message: `duplicate page: ${sameName} has the same file name; file names identify pages in permalinks.tsv`,
      });
    else if (sameText)
      problems.push({ file: f.path, line: 1, message: `duplicate page: the same text as ${sameText}; remove one of them` });
    else if (samePage)
      problems.push({
        file: metaFile.path,
        line: keyLine(metaText, 'page'),
        message: `duplicate page: ${samePage} is already page ${meta.data.page} of ${meta.data.paper} on ${meta.data.date}`,
      });
    else {
      firstByName.set(name, f.path);
      firstByHash.set(hash, f.path);
      if (pageKey) firstByPage.set(pageKey, f.path);
      pages.push({ path: f.path, file: name, digest: hash, text: decoded.text, meta: meta.data });
    }
  }
  return { papers, pages, problems: sortProblems(problems), warnings: sortProblems(warnings) };
}
