/**
 * A small seeded pseudo-random generator (mulberry32), so that a synthetic
 * archive is the same for the same seed on every machine and Node version.
 */
export class Prng {
  private state: number;

  /** Starts the sequence from a seed number (any integer). */
  constructor(seed: number) {
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  /** Sixteen hex digits, as in the export's file names (000_29ee23daad04a246.txt). */
  hex16(): string {
    const word = (): string =>
      Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return word() + word();
  }
}
