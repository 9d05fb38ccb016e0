import type { ArticleData } from './item-schema.ts';
import { renderBody, type Section } from './render-body.ts';
import type { BodyBlock, ParsedItem } from './types.ts';
import type { ValidPage } from './validate-archive.ts';

/**
 * One item of the archive as the site publishes it: the parsed item with its
 * permanent link, its paper, date and page, and its body rendered with the
 * anchors readers link to.
 */

/** A body block with the anchor it is linked by. */
export type AnchoredBlock = BodyBlock & { anchor: string };

/** One item of the archive, ready for the collection, the pages and the JSON: the stored item (item-schema.ts) with its body. */
export interface ArticleRecord extends ArticleData {
  /** The paragraphs as printed. */
  paragraphs: string[];
  /** Paragraphs and subheads with their anchors. */
  body: AnchoredBlock[];
  /** The body rendered. */
  html: string;
}

/** Orders page labels as printed: A1 < A2 < A10 < B1; pages without a label last. */
export function comparePageLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Gives each body block its anchor on the story page: paragraphs p1, p2, …
 * in order, subheads the anchors rehype-slug gave them (`sections`, in order).
 * @example anchorBlocks([{ type: 'paragraph', text: '昨天…', lines: [5, 5] }], [])[0]?.anchor // 'p1'
 */
export function anchorBlocks(body: BodyBlock[], sections: Section[]): AnchoredBlock[] {
  let p = 0;
  let s = 0;
  return body.map((b): AnchoredBlock => {
    const anchor = b.type === 'paragraph' ? `p${++p}` : (sections[s++]?.anchor ?? '');
    return { ...b, anchor };
  });
}

/** The record of one parsed item, with its link and place in the edition (renders its body for the subhead anchors). */
export function toRecord(
  item: ParsedItem,
  page: ValidPage,
  paperName: string,
  url: string,
  pageIndex: number,
  order: number,
): ArticleRecord {
  const rendered = renderBody(item.body, { dateline: item.dateline });
  const body = anchorBlocks(item.body, rendered.sections);
  const { body: _blocks, pieces: _pieces, notes: _notes, lines, ...printed } = item;
  return {
    ...printed,
    id: url.slice(1, -1),
    url,
    paper: page.meta.paper,
    paperName,
    date: page.meta.date,
    page: page.meta.page,
    pageName: page.meta.pageName ?? null,
    pageIndex,
    order,
    sections: rendered.sections,
    paragraphs: item.body.filter((b) => b.type === 'paragraph').map((b) => b.text),
    body,
    html: rendered.html,
    source: { file: page.file, path: page.path, lines },
  };
}
