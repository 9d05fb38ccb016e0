import { personTitle } from '../archive/conventions/lexicon.ts';
import type { ArticleData } from '../archive/item-schema.ts';
import { listedStory, listSummary, newestFirst, type ListedStory, type ListSummary } from './dated-lists.ts';
import { isPageName } from './name-paths.ts';
import { isDrawnBy } from './printed-names.ts';

/**
 * People: one page per name the parser read from a byline, a 电头 or a
 * credit (docs/searchers.md, "People and columns"). A name is a person: two reporters
 * of one name in one city are rare, and a name seen at two papers is one
 * page listing each story with its paper, so a reader can tell them apart.
 */

/** What the people pages read of a story. */
export type PersonSource = ListedStory &
  Pick<ArticleData, 'pageIndex' | 'order' | 'dateline' | 'byline' | 'bylines' | 'credit' | 'credits' | 'titles'>;

/** A story on a person's page: the row, what the person did, and who else is named. */
export interface PersonStory extends ListedStory {
  /** Titles and parts printed for the person: 记者, 通讯员, 实习生, 作者 (no title printed), 摄影, 绘图. */
  roles: string[];
  /** The other names of the story, writers then photographers, in print order. */
  coAuthors: string[];
}

/** One name and its stories. */
export interface Person {
  /** The name as the parser read it (without the spaces a paper sets inside a short name). */
  name: string;
  /** Its stories, newest first. */
  stories: PersonStory[];
}

/** The page's names of a story, writers then photographers, each once. */
export function storyNames(data: Pick<ArticleData, 'bylines' | 'credits'>): string[] {
  return [...new Set([...data.bylines, ...data.credits])].filter(isPageName);
}

/**
 * What a name did for a story: when it wrote, the title of the role word
 * the parser read before it (`titles`; 本报记者 is 记者, see the lexicon's
 * personTitle), or 作者 when none is printed; then 摄影 (or 绘图, for X 绘)
 * when it is credited with the pictures.
 * @example rolesOf({ dateline: '本报讯（记者彭军君 实习生陈少鹏）', byline: null, bylines: ['彭军君', '陈少鹏'], credit: null, credits: [], titles: { 彭军君: '记者', 陈少鹏: '实习生' } }, '陈少鹏') // ['实习生']
 * @example rolesOf({ dateline: null, byline: null, bylines: [], credit: '记者 许丛军摄', credits: ['许丛军'], titles: { 许丛军: '记者' } }, '许丛军') // ['摄影']
 */
export function rolesOf(
  data: Pick<PersonSource, 'dateline' | 'byline' | 'bylines' | 'credit' | 'credits' | 'titles'>,
  name: string,
): string[] {
  const roles: string[] = [];
  if (data.bylines.includes(name)) {
    const roleWord = Object.hasOwn(data.titles, name) ? data.titles[name] : undefined;
    roles.push((roleWord === undefined ? null : personTitle(roleWord)) ?? '作者');
  }
  if (data.credits.includes(name)) {
    const drawn = [data.dateline, data.byline, data.credit].some((text) => text !== null && isDrawnBy(text, name));
    roles.push(drawn ? '绘图' : '摄影');
  }
  return roles;
}

/**
 * Every name of the archive with its stories, in no particular order (the
 * index sorts them). Each story is listed once per name, with what the name
 * did and the story's other names.
 * @example groupPeople(articles).find((p) => p.name === '王玮丽')?.stories.length // 1
 */
export function groupPeople(stories: readonly PersonSource[]): Person[] {
  const people = new Map<string, { name: string; stories: (PersonStory & Pick<PersonSource, 'pageIndex' | 'order'>)[] }>();
  for (const data of stories) {
    const names = storyNames(data);
    for (const name of names) {
      let person = people.get(name);
      if (!person) people.set(name, (person = { name, stories: [] }));
      person.stories.push({
        ...listedStory(data),
        pageIndex: data.pageIndex,
        order: data.order,
        roles: rolesOf(data, name),
        coAuthors: names.filter((other) => other !== name),
      });
    }
  }
  return [...people.values()].map(({ name, stories: own }) => ({
    name,
    stories: own.sort(newestFirst).map(({ pageIndex: _pageIndex, order: _order, ...story }) => story),
  }));
}

/** What a person's page says above the list: what a list's does, and the count of each role. */
export interface PersonSummary extends ListSummary {
  /** How many stories name them in each role, most first. */
  roles: { role: string; count: number }[];
}

/**
 * The number, papers, span of dates and the count of each role of a
 * person's stories (all of them, or a year's).
 * @example summariseStories(person.stories).roles // [{ role: '记者', count: 1 }]
 */
export function summariseStories(stories: readonly PersonStory[]): PersonSummary {
  const counts = new Map<string, number>();
  for (const story of stories) for (const role of story.roles) counts.set(role, (counts.get(role) ?? 0) + 1);
  return {
    ...listSummary(stories),
    roles: [...counts].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count || (a.role < b.role ? -1 : 1)),
  };
}
