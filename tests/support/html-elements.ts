import { HtmlValidate, Parser } from 'html-validate';

/** One element found in an HTML fragment, with its attributes as parsed. */
export interface FoundElement {
  tag: string;
  attributes: Record<string, string | null>;
}

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/**
 * Every element of an HTML fragment, found by html-validate's own parser (a
 * real HTML tokenizer, so an unescaped `<img` in text would show up here).
 */
export async function elementsOf(html: string): Promise<FoundElement[]> {
  const parser = new Parser(await validator.getConfigFor('fragment.html'));
  const document = parser.parseHtml(html);
  return document.querySelectorAll('*').map((el) => ({
    tag: el.tagName,
    attributes: Object.fromEntries(el.attributes.map((a) => [a.key, typeof a.value === 'string' ? a.value : null])),
  }));
}

/**
 * What hast-util-to-html (rehype-stringify) makes of a text node: it escapes
 * only `&` and `<`, as hexadecimal references.
 * @example escapedAsText('<script>') // '&#x3C;script>'
 */
export const escapedAsText = (text: string): string => text.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;');

/** Elements renderBody may emit: paragraphs, subheads, the dateline span and the ¶ links. */
export const BODY_ELEMENTS = new Set(['p', 'h2', 'span', 'a']);

/**
 * Why an element would be live markup a reader did not write: an element
 * renderBody never emits, an event-handler attribute, or a link that leaves
 * the page. Empty when the element is one of renderBody's own.
 */
export function unsafeParts(el: FoundElement): string[] {
  const problems: string[] = [];
  if (!BODY_ELEMENTS.has(el.tag)) problems.push(`<${el.tag}> element`);
  for (const [key, value] of Object.entries(el.attributes)) {
    if (/^on/iu.test(key)) problems.push(`${key} handler on <${el.tag}>`);
    if ((key === 'href' || key === 'src') && !(value ?? '').startsWith('#'))
      problems.push(`${key}=${JSON.stringify(value)} on <${el.tag}>`);
  }
  return problems;
}
