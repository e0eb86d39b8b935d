import Fuse from 'fuse.js';
import { runToEnd, type BuildSteps } from './build-steps.ts';

/** Shortest word worth correcting: shorter ones have too many near neighbours to guess. */
const MIN_LENGTH = 5;
const CACHE_LIMIT = 5_000;
/** Candidates handed to fuse.js: the words sharing the most letter pairs with the typo. */
const CANDIDATES = 40;

/**
 * Maps a word the index has never seen to the nearest word it has, so "openstak" finds
 * "openstack". A letter-pair (bigram) index over the vocabulary picks a few dozen candidates of
 * similar spelling and length; fuse.js (Bitap) ranks those; an edit-distance check (one edit in a
 * short word, two in a long one) keeps only true near misses. Fuse never scans the whole
 * vocabulary (50,000 words would cost ~10 ms a typo) and never the passages. Answers are cached,
 * since the same typos recur.
 *
 *   new TypoCorrector(['openstack', 'director']).correct('directr')  // → 'director'
 */
export class TypoCorrector {
  private readonly words: readonly string[];
  /** Letter pair and word length (see `pairKey`) → ids of the words of that length holding that pair. */
  private readonly postings: ReadonlyMap<number, Int32Array>;
  private readonly cache = new Map<string, string | null>();
  private readonly counts: Uint16Array;
  private readonly touched: Int32Array;

  constructor(vocabulary: Iterable<string>, built: LetterPairIndex = runToEnd(letterPairIndex(vocabulary))) {
    this.words = built.words;
    this.postings = built.postings;
    this.counts = new Uint16Array(this.words.length);
    this.touched = new Int32Array(this.words.length);
  }

  /** The same build in steps, a hundred words each (see build-steps.ts). */
  static *build(vocabulary: Iterable<string>): BuildSteps<TypoCorrector> {
    return new TypoCorrector([], yield* letterPairIndex(vocabulary));
  }

  /** The closest known word, or null when nothing is close enough to be a typo of it. */
  correct(word: string): string | null {
    if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.lookup(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  private lookup(word: string): string | null {
    const candidates = this.candidates(word);
    if (candidates.length === 0) return null;
    const fuse = new Fuse(candidates, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
    let best: { word: string; score: number } | null = null;
    for (const hit of fuse.search(word, { limit: 8 })) {
      const candidate = hit.item;
      // Bitap scores a near-prefix as a match ("frets" ~ "fresno"): insist on a real near miss.
      const distance = editDistance(word, candidate);
      if (distance > (word.length <= 6 ? 1 : 2)) continue;
      const score = (hit.score ?? 1) + distance * 0.05;
      if (!best || score < best.score) best = { word: candidate, score };
    }
    return best ? best.word : null;
  }

  /** Vocabulary words of similar length sharing the most letter pairs with `word`. */
  private candidates(word: string): string[] {
    let touched = 0;
    const pairs = [...new Set(bigrams(word))];
    // Only words within two letters of the typo's length can be two edits away.
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      for (const pair of pairs) {
        const list = this.postings.get(pairKey(length, pair));
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const id = list[i]!;
          if (this.counts[id] === 0) this.touched[touched++] = id;
          this.counts[id]! += 1;
        }
      }
    }
    // Two edits change at most four letter pairs.
    const needed = Math.max(1, pairs.length - 4);
    const scored: Array<{ id: number; shared: number }> = [];
    for (let t = 0; t < touched; t++) {
      const id = this.touched[t]!;
      const shared = this.counts[id]!;
      this.counts[id] = 0;
      if (shared >= needed) scored.push({ id, shared });
    }
    scored.sort((a, b) => b.shared - a.shared);
    return scored.slice(0, CANDIDATES).map((c) => this.words[c.id]!);
  }
}

/** The correctable words of a vocabulary and, per (length, letter pair), the ids of the words holding it. */
export interface LetterPairIndex {
  readonly words: readonly string[];
  readonly postings: ReadonlyMap<number, Int32Array>;
}

/** How many words are indexed between pauses (ten times as many letter-pair lists are packed). */
const WORDS_PER_STEP = 100;

function* letterPairIndex(vocabulary: Iterable<string>): BuildSteps<LetterPairIndex> {
  const words: string[] = [];
  const building = new Map<number, number[]>();
  for (const word of vocabulary) {
    if (word.length < MIN_LENGTH - 1 || !/^[a-z][a-z0-9]*$/.test(word)) continue;
    const id = words.push(word) - 1;
    for (const pair of new Set(bigrams(word))) {
      const key = pairKey(word.length, pair);
      let list = building.get(key);
      if (!list) building.set(key, (list = []));
      list.push(id);
    }
    if (id % WORDS_PER_STEP === WORDS_PER_STEP - 1) yield;
  }
  const postings = new Map<number, Int32Array>();
  for (const [key, list] of building) {
    postings.set(key, Int32Array.from(list));
    if (postings.size % (10 * WORDS_PER_STEP) === 0) yield;
  }
  return { words, postings };
}

/** A number for (word length, letter pair): Map lookups by number need no string building. */
function pairKey(length: number, pair: string): number {
  return (length * 65536 + pair.charCodeAt(0)) * 65536 + pair.charCodeAt(1);
}

/** Letter pairs of a word with its edges marked: "nasa" → ^n na as sa a$. */
function bigrams(word: string): string[] {
  const padded = `^${word}$`;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) pairs.push(padded.slice(i, i + 2));
  return pairs;
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
