import { readFileSync } from 'node:fs';
import fc from 'fast-check';

const SEED_PAGES = ['ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt', 'jhwb/2025-02-06/000_29ee23daad04a246.txt'];

/** The CJK characters the seed pages print, each once. */
export const SEED_HAN: string[] = [
  ...new Set(
    SEED_PAGES.flatMap((p) => [...readFileSync(new URL(`../../content/pages/${p}`, import.meta.url), 'utf8')]).filter((c) =>
      /\p{Script=Han}/u.test(c),
    ),
  ),
].sort();

const han = fc.constantFrom(...SEED_HAN);
const punctuation = fc.constantFrom('，', '。', '、', '；', '：', '！', '？', '“', '”', '（', '）', '——', '…', '《', '》');
const digit = fc.constantFrom(...'0123456789');
const latin = fc.constantFrom(...'abcxyzABCXYZ');

/** One printed character, weighted like running Chinese text. */
const printed = fc.oneof(
  { arbitrary: han, weight: 12 },
  { arbitrary: punctuation, weight: 3 },
  { arbitrary: digit, weight: 1 },
  { arbitrary: latin, weight: 1 },
  { arbitrary: fc.constant(' '), weight: 1 },
);

/** A run of printed characters. */
const textOf = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.array(printed, { minLength, maxLength, size: 'medium' }).map((cs) => cs.join(''));

/** A run of CJK characters only (a name, a display line without punctuation). */
const hanOf = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.array(han, { minLength, maxLength }).map((cs) => cs.join(''));

const name = hanOf(2, 3);
const role = fc.constantFrom('记者', '本报记者', '通讯员', '实习生', '见习记者');
const pageLabel = fc.tuple(fc.constantFrom('A', 'B', ''), fc.integer({ min: 1, max: 16 })).map(([l, n]) => `${l}${n}`);

/** The line shapes a printed page is made of, from plain text to every marked kind. */
export const pageLine: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('', '', ' ', '\t', '　'), weight: 8 },
  { arbitrary: textOf(1, 60), weight: 8 },
  { arbitrary: textOf(1, 60).map((t) => `${t}。`), weight: 8 },
  { arbitrary: textOf(1, 3), weight: 2 },
  { arbitrary: textOf(200, 1200), weight: 1 },
  { arbitrary: hanOf(2, 20), weight: 8 },
  { arbitrary: fc.tuple(hanOf(2, 8), hanOf(2, 8), hanOf(2, 8)).map((p) => p.join(' ')), weight: 2 },
  { arbitrary: hanOf(4, 20).map((t) => `${t}——`), weight: 1 },
  { arbitrary: hanOf(4, 20).map((t) => `——${t}`), weight: 1 },
  { arbitrary: fc.tuple(role, name, fc.array(name, { maxLength: 2 })).map(([r, n, more]) => [`${r} ${n}`, ...more].join(' ')), weight: 2 },
  { arbitrary: fc.tuple(role, name).map(([r, n]) => `${r}${n}`), weight: 1 },
  { arbitrary: fc.tuple(role, name, textOf(1, 60)).map(([r, n, t]) => `本报讯（${r}${n}）${t}。`), weight: 2 },
  { arbitrary: textOf(1, 60).map((t) => `晚报讯 ${t}。`), weight: 1 },
  { arbitrary: fc.tuple(digit, digit, textOf(1, 40)).map(([m, d, t]) => `新华社南京1月2${d}日电 ${t}${m}。`), weight: 1 },
  { arbitrary: fc.tuple(pageLabel, textOf(0, 60)).map(([p, t]) => `（上接${p}版）${t}`), weight: 2 },
  { arbitrary: fc.tuple(textOf(0, 60), pageLabel).map(([t, p]) => `${t}（下转${p}版）`), weight: 2 },
  { arbitrary: fc.tuple(role, name).map(([r, n]) => `${r} ${n}摄`), weight: 2 },
  { arbitrary: fc.integer({ min: 1949, max: 2099 }).map(String), weight: 1 },
);

/** A raw page: generated lines joined by LF, or sometimes by CRLF. */
export const rawPage: fc.Arbitrary<string> = fc
  .tuple(fc.array(pageLine, { maxLength: 60, size: 'max' }), fc.boolean(), fc.constantFrom('', '', '\uFEFF', '\n\n'))
  .map(([lines, crlf, lead]) => lead + lines.join(crlf ? '\r\n' : '\n'));
