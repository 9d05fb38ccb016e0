/**
 * Builds the Pagefind search index for a built site folder.
 * Usage: node scripts/index-search.ts <site-folder>
 */
import { spawnSync } from 'node:child_process';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/index-search.ts <site-folder>');
  process.exit(2);
}
const result = spawnSync('pagefind', ['--site', site], { stdio: 'inherit' });
process.exit(result.status ?? 1);
