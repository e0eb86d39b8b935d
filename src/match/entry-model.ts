/**
 * The two small logistic models that turn a curated entry's evidence into a ranking and a
 * confidence. Both were fitted by `npm run fit:model` (scripts/fit-model.ts) on the seed dev set
 * and StackFAQ half A (SQuAD half A checks the result) — never on a held-out half — and are pasted here so the bot
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
export const RANK_WEIGHTS: readonly number[] = [-3.658, 2.52, 0.927, 1.257, 3.95, 0.505, 1.898, 0.089];

/**
 * Confidence: intercept, then weights for the inputs of `confidenceInputs`, in its order.
 */
export const CONFIDENCE_WEIGHTS: readonly number[] = [-5.54, 0.214, 0.234, 4.022, 2.511, 2.945, -0.421, -1.054, 4.381, 4.933, -2.816, -2.248, 1.447, -0.473, 2.081, 3.064, 0.657];

export function featureVector(f: EntryFeatures): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}

/**
 * The ranking model's logit for an entry (higher is better; only differences matter). An entry
 * that cannot give the kind of answer asked for (a date for "when", a number for "how many") is
 * ranked behind those that can (`byRank`), and its logit carries TYPE_MISS_LOGIT less, which is
 * what the margin of a best entry over such a rival reads: the development sets hold too few such
 * questions to fit it, and such an entry is never the answer (answer-question.ts), so ranking it
 * first only hides the entry that is ("…and when was that?" after a question about the pledge:
 * its date, not its terms).
 */
export function rankScore(f: EntryFeatures, weights: readonly number[] = RANK_WEIGHTS): number {
  // Summed in place, not via featureVector: this runs for every entry considered, every question.
  let z = weights[0] ?? 0;
  for (let i = 0; i < FEATURE_NAMES.length; i++) z += (weights[i + 1] ?? 0) * f[FEATURE_NAMES[i]!];
  return z - (f.typeFits > 0 ? 0 : TYPE_MISS_LOGIT);
}

/** How far behind an entry of the wrong answer type is put: more than most ranking gaps. */
const TYPE_MISS_LOGIT = 2;

/**
 * The ranking order, best first: entries that can give the asked-for kind of answer, then by
 * logit. Shared by the ranker and the script that fits the models, so they fit what is served.
 */
export function byRank(a: { readonly logit: number; readonly features: { readonly typeFits: number } }, b: { readonly logit: number; readonly features: { readonly typeFits: number } }): number {
  return b.features.typeFits - a.features.typeFits || b.logit - a.logit;
}

type Scored = { readonly score: number; readonly features: EntryFeatures };

/**
 * The inputs of the confidence model: the best entry's ranking score, its margin over the best
 * different entry (the rival) and over the next different one, its features minus the rival's,
 * its own features, and the question's specificity (faq-index.ts). Its own features and the
 * specificity say how much evidence there is at all: a margin means more when the question names
 * rare things and the best entry explains them (5-fold cross-validation by thread on StackFAQ A,
 * in-scope answered at 90% out-of-scope refused: 57% with margins and differences alone, 66% so).
 */
export function confidenceInputs(best: Scored, rival: Scored | undefined, next: Scored | undefined, specificity: number, emptyScore = EMPTY_SCORE): number[] {
  const b = evidenceVector(best.features);
  const r = rival ? evidenceVector(rival.features) : b.map(() => 0);
  // A missing rival is an entry that shares nothing with the question (the ranker skips those):
  // the margin is over such an empty entry. With few entries, a question about something else
  // has no rival and a weak best; it is not "far ahead" of anything.
  const margin = best.score - (rival ? rival.score : emptyScore);
  const marginNext = best.score - (next ? next.score : emptyScore);
  return [best.score, margin, ...b.map((v, i) => v - r[i]!), ...b, specificity, marginNext];
}

/**
 * The features the confidence reads: all but `typeFits`, which is a rule, not evidence: an entry
 * of the wrong type is never the answer (answer-question.ts), and a rival of the wrong type
 * already carries its penalty in its ranking score, hence in the margin. Fitted as a weight, the
 * few development questions with such a rival made "nothing else fits" read as certainty.
 */
function evidenceVector(f: EntryFeatures): number[] {
  return EVIDENCE_NAMES.map((name) => f[name]);
}

const EVIDENCE_NAMES = FEATURE_NAMES.filter((name) => name !== 'typeFits');

/** The probability that the best entry answers the question. */
export function confidence(inputs: readonly number[], weights: readonly number[] = CONFIDENCE_WEIGHTS): number {
  return 1 / (1 + Math.exp(-linear(weights, inputs)));
}

/** The evidence of an entry that shares nothing with the question (and could give its kind of answer). */
export const NO_EVIDENCE: EntryFeatures = { lexical: 0, phrasingVector: 0, answerVector: 0, phrasingBm25: 0, answerBm25: 0, passage: 0, typeFits: 1 };

/** The ranking score of such an entry: what an entry with no rival stands above. */
const EMPTY_SCORE = rankScore(NO_EVIDENCE);

function linear(weights: readonly number[], inputs: readonly number[]): number {
  let z = weights[0] ?? 0;
  for (let i = 0; i < inputs.length; i++) z += (weights[i + 1] ?? 0) * inputs[i]!;
  return z;
}
