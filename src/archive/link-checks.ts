import { recordedSeals } from './link-manifest.ts';
import { checkWitness, type Witness } from './link-witness.ts';
import type { Registry, RegistryEntry, RetiredEntry } from './permalink-registry.ts';
import type { PublishedLink } from './link-manifest.ts';
import { splitKey, type HeldItem, type WithdrawnItem } from './permalinks.ts';
import type { ArchiveProblem } from './problems.ts';
import { checkRegisteredText, expectedSeal } from './registered-text.ts';
import type { ValidPage } from './validate-archive.ts';

/**
 * What the plan (./plan-archive.ts) checks of the links it gives out beyond
 * the registry's own lines: that the raw lines each registered link names
 * still hold their text (./registered-text.ts), and that every link the
 * output it replaces published still answers (./link-witness.ts). And the
 * retired links as the site shows them.
 */

/** A withdrawn link, as the site shows it: with the lines its story held, when its page is still there. */
export type RetiredLink = Pick<RetiredEntry, 'url' | 'date' | 'reason'> & { withdrawn?: { path: string; lines: [number, number] } };

/** What the checks read. */
export interface LinkChecks {
  registry: Pick<Registry, 'entries' | 'moved' | 'retired'>;
  registryText: string;
  registryPath: string;
  pages: readonly ValidPage[];
  /** The item that holds a line of a page now. */
  itemAt: (at: { file: string; line: number }) => HeldItem | null;
  /** Every link this build would publish. */
  published: readonly PublishedLink[];
  witness: Witness | null;
  /** Whether the registry check refused a link already (its page gone, say): the witness need not name it again. */
  refused: boolean;
  today: string;
}

/** The problems of the checks above, by file and line. */
export function checkLinks(input: LinkChecks): ArchiveProblem[] {
  const { registry, witness } = input;
  const pages = new Map(
    input.pages.map((p) => [p.file, { path: p.path, paper: p.meta.paper, date: p.meta.date, text: p.text, digest: p.digest }]),
  );
  const recorded = recordedSeals(witness?.manifests ?? []);
  // Every entry that names an item: live, and those a moved or retired link was published by.
  const naming = new Map<number, RegistryEntry>();
  for (const e of [...registry.entries, ...registry.moved.map((m) => m.from), ...registry.retired.map((r) => r.from)]) naming.set(e.at, e);
  return [
    ...checkRegisteredText({
      entries: [...naming.values()],
      expected: (e) => expectedSeal(e, recorded),
      pages,
      itemAt: (file, line) => input.itemAt({ file, line }),
      published: (page, file) => witness?.publishedPage?.(page.paper, page.date, file) ?? null,
      registryPath: input.registryPath,
      today: input.today,
    }),
    ...(witness ? checkWitness(witness, input.published, input.registryText.split('\n'), input.registryPath, !input.refused) : []),
  ];
}

/** The retired links as the site shows them: a story withdrawn from a page that stays gives its page and lines. */
export function retiredLinks(
  retired: readonly RetiredEntry[],
  withdrawn: readonly WithdrawnItem[],
  itemAt: LinkChecks['itemAt'],
  pages: readonly ValidPage[],
): RetiredLink[] {
  const paths = new Map(pages.map((p) => [p.file, p.path]));
  const items = new Map(
    withdrawn.map(({ key, retired: r }) => {
      const item = itemAt(splitKey(key));
      return [r.url, { path: paths.get(splitKey(key).file) ?? '', lines: [item?.first ?? 0, item?.last ?? 0] as [number, number] }];
    }),
  );
  return retired.map(({ url, date, reason }) => {
    const item = items.get(url);
    return { url, date, reason, ...(item ? { withdrawn: item } : {}) };
  });
}
