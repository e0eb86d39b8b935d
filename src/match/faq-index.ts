import type { Article } from '../corpus/types.ts';
import type { GeneratedKey } from '../faq/generate-keys.ts';
import type { FaqEntry } from '../faq/types.ts';
import { confidence, confidenceInputs } from './entry-model.ts';
import { EntryRanker, rivalAfter, type CuratedCandidate } from './entry-ranker.ts';
import { normalizeText, scanWords } from './normalize.ts';
import { PassageIndex, type PassageDoc } from './passage-index.ts';
import { PassageRanker, type PassageCandidate } from './passage-ranker.ts';
import { prepareQuery, type Query, type Vocabulary } from './query.ts';
import { SCORING } from './scoring.ts';
import { SentenceVectors } from './sentence-vectors.ts';
import { BUILT_IN_SYNONYMS, synonymTable } from './synonyms.ts';
import { runToEnd, type BuildSteps } from './build-steps.ts';
import { TermVocabulary } from './term-vocabulary.ts';
import { TermWeights } from './term-weights.ts';
import { TypoCorrector } from './typo-corrector.ts';
import type { WordVectors } from './word-vector-file.ts';

export type { PassageDoc, CuratedCandidate, PassageCandidate };
export type Candidate = CuratedCandidate | PassageCandidate;

export interface Ranking {
  readonly query: Query;
  /**
   * How much the question says, in (0, 1]: its terms' total weight against a few words the corpus
   * has never seen. "What is the meaning of life?" (two common words) is fully covered by many a
   * sentence; that says little, so a passage answer to it needs a better match.
   */
  readonly specificity: number;
  /** Curated entries, best first (by the ranking model of entry-model.ts). */
  readonly curated: readonly CuratedCandidate[];
  /** Paragraphs, best first; scores are calibrated coverages in [0, 1] (see scoring.ts). */
  readonly passages: readonly PassageCandidate[];
  /** Both, by score: for runners-up and "did you mean". */
  readonly candidates: readonly Candidate[];
  /**
   * How sure the best passage is, against `SCORING.passageAnswerAt`: its score less
   * `otherArticleShare` × the best score of a paragraph in *another* article, times the
   * specificity. A question the articles answer finds one article far ahead; one they do not
   * finds middling paragraphs all over (see scoring.ts).
   */
  readonly passageConfidence: number;
  /** The probability that the best curated entry answers the question (0 without one). */
  readonly entryConfidence: number;
  /** The same for "one of the best two": the best judged against the third, not the second. */
  readonly pairConfidence: number;
}

export interface RankOptions {
  /** The earlier question of the thread a follow-up is asked in. */
  readonly context?: string;
}

export interface FaqIndexOptions {
  readonly synonyms?: ReadonlyArray<readonly string[]>;
  readonly keys?: readonly GeneratedKey[];
  /** Word vectors for meaning-level matching; without them matching is lexical only. */
  readonly vectors?: WordVectors | null;
  /**
   * This corpus's `uncoveredConfidence` as calibrated before (a cached value for exactly these
   * articles, entries and code); calibrated at build when absent.
   */
  readonly uncoveredConfidence?: number;
  /**
   * The content words of texts the build reads besides the passages (FAQ phrasings, answers, cited
   * paragraphs, generated keys, sampled sentences), read and filled by it: a build given the map
   * an earlier build of the same corpus filled skips analysing those texts again.
   */
  readonly wordCache?: Map<string, string[]>;
}

/** At most this many passage sentences teach the corpus's common SIF direction. */
const DIRECTION_SAMPLE = 2_000;
/** At most this many curated phrasings are asked, each without its own entry, to calibrate. */
const CALIBRATION_SAMPLE = 400;

/**
 * The search index over one corpus, built once at start. A question walks it in a straight line:
 * prepare the query (query.ts), rank passages (passage-ranker.ts), rank curated entries
 * (entry-ranker.ts, which reads the passage ranking), and say how sure the best entry is
 * (entry-model.ts). The answer step (answer-question.ts) decides from that.
 *
 *   const index = new FaqIndex(articles, entries, { vectors });
 *   index.rank('who started openstack?').curated[0].entry.id  // → 'who-founded-openstack'
 *
 * Corpus calibration: at build, every curated phrasing (up to 400) is asked with its own entry
 * left out. What the best remaining entry's confidence looks like then is what "not covered"
 * looks like in this corpus; `uncoveredConfidence` is a high quantile of it, and an answer must
 * stand above it as well as above the global line (answer-question.ts).
 */
export class FaqIndex {
  readonly passages: readonly PassageDoc[];
  /** The entry confidence that questions the FAQ does not cover reach in this corpus (see above). */
  readonly uncoveredConfidence: number;
  private readonly terms: TermVocabulary;
  private readonly weights: TermWeights;
  private readonly passageRanker: PassageRanker;
  private readonly entryRanker: EntryRanker;
  private readonly sentenceVectors: SentenceVectors | null;
  private readonly vocabulary: Vocabulary;

  constructor(articles: readonly Article[], curated: readonly FaqEntry[], options: FaqIndexOptions = {}, parts: IndexParts = runToEnd(indexParts(articles, curated, options))) {
    this.passages = parts.passages;
    this.terms = parts.terms;
    this.weights = parts.weights;
    this.passageRanker = parts.passageRanker;
    this.entryRanker = parts.entryRanker;
    this.sentenceVectors = parts.sentenceVectors;
    this.vocabulary = parts.vocabulary;
    this.uncoveredConfidence = options.uncoveredConfidence ?? this.calibrate(curated);
  }

  /** The same build in steps, for a caller that pauses between them (see build-steps.ts). */
  static *build(articles: readonly Article[], curated: readonly FaqEntry[], options: FaqIndexOptions = {}): BuildSteps<FaqIndex> {
    return new FaqIndex(articles, curated, options, yield* indexParts(articles, curated, options));
  }

  /**
   * Ranks curated entries and passages for a question; never throws. `context` is the thread's
   * earlier question, for a follow-up (its terms count at CONTEXT_WEIGHT, see query.ts).
   */
  rank(question: string, options: RankOptions = {}): Ranking {
    return this.rankWithout(question, NONE, options.context);
  }

  /** Corpus idf of a term (paragraph frequency); unseen terms get the largest value. */
  idf(term: string): number {
    return this.weights.idf(term);
  }

  private rankWithout(question: string, exclude: ReadonlySet<number>, context?: string): Ranking {
    const query = prepareQuery(question, this.vocabulary, context);
    if (query.terms.length === 0) return { query, specificity: 0, curated: [], passages: [], candidates: [], passageConfidence: 0, entryConfidence: 0, pairConfidence: 0 };
    const weights = this.weights.queryWeights(query);
    const total = this.weights.totalOf(query);
    const specificity = 1 - SCORING.specificityShare + SCORING.specificityShare * Math.min(1, total / (SCORING.specificityScale * this.weights.maxIdf));
    const passages = this.passageRanker.rank(query, weights, total).sort((a, b) => b.score - a.score);
    const questionVector = this.sentenceVectors?.embed(query.words) ?? null;
    const curated = this.entryRanker.rank(query, weights, total, questionVector, passages, specificity, exclude);
    // The margin is over the best *different* entry: one quoting the same words answers alike.
    const [best] = curated;
    const rival = rivalAfter(curated);
    const next = rival && rivalAfter(curated, curated.indexOf(rival) + 1);
    const afterNext = next && rivalAfter(curated, curated.indexOf(next) + 1);
    const entryConfidence = best ? confidence(confidenceInputs(logitOf(best), rival && logitOf(rival), next && logitOf(next), specificity)) : 0;
    // "One of the best two": the best judged as if the rival were not there.
    const pairConfidence = best && rival ? confidence(confidenceInputs(logitOf(best), next && logitOf(next), afterNext && logitOf(afterNext), specificity)) : 0;
    const candidates: Candidate[] = [...curated, ...passages].sort((a, b) => b.score - a.score);
    return { query, specificity, curated, passages, candidates, passageConfidence: passageConfidenceOf(passages, specificity), entryConfidence, pairConfidence };
  }

  /** A high quantile of the best entry's confidence for phrasings whose own entry is left out. */
  private calibrate(curated: readonly FaqEntry[]): number {
    if (curated.length < 2) return 0;
    // Left out with an entry: every entry citing one of its paragraphs, which would answer it alike.
    const citing = new Map<string, number[]>();
    curated.forEach((entry, i) => entry.citations.forEach((c) => citing.set(`${c.source}#${c.paragraph}`, [...(citing.get(`${c.source}#${c.paragraph}`) ?? []), i])));
    const alike = curated.map((entry, i) => new Set([i, ...entry.citations.flatMap((c) => citing.get(`${c.source}#${c.paragraph}`)!)]));
    const asked: Array<{ text: string; entry: number }> = [];
    curated.forEach((entry, i) => [entry.question, ...entry.variants].forEach((text) => asked.push({ text, entry: i })));
    const step = Math.max(1, asked.length / CALIBRATION_SAMPLE);
    const uncovered: number[] = [];
    for (let k = 0; k < asked.length; k += step) {
      const { text, entry } = asked[Math.floor(k)]!;
      uncovered.push(this.rankWithout(text, alike[entry]!).entryConfidence);
    }
    uncovered.sort((a, b) => a - b);
    return uncovered[Math.min(uncovered.length - 1, Math.floor(SCORING.uncoveredQuantile * uncovered.length))] ?? 0;
  }
}

const NONE: ReadonlySet<number> = new Set();

/** The best passage's confidence: its margin over other articles' best, scaled by the specificity. */
function passageConfidenceOf(passages: readonly PassageCandidate[], specificity: number): number {
  const [best] = passages;
  if (!best) return 0;
  const otherArticle = passages.find((p) => p.passage.article !== best.passage.article)?.score ?? 0;
  return Math.max(0, best.score - SCORING.otherArticleShare * otherArticle) * specificity;
}

function logitOf(c: CuratedCandidate): { score: number; features: CuratedCandidate['features'] } {
  return { score: c.logit, features: c.features };
}

/** What the index is made of, built in FaqIndex's order (interning order decides term ids). */
export interface IndexParts {
  readonly passages: readonly PassageDoc[];
  readonly terms: TermVocabulary;
  readonly weights: TermWeights;
  readonly passageRanker: PassageRanker;
  readonly entryRanker: EntryRanker;
  readonly sentenceVectors: SentenceVectors | null;
  readonly vocabulary: Vocabulary;
}

/** How many sampled sentences are embedded between pauses. */
const SAMPLES_PER_STEP = 32;

/** Builds the index's parts, yielding between passages, samples, power iterations and words. */
function* indexParts(articles: readonly Article[], curated: readonly FaqEntry[], options: FaqIndexOptions): BuildSteps<IndexParts> {
  const terms = new TermVocabulary();
  const synonyms = synonymTable([...BUILT_IN_SYNONYMS, ...(options.synonyms ?? [])]);
  const passages: PassageDoc[] = [];
  for (const article of articles) for (const paragraph of article.paragraphs) passages.push({ article, paragraph });
  yield;
  const passageIndex = yield* PassageIndex.build(passages, terms);
  const weights = new TermWeights(terms, passageIndex, synonyms);

  const words = cachedWordsOf(options.wordCache);
  // FAQ words join the vocabulary (typos are corrected towards them too) but not the passages.
  const termsNoting = (text: string): string[] => words(text).map((word) => terms.terms[terms.idOfWord(word)]!);
  const sentenceVectors = options.vectors ? new SentenceVectors(options.vectors) : null;
  if (sentenceVectors) {
    const samples: Array<Float32Array | null> = [];
    for (const text of [...EntryRanker.sampleTexts(curated), ...sampleSentences(passages)]) {
      samples.push(sentenceVectors.embed(words(text)));
      if (samples.length % SAMPLES_PER_STEP === 0) yield;
    }
    yield* sentenceVectors.fittingCommonDirection(samples);
  }
  const passageRanker = new PassageRanker(passages, passageIndex, terms, weights, options.keys ?? [], termsNoting);
  yield;
  const entryRanker = yield* EntryRanker.build(curated, new Map(articles.map((a) => [a.source, a])), weights, sentenceVectors, termsNoting, words);
  const corrector = yield* TypoCorrector.build(terms.words());
  const vocabulary: Vocabulary = {
    hasTerm: (term) => terms.has(term),
    hasSynonym: (term) => synonyms.get(term)?.some((other) => terms.has(other)) ?? false,
    idf: (term) => weights.idf(term),
    corrector,
  };
  return { passages, terms, weights, passageRanker, entryRanker, sentenceVectors, vocabulary };
}

/** `wordsOf`, remembered in `cache` when there is one. */
function cachedWordsOf(cache: Map<string, string[]> | undefined): (text: string) => string[] {
  if (!cache) return wordsOf;
  return (text) => {
    let words = cache.get(text);
    if (!words) cache.set(text, (words = wordsOf(text)));
    return words;
  };
}

/** The content words of a text as written, for word vectors. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  scanWords(normalizeText(text), (word) => words.push(word));
  return words;
}

/** Paragraph sentences spread evenly over the corpus, at most DIRECTION_SAMPLE. */
function sampleSentences(passages: readonly PassageDoc[]): string[] {
  const sentences: string[] = [];
  const step = Math.max(1, passages.length / DIRECTION_SAMPLE);
  for (let k = 0; k < passages.length; k += step) {
    const { article, paragraph } = passages[Math.floor(k)]!;
    const first = paragraph.sentences[0];
    if (first) sentences.push(article.text.slice(first.start, first.end));
  }
  return sentences;
}
