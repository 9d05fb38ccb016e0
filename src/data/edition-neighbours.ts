/** The editions of the same paper on either side of one. */
import { getEditions } from './editions.ts';

/** The editions before and after one, of the same paper (dates), or null at either end. */
export interface EditionNeighbours {
  previous: string | null;
  next: string | null;
}

let neighbours: Promise<Map<string, EditionNeighbours>> | undefined;

/**
 * The editions of the same paper before and after the edition of `date`.
 * @example await getEditionNeighbours('ntrb', '2024-01-24') // { previous: null, next: null } in the seed archive
 */
export async function getEditionNeighbours(paper: string, date: string): Promise<EditionNeighbours> {
  neighbours ??= getEditions().then((all) => {
    const map = new Map<string, EditionNeighbours>();
    all.forEach((edition, i) => {
      const before = all[i - 1];
      const after = all[i + 1];
      map.set(`${edition.paper}/${edition.date}`, {
        previous: before?.paper === edition.paper ? before.date : null,
        next: after?.paper === edition.paper ? after.date : null,
      });
    });
    return map;
  });
  return (await neighbours).get(`${paper}/${date}`) ?? { previous: null, next: null };
}
