import type { QueryWeights } from './coverage.ts';
import type { PassageIndex } from './passage-index.ts';
import type { Query } from './query.ts';
import { SCORING } from './scoring.ts';
import type { TermVocabulary } from './term-vocabulary.ts';

/** At most this many longer forms of a term ("partner" → "partnership") join its weights. */
const MAX_DERIVED = 4;

/**
 * How much each word of a question says in this corpus, and which other terms count for it:
 * corpus idf with a floor, derived forms the stemmer keeps apart, and synonyms the corpus uses.
 * Shared by the entry and passage rankers so both weigh a question the same way.
 */
export class TermWeights {
  /** Sorted once, at the first question: FAQ and key words join the vocabulary after construction. */
  private sorted: readonly string[] | undefined;

  constructor(
    private readonly terms: TermVocabulary,
    private readonly passages: PassageIndex,
    private readonly synonyms: ReadonlyMap<string, readonly string[]>,
  ) {}

  private get sortedTerms(): readonly string[] {
    return (this.sorted ??= [...this.terms.terms].sort());
  }

  /** Corpus idf of a term (paragraph frequency); unseen terms get the largest value. */
  idf(term: string): number {
    return this.passages.idf(this.terms.idOfTerm(term));
  }

  /** The idf of a word the corpus has never seen: the most a single term can say. */
  get maxIdf(): number {
    return this.passages.idf(-1);
  }

  /**
   * How much a term says: its corpus idf, but never less than a share of the largest. A word on
   * every page ("Microsoft" here) still names what the question is about: "When was Microsoft
   * founded?" must not be matched by "Who founded OpenStack?" as if "Microsoft" were noise.
   */
  weightOf(term: string): number {
    return Math.max(this.idf(term), SCORING.idfFloor * this.maxIdf);
  }

  /** Per query term: itself, then its derived forms and synonyms at a discount (see coverage.ts). */
  queryWeights(query: Query): QueryWeights {
    return query.terms.map((t) => {
      // A typo-corrected word counts less when matched, but its full weight stays in the total.
      const weight = t.weight * this.weightOf(t.term);
      const id = (term: string): number => this.terms.idOfTerm(term);
      const derived = this.longerForms(t.term).map((term) => ({ term, id: id(term), weight: SCORING.derivedFormWeight * weight }));
      const synonyms = this.synonymsOf(t.term).map((term) => ({ term, id: id(term), weight: SCORING.synonymWeight * weight }));
      return [{ term: t.term, id: id(t.term), weight }, ...derived, ...synonyms];
    });
  }

  /** The question's total weight: what every coverage share is a share of. */
  totalOf(query: Query): number {
    let total = 0;
    // A typo-corrected word counts fully (the question did say it); a context term at its weight.
    for (const t of query.terms) total += this.weightOf(t.term) * (t.fromContext ? t.weight : 1);
    return total;
  }

  /** The synonyms of a term that the corpus uses. */
  synonymsOf(term: string): string[] {
    return (this.synonyms.get(term) ?? []).filter((other) => this.terms.has(other));
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
}
