import type { BulkArticle } from '../archive/item-schema.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The index of the bulk data, dist/api/articles.json: one part per paper and year. */
export interface ApiIndex {
  parts: { paper: string; year: string; count: number; url: string }[];
}

/** One item of a part of the archive's public bulk data (docs/searchers.md, "Bulk data"). */
export type ApiArticle = BulkArticle;

/** Fetches JSON from a served site, failing on any status but 200. */
async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Every item of the bulk data as a served site publishes it: the index, then each part. */
export async function fetchArticles(site: string): Promise<ApiArticle[]> {
  const { parts } = await fetchJson<ApiIndex>(`${site}/api/articles.json`);
  const files = await Promise.all(parts.map((part) => fetchJson<{ articles: ApiArticle[] }>(`${site}${part.url}`)));
  return files.flatMap((file) => file.articles);
}

/** Every item of the bulk data of a built site folder. */
export function readArticles(dist: string): ApiArticle[] {
  const read = <T>(path: string): T => JSON.parse(readFileSync(join(dist, path), 'utf8')) as T;
  return read<ApiIndex>('api/articles.json').parts.flatMap((part) => read<{ articles: ApiArticle[] }>(part.url).articles);
}
