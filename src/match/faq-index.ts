import type { Article, Paragraph } from '../corpus/types.ts';
import type { FaqEntry } from '../faq/types.ts';
import { termsOf, tokenize, normalizeText } from './normalize.ts';
import { prepareQuery, type Query } from './query.ts';
import { TermIndex } from './term-index.ts';
import { TypoCorrector } from './typo-corrector.ts';
import { SCORING } from './scoring.ts';

/** A paragraph of the corpus with its sentences' terms, ready for window scoring. */
export interface PassageDoc {
  readonly article: Article;
  readonly paragraph: Paragraph;
  readonly sentenceTerms: ReadonlyArray<ReadonlySet<string>>;
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
  readonly content: ReadonlySet<string>;
}

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
  private readonly vocabulary: { hasTerm(term: string): boolean; corrector: TypoCorrector };

  constructor(articles: readonly Article[], curated: readonly FaqEntry[]) {
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
        const sentenceTerms = paragraph.sentences.map((s) => new Set(termsNoting(article.text.slice(s.start, s.end))));
        const all = sentenceTerms.flatMap((set) => [...set]);
        passages.push({ article, paragraph, sentenceTerms, terms: new Set(all) });
        passageTerms.push([...all, ...titleTerms]);
      }
    }
    this.passages = passages;
    this.passageIndex = new TermIndex(passageTerms);

    const phrasingDocs: string[][] = [];
    const owners: number[] = [];
    this.entries = curated.map((entry, i) => {
      const phrasings = [entry.question, ...entry.variants].map((text) => new Set(termsNoting(text)));
      for (const set of phrasings) {
        phrasingDocs.push([...set]);
        owners.push(i);
      }
      const content = new Set(termsNoting([entry.answer, ...entry.citations.map((c) => c.quote)].join(' ')));
      return { entry, phrasings, content };
    });
    this.phrasingIndex = new TermIndex(phrasingDocs);
    this.phrasingOwner = owners;
    this.contentIndex = new TermIndex(this.entries.map((e) => [...e.content]));

    const known = new Set(words.values());
    this.vocabulary = { hasTerm: (term) => known.has(term), corrector: new TypoCorrector(words.keys()) };
  }

  /** Ranks curated entries and passages for a question; never throws. */
  rank(question: string): Ranking {
    const query = prepareQuery(question, this.vocabulary);
    if (query.terms.length === 0) return { query, candidates: [] };
    const weights = new Map(query.terms.map((t) => [t.term, t.weight * this.idf(t.term)]));
    const total = sum(weights.values());
    const candidates: Candidate[] = [...this.rankEntries(query, weights, total), ...this.rankPassages(query, weights, total)];
    candidates.sort((a, b) => b.score - a.score);
    return { query, candidates };
  }

  /** Corpus idf of a term (paragraph frequency); unseen terms get the largest value. */
  idf(term: string): number {
    return this.passageIndex.idf(term);
  }

  private rankEntries(query: Query, weights: Map<string, number>, total: number): CuratedCandidate[] {
    if (this.entries.length === 0) return [];
    const terms = query.terms.map((t) => t.term);
    const picked = new Set<number>();
    for (const hit of this.phrasingIndex.search(terms, ENTRIES_CONSIDERED * 2)) picked.add(this.phrasingOwner[hit.doc]!);
    for (const hit of this.contentIndex.search(terms, ENTRIES_CONSIDERED)) picked.add(hit.doc);
    return [...picked].map((i) => {
      const doc = this.entries[i]!;
      let phrasing = 0;
      for (const set of doc.phrasings) {
        const matched = matchedWeight(weights, set);
        const own = sum([...set].map((t) => this.idf(t)));
        phrasing = Math.max(phrasing, (2 * matched) / (total + own));
      }
      const content = matchedWeight(weights, doc.content) / total;
      return { kind: 'curated', entry: doc.entry, score: Math.max(phrasing, SCORING.contentFactor * content) };
    });
  }

  private rankPassages(query: Query, weights: Map<string, number>, total: number): PassageCandidate[] {
    const hits = this.passageIndex.search(
      query.terms.map((t) => t.term),
      PASSAGES_CONSIDERED,
      query.terms.map((t) => t.weight),
    );
    const top = hits[0]?.score ?? 1;
    return hits.map((hit) => {
      const passage = this.passages[hit.doc]!;
      const window = bestWindow(passage, weights);
      const coverage = (SCORING.windowShare * window.matched + (1 - SCORING.windowShare) * matchedWeight(weights, passage.terms)) / total;
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
function bestWindow(passage: PassageDoc, weights: Map<string, number>): { first: number; last: number; matched: number } {
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

function matchedWeight(weights: Map<string, number>, terms: ReadonlySet<string>): number {
  let matched = 0;
  for (const [term, weight] of weights) if (terms.has(term)) matched += weight;
  return matched;
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

export { termsOf };
