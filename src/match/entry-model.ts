/**
 * The two small logistic models that turn a curated entry's evidence into a ranking and a
 * confidence. Both were fitted by `npm run fit:model` (scripts/fit-model.ts) on the seed dev set,
 * StackFAQ half A and SQuAD half A — never on a held-out half — and are pasted here so the bot
 * ships no training step. Re-run the script after changing a feature; it prints these tables.
 *
 * Why a model and not one score: a paraphrase ("How can I cross out text on GitHub?") and a
 * question the FAQ does not cover ("How can I colour text on GitHub?") can match an entry's words
 * equally well. What tells them apart is several signals at once — whether the words that matter
 * are explained, whether the meaning (word vectors) agrees, whether the entry's answer and the
 * passage it cites speak of the same things, whether the answer is of the kind asked for, and,
 * most of all, how far the best entry stands above the best *different* one.
 */

/** The evidence for one curated entry against one question; each in [0, 1] (about). */
export interface EntryFeatures {
  /** Weighted share of the question explained by one phrasing (or the answer), type penalties included. */
  readonly lexical: number;
  /** SIF cosine of the question with the entry's closest phrasing. */
  readonly phrasingVector: number;
  /** SIF cosine of the question with the entry's answer and cited paragraphs. */
  readonly answerVector: number;
  /** BM25 of the question against the entry's best phrasing, as a share of a full match. */
  readonly phrasingBm25: number;
  /** BM25 against the answer and the cited paragraphs, as a share of a full match. */
  readonly answerBm25: number;
  /** The best passage confidence among the ranked paragraphs of the articles the entry cites. */
  readonly passage: number;
  /** 0 when the question wants a date or number and the entry's answer and quotes hold none. */
  readonly typeFits: number;
}

export const FEATURE_NAMES = ['lexical', 'phrasingVector', 'answerVector', 'phrasingBm25', 'answerBm25', 'passage', 'typeFits'] as const satisfies ReadonlyArray<keyof EntryFeatures>;

/** Ranking: intercept, then one weight per feature in FEATURE_NAMES order. */
export const RANK_WEIGHTS: readonly number[] = [-2.811, 2.984, 0.862, 1.32, 3.663, 0.565, 1.752, -0.672];

/**
 * Confidence: intercept, then weights for the best entry's ranking score, its margin over the best
 * different entry, and its features minus the runner-up's (FEATURE_NAMES order).
 */
export const CONFIDENCE_WEIGHTS: readonly number[] = [-1.182, 0.37, 1.335, 1.237, 0.516, 0.38, -1.748, -0.894, 2.045, -0.035];

export function featureVector(f: EntryFeatures): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}

/** The ranking model's logit for an entry (higher is better; only differences matter). */
export function rankScore(f: EntryFeatures, weights: readonly number[] = RANK_WEIGHTS): number {
  return linear(weights, featureVector(f));
}

/** The inputs of the confidence model for a best entry against its runner-up. */
export function confidenceInputs(best: { score: number; features: EntryFeatures }, runnerUp: { score: number; features: EntryFeatures } | undefined): number[] {
  const b = featureVector(best.features);
  const r = runnerUp ? featureVector(runnerUp.features) : b.map(() => 0);
  const margin = runnerUp ? best.score - runnerUp.score : MARGIN_ALONE;
  return [best.score, margin, ...b.map((v, i) => v - r[i]!)];
}

/** The probability that the best entry answers the question. */
export function confidence(inputs: readonly number[], weights: readonly number[] = CONFIDENCE_WEIGHTS): number {
  return 1 / (1 + Math.exp(-linear(weights, inputs)));
}

/** The margin of an entry with no rival at all (a one-entry FAQ): as if far ahead. */
const MARGIN_ALONE = 3;

function linear(weights: readonly number[], inputs: readonly number[]): number {
  let z = weights[0] ?? 0;
  for (let i = 0; i < inputs.length; i++) z += (weights[i + 1] ?? 0) * inputs[i]!;
  return z;
}
