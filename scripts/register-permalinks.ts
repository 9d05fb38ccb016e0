/**
 * Freezes the links of new items: appends every item that has no entry in
 * content/permalinks.tsv yet, so its link never changes again. Existing
 * entries are never rewritten. (A build does the same for what it publishes;
 * this registers without building.)
 *
 * With --restore, puts back the registry lines that the manifest of a built
 * output (its permalinks.json, in the folder and in `<folder>.cache`) holds
 * and the registry lacks: after the registry was emptied, cut or lost, the
 * build refuses and names this command.
 * Usage: npm run permalinks [-- content-folder]
 *        npm run permalinks -- --restore <output folder> [content-folder]
 */
import { resolve } from 'node:path';
import { buildArchive } from '../src/archive/build-archive.ts';
import { restoreRegistry } from '../src/archive/link-manifest.ts';
import { newRegistryLines, REGISTRY_HEADER } from '../src/archive/permalink-registry.ts';
import { formatProblem } from '../src/archive/problems.ts';
import { readArchive } from '../src/archive/read-archive.ts';
import { buildFolders } from '../src/build/build-folders.ts';
import { readWitness } from '../src/build/link-witness-files.ts';
import { registerLinks, rewriteRegistry } from '../src/build/registry-file.ts';

const args = process.argv.slice(2);
const restoreAt = args.indexOf('--restore');
const out = restoreAt === -1 ? null : args.splice(restoreAt, 2)[1];
const contentDir = args[0] ?? process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';

if (restoreAt !== -1) {
  if (!out) {
    console.error('Usage: npm run permalinks -- --restore <output folder> [content-folder]');
    process.exit(2);
  }
  const folders = buildFolders(resolve(out).replace(/[\\/]+$/u, ''));
  const witness = readWitness(folders.out, folders.cache);
  for (const p of witness?.problems ?? []) console.error(formatProblem(p));
  if (!witness || witness.manifests.length === 0) {
    console.error(`${out} holds no manifest of published links (permalinks.json) to restore from.`);
    process.exit(1);
  }
  const { path, restored } = rewriteRegistry(contentDir, (current) => restoreRegistry(current, witness.manifests, REGISTRY_HEADER));
  console.log(`${restored.length} line(s) put back in ${path} from ${witness.manifests.map((m) => m.path).join(' and ')}:`);
  for (const line of restored) console.log(`  ${line.replaceAll('\t', '  ')}`);
  if (restored.length > 0) console.log('Build again, and commit the registry.');
} else {
  const raw = readArchive(contentDir);
  const archive = buildArchive(raw);
  if (archive.problems.length > 0) {
    for (const p of archive.problems) console.error(formatProblem(p));
    process.exit(1);
  }
  const read = raw.registry ? new TextDecoder().decode(raw.registry.bytes) : '';
  const { path, added } = registerLinks(contentDir, newRegistryLines(archive.unregistered), read);
  console.log(`${added.length} link(s) registered in ${path}.`);
}
