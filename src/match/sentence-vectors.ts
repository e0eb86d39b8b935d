import { runToEnd, type BuildSteps } from './build-steps.ts';
import type { WordVectors } from './word-vector-file.ts';

/**
 * SIF sentence vectors (Arora, Liang & Ma, "A simple but tough-to-beat baseline for sentence
 * embeddings", ICLR 2017): a sentence is the weighted mean of its words' vectors, each word weighted
 * `a / (a + p(w))` so frequent words say little, then the corpus's common direction (the first
 * principal component of its sentence vectors) is removed, because every sentence shares it.
 *
 * p(w) comes from the word's frequency rank in the vector file (Zipf: p ∝ 1 / rank), so no word-count
 * table needs shipping. Words the file lacks are skipped: the lexical scores still see them.
 *
 *   const sif = new SentenceVectors(vectors);
 *   sif.fitCommonDirection([sif.embed(['gmail', 'filter']), …]);
 *   cosine(sif.embed(['cross', 'out', 'text']), sif.embed(['strikethrough', 'markdown']))  // ≈ 0.5
 */
export class SentenceVectors {
  readonly dimensions: number;
  private readonly vectors: WordVectors;
  private readonly weights: Float32Array;
  private common: Float32Array<ArrayBufferLike> | null = null;

  constructor(vectors: WordVectors, options: { readonly a?: number } = {}) {
    this.vectors = vectors;
    this.dimensions = vectors.dimensions;
    const a = options.a ?? SIF_A;
    // Zipf's law: the r-th most frequent word has probability 1 / (r × H), H ≈ ln N + γ.
    const harmonic = Math.log(vectors.words.length) + 0.5772;
    this.weights = new Float32Array(vectors.words.length);
    for (let r = 0; r < vectors.words.length; r++) this.weights[r] = a / (a + 1 / ((r + 1) * harmonic));
  }

  /** Whether the file has a vector for this word. */
  knows(word: string): boolean {
    return this.vectors.rankOf.has(word);
  }

  /** The SIF vector of a bag of lower-cased words, unit length; null when no word is known. */
  embed(words: Iterable<string>): Float32Array | null {
    const d = this.dimensions;
    const sum = new Float32Array(d);
    let known = 0;
    const seen = new Set<string>();
    for (const word of words) {
      if (seen.has(word)) continue;
      seen.add(word);
      const rank = this.vectors.rankOf.get(word);
      if (rank === undefined) continue;
      known++;
      const scale = this.vectors.scales[rank]! * this.weights[rank]!;
      const values = this.vectors.values;
      for (let i = 0, at = rank * d; i < d; i++, at++) sum[i]! += scale * values[at]!;
    }
    if (known === 0) return null;
    if (this.common) {
      const dot = dotProduct(sum, this.common);
      for (let i = 0; i < d; i++) sum[i]! -= dot * this.common[i]!;
    }
    return normalize(sum);
  }

  /**
   * Learns the direction every sentence of this corpus shares (power iteration on Σ v vᵀ, the
   * uncentered first principal component, as SIF does) and removes it from every later `embed`.
   */
  fitCommonDirection(samples: ReadonlyArray<Float32Array | null>): void {
    runToEnd(this.fittingCommonDirection(samples));
  }

  /** `fitCommonDirection` in steps, one power iteration each (see build-steps.ts). */
  *fittingCommonDirection(samples: ReadonlyArray<Float32Array | null>): BuildSteps<void> {
    const d = this.dimensions;
    const rows = samples.filter((v): v is Float32Array => v !== null);
    if (rows.length < 2) return;
    let u: Float32Array<ArrayBufferLike> = new Float32Array(d).fill(1 / Math.sqrt(d));
    for (let iteration = 0; iteration < 30; iteration++) {
      const next = new Float32Array(d);
      for (const row of rows) {
        const dot = dotProduct(row, u);
        for (let i = 0; i < d; i++) next[i]! += dot * row[i]!;
      }
      u = normalize(next);
      yield;
    }
    this.common = u;
  }
}

/** The SIF smoothing constant: words with p(w) well above it weigh little (the paper's 1e-3). */
const SIF_A = 1e-3;

export function dotProduct(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** Cosine of two unit vectors; 0 when either is missing. */
export function cosine(a: Float32Array | null, b: Float32Array | null): number {
  return a && b ? dotProduct(a, b) : 0;
}

function normalize(v: Float32Array): Float32Array {
  const length = Math.sqrt(dotProduct(v, v));
  if (length > 0) for (let i = 0; i < v.length; i++) v[i]! /= length;
  return v;
}
