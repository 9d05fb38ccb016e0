import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One item of dist/api/articles.json, the archive's public bulk data (README "Bulk data"). */
export interface ApiArticle {
  id: string;
  url: string;
  paper: string;
  paperName: string;
  date: string;
  page: string | null;
  kind: 'story' | 'jump' | 'photo';
  title: { text: string; added: boolean };
  kicker: string | null;
  headline: string | null;
  subtitle: string | null;
  column: string | null;
  dateline: string | null;
  byline: string | null;
  bylines: string[];
  credit: string | null;
  credits: string[];
  continuedFrom: string | null;
  continuesOn: string | null;
  sections: { title: string; anchor: string }[];
  paragraphs: string[];
  source: { file: string; lines: [number, number] };
}

/** The bulk data as a served site publishes it. */
export async function fetchArticles(site: string): Promise<ApiArticle[]> {
  const response = await fetch(`${site}/api/articles.json`);
  if (response.status !== 200) throw new Error(`${site}/api/articles.json answered ${response.status}`);
  return ((await response.json()) as { articles: ApiArticle[] }).articles;
}

/** The bulk data of a built site folder. */
export function readArticles(dist: string): ApiArticle[] {
  return (JSON.parse(readFileSync(join(dist, 'api/articles.json'), 'utf8')) as { articles: ApiArticle[] }).articles;
}
