/**
 * On a story page opened from a search result (?highlight=…, one parameter
 * per printed string found), marks every occurrence of those strings in the
 * story with <mark> (the first MAX_MARKS, saying so when there are more) and
 * scrolls to the first one — the first one after the subhead named in the
 * address's #fragment, when there is one.
 */

/** The story element search marks inside: the story page's article (src/components/StoryPage.astro). */
const STORY_SELECTOR = 'article.story';

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

/** At most this many marks: a one-character query can occur thousands of times in a long page. */
export const MAX_MARKS = 500;

/**
 * Wraps the first `limit` occurrences of the strings inside root in <mark>
 * (a match crossing element boundaries gets one mark per text node) and
 * returns the marks and how many occurrences there are in all. Linear in the
 * text: the spans and the text nodes are both in document order, and both
 * are walked once, from the end, so that splitting a node never moves an
 * offset still to be used.
 * @example markStrings(document.querySelector('article'), ['长江口']).marks
 */
export function markStrings(root: Element, strings: string[], limit = MAX_MARKS): { marks: HTMLElement[]; found: number } {
  const nodes = textNodes(root);
  const text = nodes.map(({ node }) => node.data).join('');
  const spans = findSpans(text, strings.filter(Boolean));
  const marks: HTMLElement[] = [];
  let k = nodes.length - 1;
  for (const [start, end] of spans.slice(0, limit).reverse()) {
    while (k > 0 && (nodes[k]?.start ?? 0) >= end) k -= 1;
    for (let j = k; j >= 0; j -= 1) {
      const { node, start: nodeStart } = nodes[j] as { node: Text; start: number };
      if (nodeStart + node.data.length <= start) break;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeStart + node.data.length) - nodeStart;
      if (from >= to) continue;
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('mark');
      mark.dataset['searchHighlight'] = '';
      range.surroundContents(mark);
      marks.push(mark);
    }
  }
  return { marks: marks.reverse(), found: spans.length };
}

/** The element a #fragment names, or null (also when the fragment is not valid percent-encoding). */
function fragmentTarget(hash: string): HTMLElement | null {
  if (!hash) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

const story = document.querySelector(STORY_SELECTOR);
const strings = new URLSearchParams(window.location.search).getAll('highlight');
if (story && strings.length > 0) {
  const { marks, found } = markStrings(story, strings);
  if (found > marks.length) {
    const note = document.createElement('p');
    note.className = 'highlight-note';
    note.setAttribute('role', 'status');
    note.textContent = `共找到 ${found} 处，只标出了前 ${MAX_MARKS} 处。`;
    story.before(note);
  }
  const anchor = fragmentTarget(window.location.hash);
  const first = anchor
    ? (marks.find((mark) => anchor.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) ?? marks[0])
    : marks[0];
  // Scroll once the page has loaded and its fonts are laid out: the browser's
  // own jump to the #fragment (and any re-layout from fonts) comes after this
  // module runs and would otherwise move the view away from the mark.
  const scroll = (): void => {
    void document.fonts.ready.then(() => requestAnimationFrame(() => first?.scrollIntoView({ block: 'center' })));
  };
  if (document.readyState === 'complete') scroll();
  else window.addEventListener('load', scroll, { once: true });
}
