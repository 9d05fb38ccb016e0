/**
 * What search knows about one story: its printed text split into blocks in
 * print order. Shared by the build (which indexes it) and the browser
 * (which reads it back from Pagefind's fragment to verify and mark matches).
 */
import type { ArticleRecord } from '../../archive/article-record.ts';
import { columnName } from '../../data/column-name.ts';
import { sourcePath } from '../../data/paths.ts';
import { storyNames } from '../../data/people.ts';
import type { BlockField, RecordBlock, SearchRecord } from './record-schema.ts';

/** The shapes, from ./record-schema.ts, for the modules that read records. */
export type { BlockField, RecordBlock, SearchRecord };

/** The fields of an archived item that search reads. */
export type RecordSource = Pick<
  ArticleRecord,
  | 'url'
  | 'paper'
  | 'paperName'
  | 'date'
  | 'page'
  | 'pageName'
  | 'kind'
  | 'kicker'
  | 'headline'
  | 'subtitle'
  | 'column'
  | 'dateline'
  | 'byline'
  | 'bylines'
  | 'credit'
  | 'credits'
  | 'endnotes'
> & {
  /** The raw page file the item was parsed from (only its name is read). */
  source: Pick<ArticleRecord['source'], 'file'>;
  title: { text: string };
  body: { type: 'paragraph' | 'subhead'; text: string; anchor: string }[];
};

/**
 * Builds the search record of an archived item. The site-made title of a
 * photo is not printed, so it is not searched.
 * @example searchRecord(item).blocks[0] // ['kicker', '省政府工作报告明确“规划建设长江口产业创新协同区”——', '']
 */
export function searchRecord(item: RecordSource): SearchRecord {
  const blocks: RecordBlock[] = [];
  const add = (field: BlockField, text: string | null, section = ''): void => {
    if (text) blocks.push([field, text, section]);
  };
  add('column', item.column);
  add('kicker', item.kicker);
  add('headline', item.headline);
  add('subtitle', item.subtitle);
  add('dateline', item.dateline);
  let section = '';
  for (const block of item.body) {
    if (block.type === 'subhead') section = block.anchor;
    add(block.type, block.text, section);
  }
  add('byline', item.byline);
  add('credit', item.credit);
  for (const note of item.endnotes) add('endnote', note);
  const { url, paper, paperName, date, page, pageName, kind } = item;
  return {
    url,
    paper,
    paperName,
    date,
    page,
    pageName,
    kind,
    columnName: columnName(item.column),
    authors: storyNames(item),
    title: item.title.text,
    blocks,
    source: sourcePath(paper, date, item.source.file),
  };
}
