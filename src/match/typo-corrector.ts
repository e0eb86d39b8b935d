import Fuse from 'fuse.js';

/** Shortest word worth correcting: shorter ones have too many near neighbours to guess. */
const MIN_LENGTH = 5;
const CACHE_LIMIT = 5_000;

/**
 * Maps a word the index has never seen to the nearest word it has (fuse.js's Bitap distance), so
 * "openstak" finds "openstack". Fuse is run against the vocabulary, grouped by first letter and
 * built lazily, never against the passages: a question costs one small fuzzy lookup per unknown
 * word. Answers are cached, since the same typos recur.
 *
 *   new TypoCorrector(['openstack', 'director']).correct('directr')  // → 'director'
 */
export class TypoCorrector {
  private readonly byInitial = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | null>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < MIN_LENGTH - 1 || !/^[a-z][a-z0-9]*$/.test(word)) continue;
      const key = word[0]!;
      let list = this.byInitial.get(key);
      if (!list) this.byInitial.set(key, (list = []));
      list.push(word);
    }
  }

  /** The closest known word, or null when nothing is close enough to be a typo of it. */
  correct(word: string): string | null {
    if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.lookup(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(word, result);
    return result;
  }

  private lookup(word: string): string | null {
    const fuse = this.fuseFor(word[0]!);
    if (!fuse) return null;
    let best: { word: string; score: number } | null = null;
    for (const hit of fuse.search(word, { limit: 8 })) {
      const candidate = hit.item;
      // Bitap finds candidates fast but scores a near-prefix as a match ("frets" ~ "fresno"); a
      // typo is one edit in a short word, two in a long one.
      const distance = editDistance(word, candidate);
      if (distance > (word.length <= 6 ? 1 : 2)) continue;
      const score = (hit.score ?? 1) + distance * 0.05;
      if (!best || score < best.score) best = { word: candidate, score };
    }
    return best ? best.word : null;
  }

  private fuseFor(initial: string): Fuse<string> | null {
    let fuse = this.fuses.get(initial);
    if (!fuse) {
      const words = this.byInitial.get(initial);
      if (!words) return null;
      fuse = new Fuse(words, { includeScore: true, threshold: 0.35, ignoreLocation: true, isCaseSensitive: true });
      this.fuses.set(initial, fuse);
    }
    return fuse;
  }
}

/** Damerau–Levenshtein distance (optimal string alignment): a swap of two letters is one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}
