import type { Prng } from './prng.ts';

/** Chinese characters only (CJK Unified Ideographs). */
const HAN = /^[\u4e00-\u9fff]$/u;
/** Clause and sentence punctuation that ends a clause in the seed text. */
const CLAUSE_BREAK = /[，。、；：！？“”‘’（）《》—…\s\d\w]+/u;

/** Characters the generator never writes, so that no line is taken for a dateline (…讯) or a credit (…摄). */
const BANNED = new Set(['讯', '摄']);

/** Successors of one character with cumulative counts, for sampling by binary search. */
interface Successors {
  chars: string[];
  cumulative: number[];
}

/** Text statistics of the seed pages: character bigrams and clause and paragraph lengths. */
export interface BigramModel {
  /** Successor table per character. */
  next: Map<string, Successors>;
  /** Every character once per occurrence, to sample by frequency. */
  unigram: Successors;
  /** Lengths of the clauses (runs of Chinese between punctuation) in the seed text. */
  clauseLengths: number[];
  /** Lengths of the seed paragraphs (terminated lines), in characters. */
  paragraphLengths: number[];
}

function toSuccessors(counts: Map<string, number>): Successors {
  const chars = [...counts.keys()].sort();
  let sum = 0;
  const cumulative = chars.map((c) => (sum += counts.get(c) ?? 0));
  return { chars, cumulative };
}

function sample(s: Successors, rng: Prng): string {
  const total = s.cumulative.at(-1) ?? 0;
  const x = rng.next() * total;
  let lo = 0;
  let hi = s.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s.cumulative[mid] ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return s.chars[lo] ?? '的';
}

/**
 * Trains a character bigram model on seed page texts. Only pairs of Chinese
 * characters inside one clause count, so generated clauses never carry
 * punctuation, digits or spaces the generator did not put there itself.
 * @example trainBigrams(['潮起长江口，抢抓机遇向未来。']).next.get('长')?.chars // ['江']
 */
export function trainBigrams(texts: string[]): BigramModel {
  const pairs = new Map<string, Map<string, number>>();
  const singles = new Map<string, number>();
  const clauseLengths: number[] = [];
  const paragraphLengths: number[] = [];
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (/[。！？]$/u.test(t) && t.length > 40) paragraphLengths.push([...t].length);
      for (const clause of t.split(CLAUSE_BREAK)) {
        const chars = [...clause].filter((c) => HAN.test(c) && !BANNED.has(c));
        if (chars.length >= 2) clauseLengths.push(chars.length);
        chars.forEach((c, i) => {
          singles.set(c, (singles.get(c) ?? 0) + 1);
          const n = chars[i + 1];
          if (n === undefined) return;
          const m = pairs.get(c) ?? new Map<string, number>();
          m.set(n, (m.get(n) ?? 0) + 1);
          pairs.set(c, m);
        });
      }
    }
  }
  const next = new Map([...pairs].map(([c, m]) => [c, toSuccessors(m)] as const));
  return {
    next,
    unigram: toSuccessors(singles),
    clauseLengths: clauseLengths.sort((a, b) => a - b),
    paragraphLengths: paragraphLengths.sort((a, b) => a - b),
  };
}

/** A run of `length` Chinese characters walked along the bigram chain. */
export function sampleRun(model: BigramModel, rng: Prng, length: number): string {
  let c = sample(model.unigram, rng);
  let out = c;
  for (let i = 1; i < length; i += 1) {
    const s = model.next.get(c);
    // Restart from the unigram at a dead end, and now and then anyway so that runs do not loop.
    c = s && !rng.chance(0.04) ? sample(s, rng) : sample(model.unigram, rng);
    out += c;
  }
  return out;
}

/** A clause length drawn from the seed's clause lengths, clamped to [min, max]. */
export function sampleClauseLength(model: BigramModel, rng: Prng, min = 2, max = 24): number {
  const n = model.clauseLengths.length > 0 ? rng.pick(model.clauseLengths) : 8;
  return Math.min(max, Math.max(min, n));
}

/**
 * One paragraph of running text: clauses joined with ，/、, sentences ended
 * with 。, its length drawn from the seed's paragraph lengths.
 */
export function sampleParagraph(model: BigramModel, rng: Prng, targetLength?: number): string {
  const target = targetLength ?? (model.paragraphLengths.length > 0 ? rng.pick(model.paragraphLengths) : 150);
  let text = '';
  let length = 0;
  for (;;) {
    const n = sampleClauseLength(model, rng);
    const clause = sampleRun(model, rng, n);
    const quoted = rng.chance(0.06);
    text += quoted ? `“${clause}”` : clause;
    length += n + (quoted ? 2 : 0);
    if (length >= target) return `${text}。`;
    text += rng.chance(0.18) ? '。' : rng.chance(0.15) ? '、' : '，';
    length += 1;
  }
}
