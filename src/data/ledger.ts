import { completenessLedger, ledgerPages, type YearLedger } from '../archive/completeness.ts';
import { getArticles } from './articles.ts';
import { getPapers } from './papers.ts';

/**
 * The completeness ledger of each paper-year (src/archive/completeness.ts),
 * as the year pages show it: computed once per build from the same items
 * and papers.yml that `npm run check:content` reads.
 */

let ledgers: Promise<Map<string, YearLedger>> | undefined;

/** Every paper-year's ledger, by `paper/year`. */
function allLedgers(): Promise<Map<string, YearLedger>> {
  ledgers ??= Promise.all([getPapers(), getArticles()]).then(([papers, articles]) => {
    const ledger = completenessLedger(
      papers.map(({ id, data }) => ({ id, from: data.from, to: data.to, weekdays: data.weekdays })),
      ledgerPages(articles.map(({ data }) => data)),
    );
    return new Map(ledger.map((year) => [`${year.paper}/${year.year}`, year]));
  });
  return ledgers;
}

/**
 * A lookup of each paper-year's ledger: null for a year outside the paper's span.
 * @example (await getLedgerLookup())('ntrb', 2024)?.editions // 1 in the seed archive
 */
export async function getLedgerLookup(): Promise<(paper: string, year: number) => YearLedger | null> {
  const all = await allLedgers();
  return (paper, year) => all.get(`${paper}/${year}`) ?? null;
}
