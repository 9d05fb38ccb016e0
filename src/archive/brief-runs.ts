import { signedInParensStart } from './conventions/bylines.ts';
import { creditStart } from './conventions/credits.ts';
import { BRIEF_BULLETS } from './conventions/lexicon.ts';
import { charCount } from './conventions/punctuation.ts';
import { isRunningText, lineByline, lineCredit, type PageLine } from './page-lines.ts';

/**
 * Runs of briefs set as paragraphs with no headline, as a column of short
 * news prints them. Bulleted: each opens with the same bullet (工会动态 /
 * ▲省总榆林地区办事处召开… / ▲镇坪县总工会通过…), and each bullet opens an
 * item of its own; a bullet before a photo's caption (▲图为…，记者 X 摄) is
 * not one, so a run is bulleted text with no credit. Signed: each ends in
 * its writer's name in parentheses (…建成了“职工之家”。（长河）), and each
 * such signature ends its brief.
 */

/** Shortest text of a bulleted brief: a bulleted line this short or shorter is a list item or a label. */
const MIN_BRIEF_CHARS = 12;
/** How many bulleted briefs make a run. */
const RUN = 2;

const bulletOf = (l: PageLine): string | null => {
  const first = l.norm[0] ?? '';
  return BRIEF_BULLETS.includes(first) ? first : null;
};

/** A line that could be a bulleted brief: the bullet, then running text with no photo credit at its end. */
const isBulleted = (l: PageLine): boolean =>
  bulletOf(l) !== null && charCount(l.norm) > MIN_BRIEF_CHARS && isRunningText(l) && creditStart(l.norm) === null;

/** The bullets of a page that open at least two briefs, per page (lines array). */
const RUNS = new WeakMap<readonly PageLine[], Set<string>>();

function runBullets(lines: readonly PageLine[]): Set<string> {
  let runs = RUNS.get(lines);
  if (!runs) {
    const counts = new Map<string, number>();
    const last = new Map<string, number>();
    lines.forEach((l, i) => {
      const bullet = isBulleted(l) ? bulletOf(l) : null;
      if (!bullet) return;
      counts.set(bullet, (counts.get(bullet) ?? 0) + 1);
      last.set(bullet, i);
    });
    // Bulleted captions of a photo story end in its credit (□文/图 本报记者 梁玉鹏): not briefs.
    const credited = (i: number): boolean =>
      [lines[i + 1], lines[i + 2]].some(
        (l) => l !== undefined && (lineCredit(l) !== null || (lineByline(l)?.photographers.length ?? 0) > 0),
      );
    runs = new Set([...counts].filter(([b, n]) => n >= RUN && !credited(last.get(b) ?? 0)).map(([b]) => b));
    RUNS.set(lines, runs);
  }
  return runs;
}

/**
 * Whether the line at `i` opens a brief of a bulleted run: it opens with a
 * bullet that opens two or more such briefs on the page, and no credit
 * follows it.
 * @example opensBulletBrief(lines, i) // true for ▲佳县总工会自己动手，整修俱乐部活动场地，节约资金500多元。 in a run of ▲ briefs
 */
export function opensBulletBrief(lines: readonly PageLine[], i: number): boolean {
  const l = lines[i];
  if (!l || !isBulleted(l)) return false;
  const next = lines[i + 1];
  if (next && lineCredit(next) !== null) return false;
  return runBullets(lines).has(bulletOf(l) ?? '');
}

/** How many paragraphs signed at their end in parentheses make a run of signed briefs. */
const SIGNED_RUN = 2;
const SIGNED = new WeakMap<readonly PageLine[], boolean>();

/**
 * Whether a page holds a run of briefs each signed at its end in
 * parentheses, with no role word (…建成了“职工之家”。（长河） / 西北国棉二厂工会…。（爱莲、沈平）):
 * there, such a signature ends its brief wherever it stands.
 */
export function hasSignedRun(lines: readonly PageLine[]): boolean {
  let run = SIGNED.get(lines);
  if (run === undefined) {
    run = lines.filter((l) => signedInParensStart(l.norm) !== null).length >= SIGNED_RUN;
    SIGNED.set(lines, run);
  }
  return run;
}
