/**
 * Reads what a researcher typed: terms separated by spaces; text in quotes
 * ("…", “…”, 「…」) is one term even when it holds spaces. The quotes
 * themselves are never part of a term.
 */

const QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」/gu;

/**
 * The distinct terms of a query, as typed.
 * @example parseQuery('许昆林  "长江 口" 南通') // ['许昆林', '长江 口', '南通']
 */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const rest = query.replace(QUOTED, (_, a?: string, b?: string, c?: string) => {
    const phrase = (a ?? b ?? c ?? '').trim();
    if (phrase) terms.push(phrase);
    return ' ';
  });
  for (const word of rest.split(/[\s"“”「」]+/u)) if (word) terms.push(word);
  return [...new Set(terms)];
}
