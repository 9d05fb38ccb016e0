/**
 * Reads what a researcher typed. Terms are separated by spaces (ASCII or
 * ideographic). ASCII double quotes group a phrase, spaces inside it kept:
 * they are the one piece of query syntax among the quotation marks, since
 * “…”, 「…」 and every other mark are characters the papers print, and a query
 * copied from a story keeps them as text. Before a term (or a quoted phrase):
 * `-` asks for stories that do not hold it; `标题:` looks only in the
 * kicker, headline, subtitle and subheads; `作者:` only in bylines, photo
 * credits and datelines (a 电头 such as 本报讯（记者 王宇）names the reporter
 * where a byline would). Either colon, `:` or `：`, may follow the prefix.
 */

/** Which printed parts a term is looked for in. */
export type TermField = 'any' | 'heading' | 'author';

/** One term of a query. */
export interface QueryTerm {
  /** The text to find, as typed (quotes and prefixes taken off). */
  text: string;
  /** Which printed parts it must (or must not) be in. */
  field: TermField;
  /** True for `-词`: stories holding it are left out. */
  exclude: boolean;
}

const FIELD_PREFIXES: Readonly<Record<string, TermField>> = { 标题: 'heading', 作者: 'author' };

/** A term's prefix: `-`, then 标题 or 作者 and a colon. */
const PREFIX = /^(-?)(?:(标题|作者)[:：])?/u;
const SPACE = /[\s\u3000]/u;

/** One token of the query from `at`: its prefix, its text, and where the next token may start. */
function readToken(query: string, at: number): { term: QueryTerm | null; next: number } {
  const prefix = PREFIX.exec(query.slice(at))?.[0] ?? '';
  const [, minus = '', field = ''] = PREFIX.exec(prefix) ?? [];
  let start = at + prefix.length;
  let end: number;
  let next: number;
  if (query[start] === '"') {
    // An unclosed quote runs to the end of the query.
    start += 1;
    const close = query.indexOf('"', start);
    end = close < 0 ? query.length : close;
    next = close < 0 ? query.length : close + 1;
  } else {
    end = start;
    while (end < query.length && !SPACE.test(query[end] ?? '') && query[end] !== '"') end += 1;
    next = end;
  }
  const text = query.slice(start, end).trim();
  if (!text) {
    // A lone `-` or `标题:` with nothing after it is read as the text it is.
    const bare = prefix.trim();
    return { term: bare && bare !== '-' ? { text: bare, field: 'any', exclude: false } : null, next: Math.max(next, at + 1) };
  }
  return { term: { text, field: FIELD_PREFIXES[field] ?? 'any', exclude: minus === '-' }, next };
}

/**
 * The distinct terms of a query, in the order typed.
 * @example parseQuery('许昆林 "长江 口" -南通 标题:两会').map((t) => t.text) // ['许昆林', '长江 口', '南通', '两会']
 * @example parseQuery('“一中心一基地一枢纽”建设')[0]?.text // '“一中心一基地一枢纽”建设'
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let at = 0;
  while (at < query.length) {
    if (SPACE.test(query[at] ?? '')) {
      at += 1;
      continue;
    }
    const { term, next } = readToken(query, at);
    at = next;
    if (!term) continue;
    const key = `${term.exclude ? '-' : '+'}${term.field}:${term.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

/**
 * What a query asks, as the status line says it: the plain terms after 包含,
 * then the ones tied to a part or left out.
 * @example describeQuery(parseQuery('南通 长江 标题:两会 -海门')) // '包含“南通”、“长江”、标题含“两会”、不含“海门”'
 */
export function describeQuery(terms: readonly QueryTerm[]): string {
  const plain = terms.filter((t) => t.field === 'any' && !t.exclude).map((t) => `“${t.text}”`);
  const others = terms
    .filter((t) => t.field !== 'any' || t.exclude)
    .map((t) => `${t.field === 'heading' ? '标题' : t.field === 'author' ? '作者' : ''}${t.exclude ? '不含' : '含'}“${t.text}”`);
  return [plain.length > 0 ? `包含${plain.join('、')}` : '', ...others].filter(Boolean).join('、');
}
