import type { GeneratedKey } from '../faq/generate-keys.ts';
import { sentenceFits, type AnswerType } from './answer-type.ts';
import { bestPerGroup, groupsById, pairKey, pairKeys, phrasingSimilarity, sumOf, type GroupsById, type QueryWeights } from './coverage.ts';
import type { PassageDoc, PassageIndex } from './passage-index.ts';
import { questionForm, type Query } from './query.ts';
import { SCORING } from './scoring.ts';
import { TermIndex } from './term-index.ts';
import type { TermVocabulary } from './term-vocabulary.ts';
import type { TermWeights } from './term-weights.ts';
import { normalizeText } from './normalize.ts';

export interface PassageCandidate {
  readonly kind: 'passage';
  readonly passage: PassageDoc;
  readonly score: number;
  /**
   * Sentences (indexes into the paragraph) of the best-matching window, and `focus`, the one
   * sentence in it that matches best: the short answer.
   */
  readonly window: { readonly first: number; readonly last: number; readonly focus: number };
  /** The short answer of the generated question that matched, if one did. */
  readonly keyAnswer?: string;
  /** False when the question wants a date or number and the window (± a sentence) holds none. */
  readonly typeFits: boolean;
}

/** A generated question's phrasing, pointing at the passage sentence that answers it. */
interface KeyOwner {
  readonly doc: number;
  readonly sentence: number;
  readonly form: string;
  readonly weight: number;
  readonly terms: ReadonlySet<string>;
  readonly answer: string | undefined;
}

/** How many paragraphs BM25 hands on to be scored sentence by sentence. */
const PASSAGES_CONSIDERED = 8;
/** How many generated question keys are scored per question. */
const KEYS_CONSIDERED = 8;

/**
 * Ranks paragraphs for a question: BM25 finds the few best, then each is scored by how much of the
 * question its best one- or two-sentence window explains (scoring.ts), with the generated question
 * keys of uncurated paragraphs ("Who is Ted MacLean?") as a second way in.
 */
export class PassageRanker {
  private readonly keyIndex: TermIndex;
  private readonly keyOwners: readonly KeyOwner[];

  constructor(
    readonly passages: readonly PassageDoc[],
    private readonly index: PassageIndex,
    private readonly terms: TermVocabulary,
    private readonly weights: TermWeights,
    keys: readonly GeneratedKey[],
    termsNoting: (text: string) => string[],
  ) {
    const passageAt = new Map(passages.map((p, i) => [`${p.article.source}#${p.paragraph.number}`, i]));
    const keyDocs: string[][] = [];
    const owners: Array<Omit<KeyOwner, 'weight'>> = [];
    for (const key of keys) {
      const doc = passageAt.get(`${key.source}#${key.paragraph}`);
      if (doc === undefined) continue;
      for (const text of [key.question, ...key.variants]) {
        const set = new Set(termsNoting(text));
        keyDocs.push([...set]);
        owners.push({ doc, sentence: key.sentence, form: questionForm(normalizeText(text)), terms: set, answer: key.answer });
      }
    }
    this.keyIndex = new TermIndex(keyDocs);
    this.keyOwners = owners.map((o) => ({ ...o, weight: this.phrasingWeight(o.terms, o.form) }));
  }

  /** A phrasing's own weight: its terms' weights plus its question form's. */
  private phrasingWeight(terms: ReadonlySet<string>, form: string): number {
    let weight = form ? SCORING.formWeight : 0;
    for (const t of terms) weight += this.weights.weightOf(t);
    return weight;
  }

  rank(query: Query, weights: QueryWeights, total: number): PassageCandidate[] {
    const expanded = query.terms.flatMap((t) => [
      { id: this.terms.idOfTerm(t.term), weight: t.weight },
      ...this.weights.synonymsOf(t.term).map((term) => ({ id: this.terms.idOfTerm(term), weight: t.weight * SCORING.synonymWeight })),
    ]);
    const hits = this.index.search(expanded, PASSAGES_CONSIDERED);
    const keyed = this.rankKeys(query, weights, total);
    for (const doc of keyed.keys()) if (!hits.some((h) => h.doc === doc)) hits.push({ doc, score: 0 });
    const top = hits[0]?.score ?? 1;
    const byId = groupsById(weights);
    const queryPairs = pairKeys(query.terms.map((t) => this.terms.idOfTerm(t.term)));
    // Pairs with a word the corpus lacks can never be found, but still count as not found.
    const pairTotal = query.terms.length - 1;
    return hits.map((hit) => {
      const window = this.bestWindow(hit.doc, byId, weights.length);
      const paragraph = sumOf(bestPerGroup(this.index.paragraphTerms(hit.doc), byId, weights.length));
      let coverage = (SCORING.windowShare * window.matched + (1 - SCORING.windowShare) * paragraph) / total;
      if (pairTotal > 0) coverage = (1 - SCORING.phraseShare) * coverage + SCORING.phraseShare * (this.pairsFound(hit.doc, window, queryPairs) / pairTotal);
      const rank = hit.score / top;
      const miss = this.typeMiss(hit.doc, window, query.answerType);
      const score = coverage * (1 - SCORING.rankShare + SCORING.rankShare * rank) - miss;
      const key = keyed.get(hit.doc);
      // A generated question that matches better than the words did, or matches almost exactly,
      // answers from its own sentence (with its built short answer); the score stays the better one.
      if (key && (key.score > score || key.score >= SCORING.keyFactor * SCORING.keyAdoptAt)) {
        const keyWindow = { first: key.sentence, last: key.sentence, focus: key.sentence };
        const typeFits = this.typeMiss(hit.doc, keyWindow, query.answerType) === 0;
        return { kind: 'passage', passage: this.passages[hit.doc]!, window: keyWindow, score: Math.max(score, key.score), typeFits, ...(key.answer ? { keyAnswer: key.answer } : {}) };
      }
      return { kind: 'passage', passage: this.passages[hit.doc]!, window: { first: window.first, last: window.last, focus: window.focus }, score, typeFits: miss === 0 };
    });
  }

  /** How many of the question's adjacent word pairs stand adjacent in the window. */
  private pairsFound(doc: number, window: { first: number; last: number }, queryPairs: ReadonlySet<number>): number {
    let found = 0;
    const seen = new Set<number>();
    for (let s = window.first; s <= window.last; s++) {
      const ids = this.index.sentenceTerms(doc, s);
      for (let i = 0; i + 1 < ids.length; i++) {
        const key = pairKey(ids[i]!, ids[i + 1]!);
        if (queryPairs.has(key) && !seen.has(key)) {
          seen.add(key);
          found++;
        }
      }
    }
    return found;
  }

  /** A penalty when the question wants a date or a number and the window (± a sentence) has none. */
  private typeMiss(doc: number, window: { first: number; last: number }, type: AnswerType): number {
    if (type !== 'time' && type !== 'number') return 0;
    const { article, paragraph } = this.passages[doc]!;
    const from = paragraph.sentences[Math.max(0, window.first - 1)]!;
    const to = paragraph.sentences[Math.min(paragraph.sentences.length - 1, window.last + 1)]!;
    return sentenceFits(article.text.slice(from.start, to.end), type) ? 0 : SCORING.passageTypeMissPenalty;
  }

  /** The best generated-key match per passage: its score and the sentence it points at. */
  private rankKeys(query: Query, weights: QueryWeights, total: number): Map<number, { score: number; sentence: number; answer: string | undefined }> {
    const best = new Map<number, { score: number; sentence: number; answer: string | undefined }>();
    if (this.keyOwners.length === 0) return best;
    for (const hit of this.keyIndex.search(query.terms.map((t) => t.term), KEYS_CONSIDERED)) {
      const owner = this.keyOwners[hit.doc]!;
      const score = SCORING.keyFactor * phrasingSimilarity(query, weights, total, owner.terms, owner.form, owner.weight);
      if (score > (best.get(owner.doc)?.score ?? 0)) best.set(owner.doc, { score, sentence: owner.sentence, answer: owner.answer });
    }
    return best;
  }

  /** The one- or two-sentence window of a paragraph that covers the most query weight. */
  private bestWindow(doc: number, byId: GroupsById, groups: number): { first: number; last: number; focus: number; matched: number } {
    const count = this.index.sentenceCount(doc);
    const perSentence: Float64Array[] = [];
    for (let i = 0; i < count; i++) perSentence.push(bestPerGroup(this.index.sentenceTerms(doc, i), byId, groups));
    let best = { first: 0, last: 0, focus: 0, matched: -1 };
    const singles = perSentence.map(sumOf);
    for (let i = 0; i < count; i++) {
      const single = singles[i]!;
      if (single > best.matched) best = { first: i, last: i, focus: i, matched: single };
      if (i + 1 < count) {
        let pair = 0;
        for (let g = 0; g < groups; g++) pair += Math.max(perSentence[i]![g]!, perSentence[i + 1]![g]!);
        pair *= SCORING.pairDiscount;
        if (pair > best.matched) best = { first: i, last: i + 1, focus: singles[i + 1]! > single ? i + 1 : i, matched: pair };
      }
    }
    return best;
  }
}
