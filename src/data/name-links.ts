import { personPath } from './name-paths.ts';
import { splitNames } from './printed-names.ts';

/** A piece of printed text and where it links: a name to its person's page, the rest nowhere. */
export interface LinkedPart {
  /** The printed characters, exactly. */
  text: string;
  /** The person's page, or null. */
  href: string | null;
}

/**
 * Printed text with each of the names linked to its page: the links wrap
 * the name's printed characters (spaces inside it too), and the parts
 * joined are the text unchanged.
 * @example linkNames('记者 许丛军摄', ['许丛军']) // [{ text: '记者 ', href: null }, { text: '许丛军', href: '/people/%E8%AE%B8%E4%B8%9B%E5%86%9B/' }, { text: '摄', href: null }]
 */
export function linkNames(text: string, names: readonly string[]): LinkedPart[] {
  return splitNames(text, names).map(({ text: printed, name }) => ({ text: printed, href: name === null ? null : personPath(name) }));
}
