import type { Article } from '../corpus/types.ts';
import type { FaqEntry } from '../faq/types.ts';
import { answerTypeOf, asksForOtherThanTime, ordinalsConflict, ordinalsOf, sentenceFits, type AnswerType } from './answer-type.ts';
import { matchedWeight, phrasingSimilarity, type QueryWeights } from './coverage.ts';
import { byRank, rankScore, type EntryFeatures } from './entry-model.ts';
import { normalizeText } from './normalize.ts';
import type { PassageCandidate } from './passage-ranker.ts';
import { questionForm, type Query } from './query.ts';
import { SCORING } from './scoring.ts';
import { cosine, type SentenceVectors } from './sentence-vectors.ts';
import { TermIndex } from './term-index.ts';
import { runToEnd, type BuildSteps } from './build-steps.ts';
import type { TermWeights } from './term-weights.ts';

export interface CuratedCandidate {
  readonly kind: 'curated';
  readonly entry: FaqEntry;
  /** The ranking model's score as a probability-like value in (0, 1): for ordering and display. */
  readonly score: number;
  /** The ranking model's logit, which the confidence model reads. */
  readonly logit: number;
  readonly features: EntryFeatures;
}

/** Everything about one curated entry that ranking reads, computed once at build. */
export interface EntryDoc {
  readonly entry: FaqEntry;
  readonly phrasings: ReadonlyArray<ReadonlySet<string>>;
  readonly forms: readonly string[];
  /** Each phrasing's own weight (its terms' weights plus its form's). */
  readonly phrasingWeights: readonly number[];
  /** What the entry's own question asks for. */
  readonly answerType: AnswerType;
  /** The kinds of answer its answer and quotes hold (a date, a number…). */
  readonly fits: ReadonlySet<AnswerType>;
  /** The ordinals ("first", "last"…) its phrasings, answer and quotes use. */
  readonly ordinals: ReadonlySet<string>;
  /** The answer and each quote, apart: the best single one counts, so terms must meet in one place. */
  readonly content: ReadonlyArray<ReadonlySet<string>>;
  readonly answerVector: Float32Array | null;
  /** The articles its citations come from. */
  readonly sources: ReadonlySet<string>;
}

/** How many entries get the full (costlier) evidence after a cheap first look at all of them. */
const ENTRIES_CONSIDERED = 12;

/**
 * Ranks curated entries for a question on everything they hold: their question and variants
 * (lexical coverage, BM25, SIF vectors), and — at a lower weight — their answer and the
 * paragraphs they cite (BM25, vectors, the passage ranking). The fields are combined by the
 * ranking model of entry-model.ts, as scores, not ranks, so the confidence can read them.
 *
 *   new EntryRanker(entries, articles, weights, vectors, termsNoting, wordsOf)
 *     .rank(query, queryWeights, total, questionVector, passages, specificity)[0].entry.id
 */
export class EntryRanker {
  private readonly docs: readonly EntryDoc[];
  private readonly phrasingIndex: TermIndex;
  private readonly phrasingOwner: readonly number[];
  private readonly answerIndex: TermIndex;
  /** Every phrasing's SIF vector, row after row (zeros for a phrasing with no known word): one tight loop a question. */
  private readonly phrasingMatrix: Float32Array;

  constructor(
    curated: readonly FaqEntry[],
    articles: ReadonlyMap<string, Article>,
    private readonly weights: TermWeights,
    private readonly vectors: SentenceVectors | null,
    termsNoting: (text: string) => string[],
    wordsOf: (text: string) => string[],
    built: EntryDocs = runToEnd(entryDocs(curated, articles, vectors, termsNoting, wordsOf)),
  ) {
    const { phrasingDocs, owners, answerDocs, rows } = built;
    this.docs = built.docs;
    // Term weights need every FAQ word interned first, so phrasings are weighed once all are in.
    for (const doc of this.docs) {
      const list = doc.phrasingWeights as number[];
      doc.phrasings.forEach((set, p) => list.push([...set].reduce((sum, t) => sum + this.weights.weightOf(t), doc.forms[p] ? SCORING.formWeight : 0)));
    }
    this.phrasingIndex = new TermIndex(phrasingDocs);
    this.phrasingOwner = owners;
    this.answerIndex = new TermIndex(answerDocs);
    const d = this.vectors?.dimensions ?? 0;
    this.phrasingMatrix = new Float32Array(rows.length * d);
    rows.forEach((row, r) => row && this.phrasingMatrix.set(row, r * d));
  }

  /** The same build in steps, one entry each (see build-steps.ts). */
  static *build(
    curated: readonly FaqEntry[],
    articles: ReadonlyMap<string, Article>,
    weights: TermWeights,
    vectors: SentenceVectors | null,
    termsNoting: (text: string) => string[],
    wordsOf: (text: string) => string[],
  ): BuildSteps<EntryRanker> {
    return new EntryRanker(curated, articles, weights, vectors, termsNoting, wordsOf, yield* entryDocs(curated, articles, vectors, termsNoting, wordsOf));
  }

  /** Per entry, the best cosine of the question with one of its phrasings (0 without vectors). */
  private phrasingCosines(questionVector: Float32Array | null): Float64Array {
    const best = new Float64Array(this.docs.length);
    if (!questionVector) return best;
    const d = questionVector.length;
    const m = this.phrasingMatrix;
    for (let r = 0, at = 0; r < this.phrasingOwner.length; r++, at += d) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += m[at + i]! * questionVector[i]!;
      const owner = this.phrasingOwner[r]!;
      if (dot > best[owner]!) best[owner] = dot;
    }
    return best;
  }

  get size(): number {
    return this.docs.length;
  }

  /** The entries' texts a corpus's common SIF direction is learned from. */
  static sampleTexts(curated: readonly FaqEntry[]): string[] {
    return curated.flatMap((e) => [e.question, ...e.variants, e.answer]);
  }

  /**
   * The entries best first. `passages` are the passage ranker's candidates for the same question
   * (an entry whose article holds the best-matching paragraph is likelier right); `exclude` leaves
   * entries out, as if the FAQ did not have it (the corpus calibration in faq-index.ts).
   */
  rank(
    query: Query,
    weights: QueryWeights,
    total: number,
    questionVector: Float32Array | null,
    passages: readonly PassageCandidate[],
    specificity: number,
    exclude: ReadonlySet<number> = new Set(),
  ): CuratedCandidate[] {
    if (this.docs.length === 0 || query.terms.length === 0) return [];
    const terms = query.terms.map((t) => t.term);
    const phrasingShares = this.phrasingIndex.shares(terms);
    const bestPhrasingShare = new Float64Array(this.docs.length);
    phrasingShares.forEach((share, p) => {
      const owner = this.phrasingOwner[p]!;
      if (share > bestPhrasingShare[owner]!) bestPhrasingShare[owner] = share;
    });
    const answerShares = this.answerIndex.shares(terms);
    const phrasingVector = this.phrasingCosines(questionVector);
    // A cheap first look at every entry; the few best get the full evidence.
    const first: Array<{ i: number; look: number }> = [];
    for (let i = 0; i < this.docs.length; i++) {
      const look = Math.max(bestPhrasingShare[i]!, answerShares[i]!, phrasingVector[i]!);
      if (look <= 0 || exclude.has(i)) continue;
      if (first.length === ENTRIES_CONSIDERED && look <= first[first.length - 1]!.look) continue;
      let at = first.length;
      while (at > 0 && first[at - 1]!.look < look) at--;
      first.splice(at, 0, { i, look });
      if (first.length > ENTRIES_CONSIDERED) first.pop();
    }
    const asks = { notWhen: asksForOtherThanTime(query.normalized, query.answerType), ordinals: ordinalsOf(query.normalized) };
    const passageBy = new Map<string, number>();
    for (const p of passages) {
      const source = p.passage.article.source;
      passageBy.set(source, Math.max(passageBy.get(source) ?? 0, p.score * specificity));
    }
    return first
      .map(({ i }): CuratedCandidate => {
        const doc = this.docs[i]!;
        const features: EntryFeatures = {
          lexical: this.lexical(doc, query, weights, total),
          phrasingVector: phrasingVector[i]!,
          answerVector: Math.max(0, cosine(questionVector, doc.answerVector)),
          phrasingBm25: bestPhrasingShare[i]!,
          answerBm25: answerShares[i]!,
          passage: Math.max(0, ...[...doc.sources].map((s) => passageBy.get(s) ?? 0)),
          typeFits: typeFits(query, asks, doc) ? 1 : 0,
        };
        const logit = rankScore(features);
        return { kind: 'curated', entry: doc.entry, score: 1 / (1 + Math.exp(-logit)), logit, features };
      })
      .sort(byRank);
  }

  /**
   * The lexical evidence (scoring.ts): the better of phrasing similarity and answer/quote coverage,
   * the weaker breaking ties, less the cost of a question of another kind than the entry's.
   */
  private lexical(doc: EntryDoc, query: Query, weights: QueryWeights, total: number): number {
    let phrasing = 0;
    doc.phrasings.forEach((set, p) => {
      phrasing = Math.max(phrasing, phrasingSimilarity(query, weights, total, set, doc.forms[p]!, doc.phrasingWeights[p]!));
    });
    const content = SCORING.contentFactor * (Math.max(...doc.content.map((set) => matchedWeight(weights, set))) / total);
    // An entry written for another kind of question ("When did…" asked as "What did… do?") is
    // a worse fit than its words suggest; "When…?" answered with no date in the entry is a guess.
    const mismatch =
      (doc.answerType !== 'other' && doc.answerType !== query.answerType ? SCORING.typeMismatchPenalty : 0) +
      ((query.answerType === 'time' || query.answerType === 'number') && !doc.fits.has(query.answerType) ? SCORING.typeMissPenalty : 0);
    return Math.max(0, Math.min(1, Math.max(phrasing, content) + SCORING.tieBreakShare * Math.min(phrasing, content) - mismatch));
  }
}

/**
 * Whether two entries quote the same words (one's quote holds the other's): they answer alike, so
 * the second is no rival of the first — "When was the pledge?" is answered by the pledge's date
 * and by its reason, whose quote holds the same date.
 */
export function quotesAlike(a: FaqEntry, b: FaqEntry): boolean {
  return a.citations.some((x) => b.citations.some((y) => x.source === y.source && (x.quote.includes(y.quote) || y.quote.includes(x.quote))));
}

/**
 * Whether two entries cite one same paragraph: they answer from the same passage (the date of the
 * pledge, its terms and its reason are one paragraph of the article), as the corpus calibration
 * counts them (faq-index.ts).
 */
export function citeSameParagraph(a: FaqEntry, b: FaqEntry): boolean {
  return a.citations.some((x) => b.citations.some((y) => x.source === y.source && x.paragraph === y.paragraph));
}

/**
 * The best candidate after `from` that is a real alternative to `candidates[0]`: it says something
 * else (see quotesAlike), and it could be the answer — an entry with no date is no rival to one
 * with the date for "…and when was that?".
 */
export function rivalAfter<T extends { readonly entry: FaqEntry; readonly features: { readonly typeFits: number } }>(candidates: readonly T[], from = 1): T | undefined {
  const best = candidates[0];
  if (!best) return undefined;
  const others = candidates.slice(from).filter((c) => !quotesAlike(best.entry, c.entry));
  // With no other entry able to answer, the best different one is still the rival (its ranking
  // score carries the type penalty): an entry is never "far ahead" only because nothing else fits.
  return others.find((c) => c.features.typeFits > 0 || best.features.typeFits === 0) ?? others[0];
}

/**
 * Whether an entry can give the kind of answer the question asks for. Not when the question wants
 * a date or number and the entry holds none and was written to answer another kind ("When was
 * Microsoft founded?" against "Who founded OpenStack?"); nor when the entry's own question asks
 * "when" and this one asks what, why or who ("What did the 2008 pledge do?"); nor when the entry
 * speaks of the first of a sequence and the question asks about the second (answer-type.ts).
 */
function typeFits(query: Query, asks: { readonly notWhen: boolean; readonly ordinals: ReadonlySet<string> }, doc: EntryDoc): boolean {
  const wantsValue = query.answerType === 'time' || query.answerType === 'number';
  if (wantsValue && !doc.fits.has(query.answerType) && doc.answerType !== query.answerType) return false;
  if (asks.notWhen && doc.answerType === 'time') return false;
  return !ordinalsConflict(asks.ordinals, doc.ordinals);
}

/** The sentences of a cited paragraph, each apart. */
function sentencesOf(article: Article | undefined, number: number): string[] {
  const paragraph = article?.paragraphs.find((p) => p.number === number);
  return article && paragraph ? paragraph.sentences.map((s) => article.text.slice(s.start, s.end)) : [];
}

/** Each entry's EntryDoc and its rows of the phrasing and answer indexes, in entry order. */
export interface EntryDocs {
  readonly docs: readonly EntryDoc[];
  readonly phrasingDocs: readonly string[][];
  readonly owners: readonly number[];
  readonly answerDocs: readonly string[][];
  readonly rows: ReadonlyArray<Float32Array | null>;
}

function* entryDocs(
  curated: readonly FaqEntry[],
  articles: ReadonlyMap<string, Article>,
  vectors: SentenceVectors | null,
  termsNoting: (text: string) => string[],
  wordsOf: (text: string) => string[],
): BuildSteps<EntryDocs> {
  const phrasingDocs: string[][] = [];
  const owners: number[] = [];
  const answerDocs: string[][] = [];
  const embed = (text: string): Float32Array | null => vectors?.embed(wordsOf(text)) ?? null;
  const rows: Array<Float32Array | null> = [];
  const docs: EntryDoc[] = [];
  for (const [i, entry] of curated.entries()) {
    const texts = [entry.question, ...entry.variants];
    const phrasings = texts.map((text) => new Set(termsNoting(text)));
    const forms = texts.map((text) => questionForm(normalizeText(text)));
    for (const set of phrasings) {
      phrasingDocs.push([...set]);
      owners.push(i);
    }
    for (const text of texts) rows.push(embed(text));
    const said = [entry.answer, ...entry.citations.map((c) => c.quote)];
    const cited = entry.citations.map((c) => paragraphText(articles.get(c.source), c.paragraph));
    answerDocs.push(termsNoting([...said, ...cited].join('\n')));
    docs.push({
      entry,
      phrasings,
      forms,
      phrasingWeights: [],
      content: [...said, ...entry.citations.flatMap((c) => sentencesOf(articles.get(c.source), c.paragraph))].map((text) => new Set(termsNoting(text))),
      answerType: answerTypeOf(normalizeText(entry.question)),
      fits: new Set((['time', 'number'] as const).filter((type) => sentenceFits(said.join(' '), type))),
      ordinals: ordinalsOf(normalizeText([...texts, ...said].join(' '))),
      answerVector: embed([...said, ...cited].join('\n')),
      sources: new Set(entry.citations.map((c) => c.source)),
    });
    yield;
  }
  return { docs, phrasingDocs, owners, answerDocs, rows };
}

function paragraphText(article: Article | undefined, number: number): string {
  const paragraph = article?.paragraphs.find((p) => p.number === number);
  return article && paragraph ? article.text.slice(paragraph.start, paragraph.end) : '';
}
