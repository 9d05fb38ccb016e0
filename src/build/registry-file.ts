import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTRY_HEADER } from '../archive/permalink-registry.ts';
import { CONTENT_LAYOUT } from '../archive/read-archive.ts';

/**
 * Appends lines to a content folder's permalink registry (permalinks.tsv),
 * creating it with its header when there is none. Existing lines are never
 * rewritten: the registry is append-only.
 * @returns the registry's path
 */
export function appendToRegistry(contentDir: string, lines: string): string {
  const path = join(contentDir, CONTENT_LAYOUT.registry);
  if (!existsSync(path)) writeFileSync(path, REGISTRY_HEADER);
  if (lines !== '') appendFileSync(path, lines);
  return path;
}
