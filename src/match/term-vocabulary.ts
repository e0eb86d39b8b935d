import { termOf } from './normalize.ts';

/**
 * Interns the corpus's words and terms as small integers, so the passage index works on typed
 * arrays instead of strings and maps. Each word is stemmed once, however often it occurs.
 */
export class TermVocabulary {
  private readonly wordToId = new Map<string, number>();
  private readonly termToId = new Map<string, number>();
  readonly terms: string[] = [];

  /** The term id of a word as written (lower-cased), adding it when new. */
  idOfWord(word: string): number {
    let id = this.wordToId.get(word);
    if (id === undefined) {
      id = this.intern(termOf(word));
      this.wordToId.set(word, id);
    }
    return id;
  }

  /** The id of a term, adding it when new. */
  intern(term: string): number {
    let id = this.termToId.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.termToId.set(term, id);
    }
    return id;
  }

  /** The id of a known term, or -1. */
  idOfTerm(term: string): number {
    return this.termToId.get(term) ?? -1;
  }

  has(term: string): boolean {
    return this.termToId.has(term);
  }

  /** Every word seen, as written: what typos are corrected towards. */
  words(): IterableIterator<string> {
    return this.wordToId.keys();
  }
}
