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
 * Between two terms a story must hold, ASCII `|` or a word `OR` makes them
 * alternatives: `长江口 | 长三角 南通` asks for 南通 and either of the others.
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
  /**
   * The clause it belongs to, numbered from 0 in the order typed: a story
   * must hold some term of every clause of terms it must hold, and terms
   * sharing a clause are alternatives (`|` or `OR` between them). A term
   * left out has a clause of its own.
   */
  clause: number;
}

/** A term as read, before it is put in a clause. */
type ReadTerm = Omit<QueryTerm, 'clause'>;

const FIELD_PREFIXES: Readonly<Record<string, TermField>> = { 标题: 'heading', 作者: 'author' };

/** A term's prefix: `-`, then 标题 or 作者 and a colon. */
const PREFIX = /^(-?)(?:(标题|作者)[:：])?/u;
const SPACE = /[\s\u3000]/u;
/** The operator between alternatives written as a character; it also ends the term before it. */
const OR_MARK = '|';
/** The operator written as a word, standing alone between spaces. */
const OR_WORD = 'OR';

/** One token of the query from `at`: its prefix, its text, and where the next token may start. */
function readToken(query: string, at: number): { term: ReadTerm | null; next: number } {
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
    while (end < query.length && !SPACE.test(query[end] ?? '') && query[end] !== '"' && query[end] !== OR_MARK) end += 1;
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

/** Whether an OR operator stands at `at` (a token's start): `|`, or `OR` followed by a space or the end. */
function orAt(query: string, at: number): number {
  if (query[at] === OR_MARK) return 1;
  const after = query[at + OR_WORD.length];
  return query.startsWith(OR_WORD, at) && (after === undefined || SPACE.test(after)) ? OR_WORD.length : 0;
}

/** The key that tells two terms apart. */
const keyOf = (term: ReadTerm): string => `${term.exclude ? '-' : '+'}${term.field}:${term.text}`;

/**
 * The distinct terms of a query, in the order typed, each with its clause.
 * An operator is syntax only between two terms a story must hold; anywhere
 * else (first, last, beside a `-` term) it is dropped, and a quoted "OR" or
 * "|" is text. A term repeated within its clause, and a clause repeating an
 * earlier one, are dropped.
 * @example parseQuery('许昆林 "长江 口" -南通 标题:两会').map((t) => t.text) // ['许昆林', '长江 口', '南通', '两会']
 * @example parseQuery('“一中心一基地一枢纽”建设')[0]?.text // '“一中心一基地一枢纽”建设'
 * @example parseQuery('长江口 | 长三角 南通').map((t) => t.clause) // [0, 0, 1]
 */
export function parseQuery(query: string): QueryTerm[] {
  const clauses: ReadTerm[][] = [];
  let joinNext = false;
  let at = 0;
  while (at < query.length) {
    if (SPACE.test(query[at] ?? '')) {
      at += 1;
      continue;
    }
    const operator = orAt(query, at);
    if (operator > 0) {
      joinNext = true;
      at += operator;
      continue;
    }
    const { term, next } = readToken(query, at);
    at = next;
    if (!term) continue;
    const last = clauses.at(-1);
    const joins = joinNext && !term.exclude && last !== undefined && !(last[0]?.exclude ?? true);
    joinNext = false;
    if (!joins) clauses.push([term]);
    else if (!last.some((held) => keyOf(held) === keyOf(term))) last.push(term);
  }
  const seen = new Set<string>();
  return clauses
    .filter((clause) => {
      const key = clause.map(keyOf).sort().join('\n');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .flatMap((clause, index) => clause.map((term) => ({ ...term, clause: index })));
}

/**
 * A query's terms grouped by clause, in order: a story must hold some term
 * of each clause of terms it must hold.
 * @example clausesOf(parseQuery('长江口 | 长三角 南通')).map((c) => c.map((t) => t.text)) // [['长江口', '长三角'], ['南通']]
 */
export function clausesOf<T extends Pick<QueryTerm, 'clause'>>(terms: readonly T[]): T[][] {
  const byClause = new Map<number, T[]>();
  for (const term of terms) {
    const clause = byClause.get(term.clause);
    if (clause) clause.push(term);
    else byClause.set(term.clause, [term]);
  }
  return [...byClause.values()];
}

/** The prefix that ties a term to a field, as typed. */
const FIELD_PREFIX_OF: Readonly<Record<TermField, string>> = { any: '', heading: '标题:', author: '作者:' };

/**
 * A term written as a query reads it back: its prefix, and its text in
 * quotes where it would otherwise read as more than one term or as syntax.
 * @example termQuery({ text: '大势已至 乘势而上', field: 'heading', exclude: true }) // '-标题:"大势已至 乘势而上"'
 */
export function termQuery(term: Omit<QueryTerm, 'clause'>): string {
  const plain = !/[\s\u3000|]/u.test(term.text) && term.text !== OR_WORD && PREFIX.exec(term.text)?.[0] === '';
  return `${term.exclude ? '-' : ''}${FIELD_PREFIX_OF[term.field]}${plain ? term.text : `"${term.text}"`}`;
}

/**
 * A query written back from its terms: clauses apart, alternatives joined by |.
 * @example writeQuery(parseQuery('长江口 OR 长三角  南通')) // '长江口 | 长三角 南通'
 */
export function writeQuery(terms: readonly QueryTerm[]): string {
  return clausesOf(terms)
    .map((clause) => clause.map(termQuery).join(' | '))
    .join(' ');
}

/** What a field's term is called in the status line. */
const FIELD_WORDS: Readonly<Record<TermField, string>> = { any: '', heading: '标题', author: '作者' };

/**
 * What a query asks, as the status line says it: the plain terms after 包含
 * (alternatives joined by 或), then the ones tied to a part or left out.
 * @example describeQuery(parseQuery('南通 长江 标题:两会 -海门')) // '包含“南通”、“长江”、标题含“两会”、不含“海门”'
 * @example describeQuery(parseQuery('长江口 | 长三角 -协同区')) // '包含“长江口”或“长三角”、不含“协同区”'
 */
export function describeQuery(terms: readonly QueryTerm[]): string {
  const clauses = clausesOf(terms);
  const isPlain = (clause: QueryTerm[]): boolean => clause.every((t) => t.field === 'any' && !t.exclude);
  const plain = clauses.filter(isPlain).map((clause) => clause.map((t) => `“${t.text}”`).join('或'));
  const others = clauses
    .filter((clause) => !isPlain(clause))
    .map((clause) => clause.map((t) => `${FIELD_WORDS[t.field]}${t.exclude ? '不含' : '含'}“${t.text}”`).join('或'));
  return [plain.length > 0 ? `包含${plain.join('、')}` : '', ...others].filter(Boolean).join('、');
}
