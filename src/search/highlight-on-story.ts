/**
 * On a story page opened from a search result (?highlight=…, one parameter
 * per printed string found), marks every occurrence of those strings in the
 * story with <mark> and scrolls to the first one — the first one after the
 * subhead named in the address's #fragment, when there is one.
 */

/** The story element search marks inside. */
const STORY_SELECTOR = '[data-pagefind-body]';

/** Text nodes of an element with their offsets in its joined text. */
function textNodes(root: Element): { node: Text; start: number }[] {
  const nodes: { node: Text; start: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    nodes.push({ node: text, start: offset });
    offset += text.data.length;
  }
  return nodes;
}

/** Spans [start, end) of every non-overlapping occurrence of the strings, leftmost first. */
function findSpans(text: string, strings: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const string of strings) {
    for (let at = text.indexOf(string); at >= 0; at = text.indexOf(string, at + 1)) spans.push([at, at + string.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: [number, number][] = [];
  for (const span of spans) if (span[0] >= (kept.at(-1)?.[1] ?? 0)) kept.push(span);
  return kept;
}

/**
 * Wraps every occurrence of the strings inside root in <mark> (a match
 * crossing element boundaries gets one mark per text node) and returns the marks.
 * @example markStrings(document.querySelector('article'), ['长江口'])
 */
export function markStrings(root: Element, strings: string[]): HTMLElement[] {
  const nodes = textNodes(root);
  const text = nodes.map(({ node }) => node.data).join('');
  const marks: HTMLElement[] = [];
  // Work backwards so earlier offsets stay valid while nodes are split.
  for (const [start, end] of findSpans(text, strings.filter(Boolean)).reverse()) {
    for (const { node, start: nodeStart } of [...nodes].reverse()) {
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeStart + node.data.length) - nodeStart;
      if (from >= to) continue;
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('mark');
      mark.dataset['searchHighlight'] = '';
      range.surroundContents(mark);
      marks.unshift(mark);
    }
  }
  return marks;
}

const story = document.querySelector(STORY_SELECTOR);
const strings = new URLSearchParams(window.location.search).getAll('highlight');
if (story && strings.length > 0) {
  const marks = markStrings(story, strings);
  const anchor = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
  const first = anchor ? (marks.find((mark) => anchor.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) ?? marks[0]) : marks[0];
  // Scroll once the page has loaded and its fonts are laid out: the browser's
  // own jump to the #fragment (and any re-layout from fonts) comes after this
  // module runs and would otherwise move the view away from the mark.
  const scroll = (): void => {
    void document.fonts.ready.then(() => requestAnimationFrame(() => first?.scrollIntoView({ block: 'center' })));
  };
  if (document.readyState === 'complete') scroll();
  else window.addEventListener('load', scroll, { once: true });
}
