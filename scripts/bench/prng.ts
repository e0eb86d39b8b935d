/**
 * A small seeded PRNG (mulberry32) so every bench run writes the same corpus and asks the same
 * questions: numbers from two runs are comparable only if the inputs are identical.
 *
 *   const rand = createRandom(7);
 *   rand.int(10)  // → the same integer in [0, 10) on every run
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p: number): boolean => next() < p,
  };
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s: word frequencies in real text follow this
 * (Zipf's law), which is what gives an inverted index its long posting lists for common words and
 * its many rare ones. Sampling is a binary search over the cumulative weights.
 */
export function createZipf(n: number, s: number, rand: Random): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, s);
    cumulative[rank] = total;
  }
  return () => {
    const target = rand.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
