import type { z } from 'zod';
import type { sectionSchema } from './item-schema.ts';
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { BodyBlock } from './types.ts';

/** A subhead and its anchor (item-schema.ts). */
export type Section = z.output<typeof sectionSchema>;

/** Rendered body: HTML and the subhead anchors (paragraphs are p1, p2, … in order). */
export interface RenderedBody {
  html: string;
  sections: Section[];
}

/** What is printed before the first paragraph's text, on its line. */
export interface BodyLead {
  /** 电头, set in bold at the start of the first paragraph. */
  dateline: string | null;
  /** The 电头 in pieces, some linked (a name to its page); joined, they are the 电头. */
  datelineParts?: readonly { text: string; href: string | null }[] | undefined;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const span = (className: string, children: PhrasingContent[]): PhrasingContent => ({
  type: 'strong',
  data: { hName: 'span', hProperties: { className: [className] } },
  children,
});

/** The 电头's inline content: its pieces, linked where they say, or its text whole. */
function datelineContent(lead: BodyLead & { dateline: string }): PhrasingContent[] {
  const parts = lead.datelineParts;
  if (!parts) return [text(lead.dateline)];
  if (parts.map((part) => part.text).join('') !== lead.dateline)
    throw new Error(`the pieces of the 电头 are not the 电头 "${lead.dateline}"`);
  return parts.map((part) => (part.href === null ? text(part.text) : { type: 'link', url: part.href, children: [text(part.text)] }));
}

/**
 * Builds the body's Markdown tree directly from the parsed blocks, so no
 * source character is ever read as Markdown or HTML syntax: a raw page that
 * holds `# ` or `<script>` shows exactly that text.
 */
function toMdast(body: BodyBlock[], lead: BodyLead): Root {
  let n = 0;
  const children = body.map((block): RootContent => {
    if (block.type === 'subhead') return { type: 'heading', depth: 2, children: [text(block.text)] };
    n += 1;
    const inline: PhrasingContent[] = [];
    if (n === 1 && lead.dateline) inline.push(span('dateline', datelineContent({ ...lead, dateline: lead.dateline })), text(' '));
    inline.push(text(block.text));
    const paragraph: Paragraph = { type: 'paragraph', data: { hProperties: { id: `p${n}` } }, children: inline };
    return paragraph;
  });
  return { type: 'root', children };
}

/** Adds a visible "link to this paragraph" anchor to each paragraph with an id. */
function rehypeParagraphLinks() {
  return (tree: HastRoot): void => {
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const id = node.properties['id'];
      if (typeof id !== 'string') continue;
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['para-link'], href: `#${id}`, ariaLabel: `链接到第${id.slice(1)}段` },
        children: [{ type: 'text', value: '¶' }],
      };
      node.children.push(link);
    }
  };
}

/** Collects each h2's id and text after rehype-slug ran. */
function collectSections(tree: HastRoot): Section[] {
  return tree.children.flatMap((node): Section[] => {
    if (node.type !== 'element' || node.tagName !== 'h2') return [];
    const title = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    const id = node.properties['id'];
    return typeof id === 'string' ? [{ title, anchor: id }] : [];
  });
}

const processor = unified().use(remarkRehype).use(rehypeSlug).use(rehypeParagraphLinks);
const stringify = unified().use(rehypeStringify);

/**
 * Renders an item's body through remark-rehype and rehype-slug: each subhead
 * gets an id from its text, each paragraph an id p1, p2, … and a ¶ link.
 * @example renderBody([{ type: 'subhead', text: '大势已至 乘势而上', lines: [17, 17] }], { dateline: null }).sections
 * // [{ title: '大势已至 乘势而上', anchor: '大势已至-乘势而上' }]
 */
export function renderBody(body: BodyBlock[], lead: BodyLead): RenderedBody {
  const tree = processor.runSync(toMdast(body, lead)) as HastRoot;
  const html = stringify.stringify(tree);
  return { html, sections: collectSections(tree) };
}
