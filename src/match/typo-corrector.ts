import Fuse from 'fuse.js';

/** Shortest word worth correcting: shorter ones have too many near neighbours to guess. */
const MIN_LENGTH = 4;
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
      // Bitap scores a prefix as a perfect match ("open" in "openstack"): insist on similar length.
      if (Math.abs(candidate.length - word.length) > Math.max(1, Math.floor(word.length / 4))) continue;
      const score = (hit.score ?? 1) + Math.abs(candidate.length - word.length) * 0.01;
      if (!best || score < best.score) best = { word: candidate, score };
    }
    return best && best.score <= 0.34 ? best.word : null;
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
