/**
 * The query table the search suite (tests/e2e/search.test.ts) and scripts/bench-search.ts run: every
 * kind of query a researcher types, over the two seed pages. `expect` lists
 * story URLs the answer must hold exactly when the set is known by hand; the
 * rest are checked against substring matches on /api/articles.json.
 */
import { foldString, type FoldTable } from '../archive/fold-text.ts';
import { clausesOf, parseQuery } from '../search/shared/query.ts';
import type { ApiArticle } from './bulk-data.ts';

/** Every printed text of an item (a site-made photo title is not printed). */
function printedTexts(article: ApiArticle): string[] {
  const { kicker, headline, subtitle, column, dateline, byline, credit } = article;
  const texts = [
    kicker,
    headline,
    subtitle,
    column,
    dateline,
    byline,
    credit,
    ...article.sections.map((s) => s.title),
    ...article.paragraphs,
  ];
  return texts.filter((text): text is string => Boolean(text));
}

/** The printed texts a `标题:` term is looked for in: kicker, headline, subtitle, subheads. */
function headingTexts(article: ApiArticle): string[] {
  const { kicker, headline, subtitle } = article;
  return [kicker, headline, subtitle, ...article.sections.map((s) => s.title)].filter((text): text is string => Boolean(text));
}

/** The printed texts a `作者:` term is looked for in: byline, photo credit, dateline. */
function authorTexts(article: ApiArticle): string[] {
  const { byline, credit, dateline } = article;
  return [byline, credit, dateline].filter((text): text is string => Boolean(text));
}

/**
 * Sorted URLs of items holding some (folded) term of every clause as a
 * substring of one printed text of the parts it names, and none of the
 * excluded ones.
 */
export function expectedUrls(articles: ApiArticle[], query: string, table: FoldTable): string[] {
  const terms = parseQuery(query).map((term) => ({ ...term, folded: foldString(term.text, table) }));
  const texts = { any: printedTexts, heading: headingTexts, author: authorTexts };
  const holds = (article: ApiArticle, term: (typeof terms)[number]): boolean =>
    texts[term.field](article).some((text) => foldString(text, table).includes(term.folded));
  // A story holds some term of every clause (alternatives joined by | or OR) and no term left out.
  return articles
    .filter((article) => clausesOf(terms).every((clause) => clause.some((term) => holds(article, term) !== term.exclude)))
    .filter(() => terms.some((term) => !term.exclude))
    .map((article) => article.url)
    .sort();
}

/** The folded texts a query marks in its results: those of its terms a story must hold. */
export function markedTerms(query: string, table: FoldTable): string[] {
  return parseQuery(query)
    .filter((term) => !term.exclude)
    .map((term) => foldString(term.text, table));
}

export interface SearchQuery {
  q: string;
  /** Why the query is in the table. */
  note: string;
  /** Literal expectation: URL paths (without /paper/date/) of the exact answer. */
  expect?: string[];
}

const CHANGJIANG = ['chao-qi-chang-jiang-kou-qiang-zhua-ji', 'jian-ding-bu-yi-tui-jin-xin-xing'];

export const SEARCH_QUERIES: SearchQuery[] = [
  { q: '许昆林', note: 'name' },
  { q: '信长星', note: 'name' },
  { q: '吴新明', note: 'name' },
  { q: '王玮丽', note: 'byline name' },
  { q: '彭军君', note: 'dateline name' },
  { q: '许丛军摄', note: 'photo credit' },
  { q: '长江口', note: 'place', expect: CHANGJIANG },
  { q: '南通', note: 'place' },
  { q: '江苏', note: 'place' },
  { q: '巴西', note: 'place in a caption' },
  { q: '新质生产力', note: 'phrase' },
  { q: '中国式现代化', note: 'phrase' },
  { q: '高质量发展', note: 'phrase' },
  { q: '一中心一基地一枢纽', note: 'phrase with quotes around it in print' },
  { q: '705.5万吨', note: 'number', expect: ['tu-pian-22-ri-nan-tong-liang-you'] },
  { q: '6.2%', note: 'number with percent' },
  { q: '2023年', note: 'year' },
  { q: '22日', note: 'day' },
  { q: '昆林', note: 'part of a name' },
  { q: '质生', note: 'across a word boundary' },
  { q: '口产业', note: 'across a word boundary' },
  { q: '长江', note: 'shorter than 长江口' },
  { q: '构建多层次', note: 'joined across a column break' },
  { q: '長江口', note: 'traditional', expect: CHANGJIANG },
  { q: '許昆林', note: 'traditional name' },
  { q: '新質生產力', note: 'traditional phrase' },
  { q: '７０５.５', note: 'full-width digits', expect: ['tu-pian-22-ri-nan-tong-liang-you'] },
  { q: '６.２％', note: 'full-width digits and percent' },
  { q: '许昆林 信长星', note: 'two names, AND' },
  { q: '长江口 南通', note: 'place AND place' },
  { q: '新质生产力 江苏', note: 'phrase AND place' },
  { q: '"许昆林"', note: 'quoted', expect: ['sheng-shi-si-jie-ren-da-er-ci-xu', 'ju-jiao-zhong-da-ren-wu-jian-chi'] },
  { q: '"大势已至 乘势而上"', note: 'quoted subhead with its space', expect: ['chao-qi-chang-jiang-kou-qiang-zhua-ji'] },
  { q: '“一中心一基地一枢纽”建设', note: 'Chinese quotation marks are printed text, not syntax' },
  { q: '「一中心一基地一枢纽」', note: 'corner brackets are text too', expect: [] },
  { q: '长江口 -新质生产力', note: 'excluding a word leaves one of the two 长江口 stories' },
  { q: '南通 -江苏', note: 'excluding a place' },
  { q: '南通 -"大势已至 乘势而上"', note: 'excluding a quoted phrase' },
  { q: '标题:长江口', note: 'only in headings' },
  { q: '标题：省十四届人大 许昆林', note: 'heading term with a full-width colon, AND a plain term' },
  { q: '标题:长江', note: 'a heading term the body of another story also holds' },
  { q: '作者:王玮丽', note: 'byline name' },
  { q: '作者:彭军君', note: 'reporter named in the dateline' },
  { q: '作者：许丛军', note: 'photo credit' },
  { q: '作者:长江口', note: 'no byline holds a place', expect: [] },
  { q: '南通 -标题:长江口', note: 'excluded from headings only: the story whose body alone has 长江口 stays' },
  { q: '许昆林 | 巴西', note: 'OR: a name or a place in a caption' },
  { q: '长江口 OR 705.5万吨', note: 'OR as a word', expect: [...CHANGJIANG, 'tu-pian-22-ri-nan-tong-liang-you'] },
  { q: '長江口 | 巴西 -新质生产力', note: 'OR, traditional, with a term left out' },
  { q: '标题:长江口 | 作者:许丛军', note: 'OR of two fields' },
  { q: '"大势已至 乘势而上" | 许丛军摄 南通', note: 'OR of a phrase and a credit, AND a place' },
  { q: '长江三角洲 | 不存在的词语', note: 'OR of two words no story holds', expect: [] },
  { q: '潮起', note: 'headline word' },
  { q: '隆重开幕', note: 'headline' },
  { q: '协同区', note: 'kicker' },
  { q: '长', note: 'one character' },
  { q: '鹏', note: 'one character at the end of a dateline name' },
  { q: '不存在的词语', note: 'must find nothing', expect: [] },
  { q: '长江三角洲', note: 'must find nothing though 长江 is everywhere', expect: [] },
  { q: '長江三角洲', note: 'traditional, must find nothing', expect: [] },
  { q: '许昆林林', note: 'longer than any printed name', expect: [] },
  { q: '南通 不存在的词语', note: 'AND with a missing term', expect: [] },
  { q: 'xyz', note: 'latin letters absent', expect: [] },
];
