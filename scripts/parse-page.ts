/**
 * Prints a raw page as the parser reads it, with the corrections in the
 * .yml beside it applied and its paper's house style (the papers.yml of the
 * content folder it lies in) weighed, as the build reads it: each item with its line range, kind, display
 * roles, dateline, names, subheads and paragraph beginnings, and every note
 * with the correction that would read it the other way.
 * Usage: npm run parse -- <raw page .txt> [more pages …]
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkCorrections } from '../src/archive/corrections.ts';
import { decodePageText } from '../src/archive/decode-page-text.ts';
import { describeParse } from '../src/archive/describe-parse.ts';
import { editionMetaSchema } from '../src/archive/edition-meta.ts';
import { contentDirOf, readPaperStyles } from '../src/archive/paper-styles.ts';
import { parsePage } from '../src/archive/parse-page.ts';
import { formatProblem } from '../src/archive/problems.ts';
import { readYaml } from '../src/archive/read-yaml.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run parse -- <raw page .txt> [more pages …]');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const decoded = decodePageText(file, readFileSync(file));
  if ('problem' in decoded) {
    console.error(formatProblem(decoded.problem));
    failed = true;
    continue;
  }
  const metaPath = file.replace(/\.txt$/u, '.yml');
  const meta = existsSync(metaPath) ? readYaml(metaPath, readFileSync(metaPath, 'utf8'), editionMetaSchema) : null;
  for (const p of meta?.problems ?? []) console.error(formatProblem(p));
  const corrections = meta?.data?.corrections ?? [];
  for (const p of checkCorrections(corrections, decoded.text)) console.error(`${metaPath}: corrections entry ${p.entry + 1}: ${p.message}`);
  const contentDir = contentDirOf(file);
  const paper = meta?.data?.paper;
  const style = contentDir !== null && paper ? readPaperStyles(contentDir).get(paper) : undefined;
  console.log(describeParse(parsePage(decoded.text, corrections, { style }), file).join('\n'));
}
if (failed) process.exit(1);
