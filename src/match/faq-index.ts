import type { Article } from '../corpus/types.ts';
import type { GeneratedKey } from '../faq/generate-keys.ts';
import type { FaqEntry } from '../faq/types.ts';
import { normalizeText, scanWords } from './normalize.ts';
import { PassageIndex, type PassageDoc } from './passage-index.ts';
import { TermVocabulary } from './term-vocabulary.ts';
import { prepareQuery, questionForm, type Query, type Vocabulary } from './query.ts';
import { BUILT_IN_SYNONYMS, synonymTable } from './synonyms.ts';
import { TermIndex } from './term-index.ts';
import { TypoCorrector } from './typo-corrector.ts';
import { SCORING } from './scoring.ts';
import { bestPerGroup, groupsById, matchedWeight, pairKey, pairKeys, phrasingSimilarity, sum, sumOf, type GroupsById, type QueryWeights } from './coverage.ts';
import { answerTypeOf, sentenceFits, type AnswerType } from './answer-type.ts';

export type { PassageDoc };

export interface CuratedCandidate {
  readonly kind: 'curated';
  readonly entry: FaqEntry;
  readonly score: number;
}

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
}

export type Candidate = CuratedCandidate | PassageCandidate;

export interface Ranking {
  readonly query: Query;
  /**
   * How much the question says, in (0, 1]: its terms' total weight against a few words the corpus
   * has never seen. "What is the meaning of life?" (two common words) is fully covered by many a
   * sentence; that says little, so a passage answer to it needs a better match.
   */
  readonly specificity: number;
  /** Best first; scores are calibrated coverages in [0, 1] (see scoring.ts). */
  readonly candidates: readonly Candidate[];
}

interface EntryDoc {
  readonly entry: FaqEntry;
  readonly phrasings: ReadonlyArray<ReadonlySet<string>>;
  readonly forms: readonly string[];
  /** Each phrasing's own weight (its terms' weights plus its form's), fixed once the index is built. */
  readonly phrasingWeights: number[];
  /** What the entry's own question asks for. */
  readonly answerType: AnswerType;
  /** The kinds of answer its answer and quotes hold (a date, a number…). */
  readonly fits: ReadonlySet<AnswerType>;
  /** The answer and each quote, apart: the best single one counts, so terms must meet in one place. */
  readonly content: ReadonlyArray<ReadonlySet<string>>;
}

const MAX_DERIVED = 4;
const PASSAGES_CONSIDERED = 8;
const KEYS_CONSIDERED = 8;
const ENTRIES_CONSIDERED = 12;

/**
 * The search index over one corpus, built once at start: BM25 over paragraphs (article title
 * included, so questions naming the topic find its article), BM25 over the curated entries'
 * phrasings and over their answers and quotes, and the vocabulary for typo correction.
 * `rank` scores the few best of each by how much of the question they cover (scoring.ts).
 */
export class FaqIndex {
  readonly passages: readonly PassageDoc[];
  private readonly passageIndex: PassageIndex;
  private readonly terms = new TermVocabulary();
  private readonly entries: readonly EntryDoc[];
  private readonly phrasingIndex: TermIndex;
  private readonly phrasingOwner: readonly number[];
  private readonly contentIndex: TermIndex;
  private readonly keyIndex: TermIndex;
  private readonly keyOwners: ReadonlyArray<KeyOwner>;
  private readonly vocabulary: Vocabulary;
  private readonly sortedTerms: readonly string[];
  private readonly synonyms: ReadonlyMap<string, readonly string[]>;

  constructor(
    articles: readonly Article[],
    curated: readonly FaqEntry[],
    options: { synonyms?: ReadonlyArray<readonly string[]>; keys?: readonly GeneratedKey[] } = {},
  ) {
    this.synonyms = synonymTable([...BUILT_IN_SYNONYMS, ...(options.synonyms ?? [])]);
    const passages: PassageDoc[] = [];
    for (const article of articles) for (const paragraph of article.paragraphs) passages.push({ article, paragraph });
    this.passages = passages;
    this.passageIndex = new PassageIndex(passages, this.terms);

    // FAQ words join the vocabulary (typos are corrected towards them too) but not the passages.
    const termsNoting = (text: string): string[] => {
      const found: string[] = [];
      scanWords(normalizeText(text), (word) => found.push(this.terms.terms[this.terms.idOfWord(word)]!));
      return found;
    };
    const phrasingDocs: string[][] = [];
    const owners: number[] = [];
    this.entries = curated.map((entry, i) => {
      const texts = [entry.question, ...entry.variants];
      const phrasings = texts.map((text) => new Set(termsNoting(text)));
      const forms = texts.map((text) => questionForm(normalizeText(text)));
      for (const set of phrasings) {
        phrasingDocs.push([...set]);
        owners.push(i);
      }
      const content = [entry.answer, ...entry.citations.map((c) => c.quote)].map((text) => new Set(termsNoting(text)));
      const said = [entry.answer, ...entry.citations.map((c) => c.quote)].join(' ');
      const fits = new Set((['time', 'number'] as const).filter((type) => sentenceFits(said, type)));
      return { entry, phrasings, forms, phrasingWeights: [], content, answerType: answerTypeOf(normalizeText(entry.question)), fits };
    });
    // Term weights need the passage statistics, so phrasings are weighed once everything is in.
    for (const doc of this.entries) {
      doc.phrasings.forEach((set, p) => doc.phrasingWeights.push(sum([...set].map((t) => this.weightOf(t))) + (doc.forms[p] ? SCORING.formWeight : 0)));
    }
    this.phrasingIndex = new TermIndex(phrasingDocs);
    this.phrasingOwner = owners;

    // Generated question keys: phrasings that point at one sentence of a passage.
    const passageAt = new Map(passages.map((p, i) => [`${p.article.source}#${p.paragraph.number}`, i]));
    const keyDocs: string[][] = [];
    const keyOwners: KeyOwner[] = [];
    for (const key of options.keys ?? []) {
      const doc = passageAt.get(`${key.source}#${key.paragraph}`);
      if (doc === undefined) continue;
      for (const text of [key.question, ...key.variants]) {
        const terms = new Set(termsNoting(text));
        keyDocs.push([...terms]);
        keyOwners.push({ doc, sentence: key.sentence, form: questionForm(normalizeText(text)), weight: 0, terms, answer: key.answer });
      }
    }
    this.keyIndex = new TermIndex(keyDocs);
    this.keyOwners = keyOwners;
    for (const owner of keyOwners) owner.weight = sum([...owner.terms].map((t) => this.weightOf(t))) + (owner.form ? SCORING.formWeight : 0);

    this.contentIndex = new TermIndex(this.entries.map((e) => e.content.flatMap((set) => [...set])));

    this.vocabulary = {
      hasTerm: (term) => this.terms.has(term),
      hasSynonym: (term) => (this.synonyms.get(term) ?? []).some((other) => this.terms.has(other)),
      corrector: new TypoCorrector(this.terms.words()),
    };
    this.sortedTerms = [...this.terms.terms].sort();
  }

  /** Ranks curated entries and passages for a question; never throws. */
  rank(question: string): Ranking {
    const query = prepareQuery(question, this.vocabulary);
    if (query.terms.length === 0) return { query, specificity: 0, candidates: [] };
    // A typo-corrected word counts less when matched, but its full weight stays in the total.
    const weights: QueryWeights = query.terms.map((t) => {
      const weight = t.weight * this.weightOf(t.term);
      // Derived forms the stemmer keeps apart ("partner" / "partnership") match at a discount.
      const id = (term: string): number => this.terms.idOfTerm(term);
      const derived = this.longerForms(t.term).map((term) => ({ term, id: id(term), weight: SCORING.derivedFormWeight * weight }));
      const synonyms = this.synonymsOf(t.term).map((term) => ({ term, id: id(term), weight: SCORING.synonymWeight * weight }));
      return [{ term: t.term, id: id(t.term), weight }, ...derived, ...synonyms];
    });
    const total = sum(query.terms.map((t) => this.weightOf(t.term)));
    const candidates: Candidate[] = [...this.rankEntries(query, weights, total), ...this.rankPassages(query, weights, total)];
    candidates.sort((a, b) => b.score - a.score);
    const specificity = 1 - SCORING.specificityShare + SCORING.specificityShare * Math.min(1, total / (SCORING.specificityScale * this.maxIdf));
    return { query, specificity, candidates };
  }

  /** Corpus idf of a term (paragraph frequency); unseen terms get the largest value. */
  idf(term: string): number {
    return this.passageIndex.idf(this.terms.idOfTerm(term));
  }

  /** The idf of a word the corpus has never seen: the most a single term can say. */
  private get maxIdf(): number {
    return this.passageIndex.idf(-1);
  }

  /**
   * How much a term says: its corpus idf, but never less than a share of the largest. A word on
   * every page ("Microsoft" here) still names what the question is about: "When was Microsoft
   * founded?" must not be matched by "Who founded OpenStack?" as if "Microsoft" were noise.
   */
  private weightOf(term: string): number {
    return Math.max(this.idf(term), SCORING.idfFloor * this.maxIdf);
  }

  /** The synonyms of a term that the corpus uses. */
  private synonymsOf(term: string): string[] {
    return (this.synonyms.get(term) ?? []).filter((other) => this.vocabulary.hasTerm(other));
  }

  /** Vocabulary terms that extend `term` by a suffix (a few at most), for terms of 5+ letters. */
  private longerForms(term: string): string[] {
    if (term.length < 5 || !/^[a-z]+$/.test(term)) return [];
    const forms: string[] = [];
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTerms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sortedTerms.length && forms.length < MAX_DERIVED; i++) {
      const candidate = this.sortedTerms[i]!;
      if (!candidate.startsWith(term)) break;
      if (candidate !== term && candidate.length - term.length <= 5 && /^[a-z]+$/.test(candidate)) forms.push(candidate);
    }
    return forms;
  }

  private rankEntries(query: Query, weights: QueryWeights, total: number): CuratedCandidate[] {
    if (this.entries.length === 0) return [];
    const terms = query.terms.map((t) => t.term);
    const picked = new Set<number>();
    for (const hit of this.phrasingIndex.search(terms, ENTRIES_CONSIDERED * 2)) picked.add(this.phrasingOwner[hit.doc]!);
    for (const hit of this.contentIndex.search(terms, ENTRIES_CONSIDERED)) picked.add(hit.doc);
    return [...picked].map((i) => {
      const doc = this.entries[i]!;
      let phrasing = 0;
      doc.phrasings.forEach((set, p) => {
        phrasing = Math.max(phrasing, phrasingSimilarity(query, weights, total, set, doc.forms[p]!, doc.phrasingWeights[p]!));
      });
      const content = SCORING.contentFactor * (Math.max(...doc.content.map((set) => matchedWeight(weights, set))) / total);
      // The stronger signal decides; the weaker breaks ties between entries that share it.
      // An entry written for another kind of question ("When did…" asked as "What did… do?") is
      // a worse fit than its words suggest.
      const mismatch =
        (doc.answerType !== 'other' && doc.answerType !== query.answerType ? SCORING.typeMismatchPenalty : 0) +
        // "When…?" or "How many…?" answered by an entry with no date or number in it is a guess.
        ((query.answerType === 'time' || query.answerType === 'number') && !doc.fits.has(query.answerType) ? SCORING.typeMissPenalty : 0);
      const score = Math.max(0, Math.min(1, Math.max(phrasing, content) + SCORING.tieBreakShare * Math.min(phrasing, content) - mismatch));
      return { kind: 'curated', entry: doc.entry, score };
    });
  }

  private rankPassages(query: Query, weights: QueryWeights, total: number): PassageCandidate[] {
    const expanded = query.terms.flatMap((t) => [
      { id: this.terms.idOfTerm(t.term), weight: t.weight },
      ...this.synonymsOf(t.term).map((term) => ({ id: this.terms.idOfTerm(term), weight: t.weight * SCORING.synonymWeight })),
    ]);
    const hits = this.passageIndex.search(expanded, PASSAGES_CONSIDERED);
    const keyed = this.rankKeys(query, weights, total);
    for (const doc of keyed.keys()) if (!hits.some((h) => h.doc === doc)) hits.push({ doc, score: 0 });
    const top = hits[0]?.score ?? 1;
    const byId = groupsById(weights);
    const queryPairs = pairKeys(query.terms.map((t) => this.terms.idOfTerm(t.term)));
    // Pairs with a word the corpus lacks can never be found, but still count as not found.
    const pairTotal = query.terms.length - 1;
    return hits.map((hit) => {
      const window = this.bestWindow(hit.doc, byId, weights.length);
      const paragraph = sumOf(bestPerGroup(this.passageIndex.paragraphTerms(hit.doc), byId, weights.length));
      let coverage = (SCORING.windowShare * window.matched + (1 - SCORING.windowShare) * paragraph) / total;
      if (pairTotal > 0) {
        let found = 0;
        const seen = new Set<number>();
        for (let s = window.first; s <= window.last; s++) {
          const ids = this.passageIndex.sentenceTerms(hit.doc, s);
          for (let i = 0; i + 1 < ids.length; i++) {
            const key = pairKey(ids[i]!, ids[i + 1]!);
            if (queryPairs.has(key) && !seen.has(key)) {
              seen.add(key);
              found++;
            }
          }
        }
        coverage = (1 - SCORING.phraseShare) * coverage + SCORING.phraseShare * (found / pairTotal);
      }
      const rank = hit.score / top;
      const score = coverage * (1 - SCORING.rankShare + SCORING.rankShare * rank) - this.typeMiss(hit.doc, window, query.answerType);
      const key = keyed.get(hit.doc);
      // A generated question that matches better than the words did, or matches almost exactly,
      // answers from its own sentence (with its built short answer); the score stays the better one.
      if (key && (key.score > score || key.score >= SCORING.keyFactor * SCORING.keyAdoptAt)) {
        const window = { first: key.sentence, last: key.sentence, focus: key.sentence };
        return { kind: 'passage', passage: this.passages[hit.doc]!, window, score: Math.max(score, key.score), ...(key.answer ? { keyAnswer: key.answer } : {}) };
      }
      return {
        kind: 'passage',
        passage: this.passages[hit.doc]!,
        window: { first: window.first, last: window.last, focus: window.focus },
        score,
      };
    });
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
    const count = this.passageIndex.sentenceCount(doc);
    const perSentence: Float64Array[] = [];
    for (let i = 0; i < count; i++) perSentence.push(bestPerGroup(this.passageIndex.sentenceTerms(doc, i), byId, groups));
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

/** A generated question's phrasing, pointing at the passage sentence that answers it. */
interface KeyOwner {
  readonly doc: number;
  readonly sentence: number;
  readonly form: string;
  weight: number;
  readonly terms: ReadonlySet<string>;
  readonly answer: string | undefined;
}
