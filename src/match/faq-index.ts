import type { Article, Paragraph } from '../corpus/types.ts';
import type { FaqEntry } from '../faq/types.ts';
import { tokenize, normalizeText } from './normalize.ts';
import { prepareQuery, questionForm, type Query, type Vocabulary } from './query.ts';
import { BUILT_IN_SYNONYMS, synonymTable } from './synonyms.ts';
import { TermIndex } from './term-index.ts';
import { TypoCorrector } from './typo-corrector.ts';
import { SCORING } from './scoring.ts';
import { answerTypeOf, type AnswerType } from './answer-type.ts';

/** A paragraph of the corpus with its sentences' terms, ready for window scoring. */
export interface PassageDoc {
  readonly article: Article;
  readonly paragraph: Paragraph;
  readonly sentenceTerms: ReadonlyArray<ReadonlySet<string>>;
  /** Adjacent content-term pairs of each sentence ("nebula platform"), for phrase matching. */
  readonly sentencePairs: ReadonlyArray<ReadonlySet<string>>;
  readonly terms: ReadonlySet<string>;
}

export interface CuratedCandidate {
  readonly kind: 'curated';
  readonly entry: FaqEntry;
  readonly score: number;
}

export interface PassageCandidate {
  readonly kind: 'passage';
  readonly passage: PassageDoc;
  readonly score: number;
  /** Sentences (indexes into the paragraph) of the best-matching window. */
  readonly window: { readonly first: number; readonly last: number };
}

export type Candidate = CuratedCandidate | PassageCandidate;

export interface Ranking {
  readonly query: Query;
  /** Best first; scores are calibrated coverages in [0, 1] (see scoring.ts). */
  readonly candidates: readonly Candidate[];
}

interface EntryDoc {
  readonly entry: FaqEntry;
  readonly phrasings: ReadonlyArray<ReadonlySet<string>>;
  readonly forms: readonly string[];
  /** What the entry's own question asks for. */
  readonly answerType: AnswerType;
  /** The answer and each quote, apart: the best single one counts, so terms must meet in one place. */
  readonly content: ReadonlyArray<ReadonlySet<string>>;
}

/** Per query term: the term and its weight first, then derived forms at a discount. */
type QueryWeights = ReadonlyArray<ReadonlyArray<{ readonly term: string; readonly weight: number }>>;

const MAX_DERIVED = 4;
const PASSAGES_CONSIDERED = 8;
const ENTRIES_CONSIDERED = 12;

/**
 * The search index over one corpus, built once at start: BM25 over paragraphs (article title
 * included, so questions naming the topic find its article), BM25 over the curated entries'
 * phrasings and over their answers and quotes, and the vocabulary for typo correction.
 * `rank` scores the few best of each by how much of the question they cover (scoring.ts).
 */
export class FaqIndex {
  readonly passages: readonly PassageDoc[];
  private readonly passageIndex: TermIndex;
  private readonly entries: readonly EntryDoc[];
  private readonly phrasingIndex: TermIndex;
  private readonly phrasingOwner: readonly number[];
  private readonly contentIndex: TermIndex;
  private readonly vocabulary: Vocabulary;
  private readonly sortedTerms: readonly string[];
  private readonly bodyDf: Map<string, number>;
  private readonly synonyms: ReadonlyMap<string, readonly string[]>;

  constructor(articles: readonly Article[], curated: readonly FaqEntry[], options: { synonyms?: ReadonlyArray<readonly string[]> } = {}) {
    this.synonyms = synonymTable([...BUILT_IN_SYNONYMS, ...(options.synonyms ?? [])]);
    const words = new Map<string, string>();
    const termsNoting = (text: string): string[] =>
      tokenize(normalizeText(text)).map((token) => {
        words.set(token.word, token.term);
        return token.term;
      });

    const passages: PassageDoc[] = [];
    const passageTerms: string[][] = [];
    for (const article of articles) {
      const titleTerms = termsNoting(article.title);
      for (const paragraph of article.paragraphs) {
        const sentenceLists = paragraph.sentences.map((s) => termsNoting(article.text.slice(s.start, s.end)));
        const sentenceTerms = sentenceLists.map((list) => new Set(list));
        const sentencePairs = sentenceLists.map((list) => new Set(adjacentPairs(list)));
        const all = sentenceTerms.flatMap((set) => [...set]);
        passages.push({ article, paragraph, sentenceTerms, sentencePairs, terms: new Set(all) });
        passageTerms.push([...all, ...titleTerms]);
      }
    }
    this.passages = passages;
    this.passageIndex = new TermIndex(passageTerms);
    // Coverage weighs terms by how rare they are in the text itself: counting the title once per
    // paragraph would make a title word ("Hyper-V") look as common as "the".
    this.bodyDf = new Map();
    for (const passage of passages) for (const term of passage.terms) this.bodyDf.set(term, (this.bodyDf.get(term) ?? 0) + 1);

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
      return { entry, phrasings, forms, content, answerType: answerTypeOf(normalizeText(entry.question)) };
    });
    this.phrasingIndex = new TermIndex(phrasingDocs);
    this.phrasingOwner = owners;
    this.contentIndex = new TermIndex(this.entries.map((e) => e.content.flatMap((set) => [...set])));

    const known = new Set(words.values());
    this.vocabulary = {
      hasTerm: (term) => known.has(term),
      hasSynonym: (term) => (this.synonyms.get(term) ?? []).some((other) => known.has(other)),
      corrector: new TypoCorrector(words.keys()),
    };
    this.sortedTerms = [...known].sort();
  }

  /** Ranks curated entries and passages for a question; never throws. */
  rank(question: string): Ranking {
    const query = prepareQuery(question, this.vocabulary);
    if (query.terms.length === 0) return { query, candidates: [] };
    // A typo-corrected word counts less when matched, but its full weight stays in the total.
    const weights: QueryWeights = query.terms.map((t) => {
      const weight = t.weight * this.weightOf(t.term);
      // Derived forms the stemmer keeps apart ("partner" / "partnership") match at a discount.
      const derived = this.longerForms(t.term).map((term) => ({ term, weight: SCORING.derivedFormWeight * weight }));
      const synonyms = this.synonymsOf(t.term).map((term) => ({ term, weight: SCORING.synonymWeight * weight }));
      return [{ term: t.term, weight }, ...derived, ...synonyms];
    });
    const total = sum(query.terms.map((t) => this.weightOf(t.term)));
    const candidates: Candidate[] = [...this.rankEntries(query, weights, total), ...this.rankPassages(query, weights, total)];
    candidates.sort((a, b) => b.score - a.score);
    return { query, candidates };
  }

  /** Corpus idf of a term (paragraph frequency); unseen terms get the largest value. */
  idf(term: string): number {
    const df = this.bodyDf.get(term) ?? 0;
    const n = this.passages.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** How much a term says: its idf, sharpened so rare words count for more than their idf alone. */
  private weightOf(term: string): number {
    return this.idf(term) ** SCORING.idfPower;
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
      const form = query.form ? SCORING.formWeight : 0;
      doc.phrasings.forEach((set, p) => {
        const ownForm = doc.forms[p] ? SCORING.formWeight : 0;
        const matched = matchedWeight(weights, set) + (query.form && query.form === doc.forms[p] ? SCORING.formWeight : 0);
        const own = sum([...set].map((t) => this.weightOf(t))) + ownForm;
        // Mostly "how much of the question does this phrasing explain", partly the reverse, so
        // a phrasing's extra words cost less than the question's unexplained ones.
        const similarity = SCORING.questionSide * (matched / (total + form)) + (1 - SCORING.questionSide) * (own > 0 ? Math.min(1, matched / own) : 0);
        phrasing = Math.max(phrasing, similarity);
      });
      const content = SCORING.contentFactor * (Math.max(...doc.content.map((set) => matchedWeight(weights, set))) / total);
      // The stronger signal decides; the weaker breaks ties between entries that share it.
      // An entry written for another kind of question ("When did…" asked as "What did… do?") is
      // a worse fit than its words suggest.
      const mismatch = doc.answerType !== 'other' && doc.answerType !== query.answerType ? SCORING.typeMismatchPenalty : 0;
      const score = Math.max(0, Math.min(1, Math.max(phrasing, content) + SCORING.tieBreakShare * Math.min(phrasing, content) - mismatch));
      return { kind: 'curated', entry: doc.entry, score };
    });
  }

  private rankPassages(query: Query, weights: QueryWeights, total: number): PassageCandidate[] {
    const expanded = query.terms.flatMap((t) => [
      { term: t.term, weight: t.weight },
      ...this.synonymsOf(t.term).map((term) => ({ term, weight: t.weight * SCORING.synonymWeight })),
    ]);
    const hits = this.passageIndex.search(
      expanded.map((t) => t.term),
      PASSAGES_CONSIDERED,
      expanded.map((t) => t.weight),
    );
    const top = hits[0]?.score ?? 1;
    const queryPairs = adjacentPairs(query.terms.map((t) => t.term));
    return hits.map((hit) => {
      const passage = this.passages[hit.doc]!;
      const window = bestWindow(passage, weights);
      let coverage = (SCORING.windowShare * window.matched + (1 - SCORING.windowShare) * matchedWeight(weights, passage.terms)) / total;
      if (queryPairs.length > 0) {
        let found = 0;
        for (const pair of queryPairs) {
          for (let i = window.first; i <= window.last; i++) {
            if (passage.sentencePairs[i]!.has(pair)) {
              found++;
              break;
            }
          }
        }
        coverage = (1 - SCORING.phraseShare) * coverage + SCORING.phraseShare * (found / queryPairs.length);
      }
      const rank = hit.score / top;
      return {
        kind: 'passage',
        passage,
        window: { first: window.first, last: window.last },
        score: SCORING.passageFactor * coverage * (1 - SCORING.rankShare + SCORING.rankShare * rank),
      };
    });
  }
}

/** The one- or two-sentence window of a paragraph that covers the most query weight. */
function bestWindow(passage: PassageDoc, weights: QueryWeights): { first: number; last: number; matched: number } {
  let best = { first: 0, last: 0, matched: -1 };
  const sentences = passage.sentenceTerms;
  for (let i = 0; i < sentences.length; i++) {
    const single = matchedWeight(weights, sentences[i]!);
    if (single > best.matched) best = { first: i, last: i, matched: single };
    if (i + 1 < sentences.length) {
      const pair = matchedWeight(weights, union(sentences[i]!, sentences[i + 1]!)) * SCORING.pairDiscount;
      if (pair > best.matched) best = { first: i, last: i + 1, matched: pair };
    }
  }
  return best;
}

/** Each query term's weight in a text: its own if present, else its best derived form's. */
function matchedWeight(weights: QueryWeights, terms: ReadonlySet<string>): number {
  let matched = 0;
  for (const group of weights) {
    for (const { term, weight } of group) {
      if (terms.has(term)) {
        matched += weight;
        break;
      }
    }
  }
  return matched;
}

/** "a b" for each neighbouring pair of terms, in either order (questions invert word order). */
function adjacentPairs(terms: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < terms.length; i++) {
    const [a, b] = [terms[i]!, terms[i + 1]!];
    pairs.push(a < b ? `${a} ${b}` : `${b} ${a}`);
  }
  return pairs;
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const set = new Set(a);
  for (const t of b) set.add(t);
  return set;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

