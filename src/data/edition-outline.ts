/** Every edition of the archive as the lists that name them all need it: 历史上的今天 and the year switcher. */
import { buildRun } from '../build/build-run.ts';
import { getEditions } from './editions.ts';
import { getPapers } from './papers.ts';

/** An edition as a list names it. */
export interface OutlinedEdition {
  paper: string;
  paperName: string;
  /** YYYY-MM-DD. */
  date: string;
}

let outline: Promise<OutlinedEdition[]> | undefined;

/**
 * Every edition of the archive, by paper and date. A slice's build holds the
 * stories of its own editions only (src/build/slices.ts), so it names the
 * others from the folders of the raw pages, with their papers' names: the
 * join renders again any page of a slice whose key this makes differ.
 */
export function getEditionOutline(): Promise<OutlinedEdition[]> {
  outline ??= (async () => {
    const listed = buildRun()?.outline;
    if (!listed) return (await getEditions()).map(({ paper, paperName, date }) => ({ paper, paperName, date }));
    const names = new Map((await getPapers()).map((p) => [p.id, p.data.name]));
    return listed.map(({ paper, date }) => ({ paper, paperName: names.get(paper) ?? paper, date }));
  })();
  return outline;
}
