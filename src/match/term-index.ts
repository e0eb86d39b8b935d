import { Bm25Index } from './bm25-index.ts';

/**
 * BM25 over small documents given as term strings (FAQ phrasings, answers, generated questions):
 * interns the terms and hands the documents to `Bm25Index`.
 *
 *   new TermIndex([['hyperv', 'openstack'], ['nasa', 'nebula']]).search(['nebula'], 5)  // → [{ doc: 1, score: 0.69 }]
 */
export class TermIndex {
  private readonly ids = new Map<string, number>();
  private readonly index: Bm25Index;

  constructor(docs: ReadonlyArray<readonly string[]>) {
    const tokens: number[] = [];
    const docStart = [0];
    for (const terms of docs) {
      for (const term of terms) {
        let id = this.ids.get(term);
        if (id === undefined) this.ids.set(term, (id = this.ids.size));
        tokens.push(id);
      }
      docStart.push(tokens.length);
    }
    this.index = new Bm25Index(Int32Array.from(tokens), Int32Array.from(docStart), this.ids.size);
  }

  /** The best `limit` documents for the query terms (each weighted 1; repeats count once). */
  search(terms: ReadonlyArray<string>, limit: number): Array<{ doc: number; score: number }> {
    return this.index.search(this.idsOf(terms), limit);
  }

  /**
   * Every document's BM25 score for the terms as a share of `fullScore` (a document holding each
   * term once scores about 1), in a dense array: the small FAQ indexes score all their documents.
   */
  shares(terms: ReadonlyArray<string>): Float64Array {
    const query = this.idsOf(terms);
    const shares = new Float64Array(this.index.docCount);
    const full = this.index.fullScore(query);
    if (full <= 0) return shares;
    this.index.scoreAll(query, shares);
    for (let i = 0; i < shares.length; i++) shares[i] = shares[i]! / full;
    return shares;
  }

  private idsOf(terms: ReadonlyArray<string>): Array<{ id: number; weight: number }> {
    return terms.map((term) => ({ id: this.ids.get(term) ?? -1, weight: 1 }));
  }
}
