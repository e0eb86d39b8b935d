import type { Article, Paragraph } from '../corpus/types.ts';
import { foldText, scanWords } from './normalize.ts';
import type { TermVocabulary } from './term-vocabulary.ts';

/** A paragraph of the corpus. */
export interface PassageDoc {
  readonly article: Article;
  readonly paragraph: Paragraph;
}

/** A growable Int32Array: the build appends ten million token ids without a JS array of numbers. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Every paragraph as a run of term ids, sentence by sentence, with an inverted index over them for
 * Okapi BM25 (k1 1.2, b 0.75). All in typed arrays: building over 100,000 passages is two passes
 * over their tokens, a question one pass over the postings of its own terms, and the sentences a
 * question's best paragraphs are scored on are read back without re-tokenizing any text.
 *
 *   const index = new PassageIndex(passages, vocabulary);
 *   index.search([{ id: vocabulary.idOfTerm('nebula'), weight: 1 }], 5)  // → [{ doc, score }]
 */
export class PassageIndex {
  readonly passages: readonly PassageDoc[];
  /** Token ids of all paragraphs, back to back. */
  private readonly tokens: Int32Array;
  /** Paragraph p's sentences are sentenceStart[firstSentence[p] .. firstSentence[p + 1]]. */
  private readonly firstSentence: Int32Array;
  /** Token offset where each sentence starts (one extra entry closes the last). */
  private readonly sentenceStart: Int32Array;
  private readonly df: Int32Array;
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingTfs: Uint16Array;
  private readonly docLengths: Float64Array;
  private readonly avgLength: number;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(passages: readonly PassageDoc[], vocabulary: TermVocabulary) {
    this.passages = passages;
    const tokens = new IntBuffer();
    const sentenceStart = new IntBuffer();
    const firstSentence = new Int32Array(passages.length + 1);
    const visit = (word: string): void => tokens.push(vocabulary.idOfWord(word));
    passages.forEach(({ article, paragraph }, p) => {
      firstSentence[p] = sentenceStart.length;
      for (const sentence of paragraph.sentences) {
        sentenceStart.push(tokens.length);
        scanWords(foldText(article.text.slice(sentence.start, sentence.end)), visit);
      }
    });
    firstSentence[passages.length] = sentenceStart.length;
    sentenceStart.push(tokens.length);
    this.tokens = tokens.done();
    this.sentenceStart = sentenceStart.done();
    this.firstSentence = firstSentence;

    const terms = vocabulary.terms.length;
    const n = passages.length;
    const df = new Int32Array(terms);
    const lastDoc = new Int32Array(terms).fill(-1);
    this.docLengths = new Float64Array(n);
    let total = 0;
    for (let p = 0; p < n; p++) {
      const [from, to] = this.tokenRange(p);
      this.docLengths[p] = to - from;
      total += to - from;
      for (let i = from; i < to; i++) {
        const id = this.tokens[i]!;
        if (lastDoc[id] !== p) {
          lastDoc[id] = p;
          df[id]! += 1;
        }
      }
    }
    const postingStart = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) postingStart[t + 1] = postingStart[t]! + df[t]!;
    const fill = postingStart.slice(0, terms);
    const postingDocs = new Int32Array(postingStart[terms]!);
    const postingTfs = new Uint16Array(postingStart[terms]!);
    const tf = new Int32Array(terms);
    const unique: number[] = [];
    for (let p = 0; p < n; p++) {
      const [from, to] = this.tokenRange(p);
      unique.length = 0;
      for (let i = from; i < to; i++) {
        const id = this.tokens[i]!;
        if (tf[id] === 0) unique.push(id);
        tf[id]! += 1;
      }
      for (const id of unique) {
        const at = fill[id]!++;
        postingDocs[at] = p;
        postingTfs[at] = Math.min(tf[id]!, 0xffff);
        tf[id] = 0;
      }
    }
    this.df = df;
    this.postingStart = postingStart;
    this.postingDocs = postingDocs;
    this.postingTfs = postingTfs;
    this.avgLength = n ? total / n || 1 : 1;
    this.scores = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  /** BM25 idf of a term id, always positive; an unknown term (-1, or one only FAQ text has) gets the largest. */
  idf(id: number): number {
    const df = id >= 0 && id < this.df.length ? this.df[id]! : 0;
    return Math.log(1 + (this.passages.length - df + 0.5) / (df + 0.5));
  }

  /** The best `limit` paragraphs for weighted term ids (weight multiplies idf; repeats count once). */
  search(query: ReadonlyArray<{ readonly id: number; readonly weight: number }>, limit: number): Array<{ doc: number; score: number }> {
    const k1 = 1.2;
    const b = 0.75;
    let touchedCount = 0;
    const seen = new Set<number>();
    for (const { id, weight: given } of query) {
      if (id < 0 || id >= this.df.length || seen.has(id)) continue;
      seen.add(id);
      const weight = given * this.idf(id);
      if (!(weight > 0)) continue;
      for (let j = this.postingStart[id]!, end = this.postingStart[id + 1]!; j < end; j++) {
        const doc = this.postingDocs[j]!;
        const tf = this.postingTfs[j]!;
        const norm = tf + k1 * (1 - b + (b * this.docLengths[doc]!) / this.avgLength);
        if (this.scores[doc] === 0) this.touched[touchedCount++] = doc;
        this.scores[doc]! += (weight * tf * (k1 + 1)) / norm;
      }
    }
    const results: Array<{ doc: number; score: number }> = [];
    for (let i = 0; i < touchedCount; i++) {
      const doc = this.touched[i]!;
      const score = this.scores[doc]!;
      this.scores[doc] = 0;
      if (results.length < limit || score > results[results.length - 1]!.score) {
        if (results.length === limit) results.pop();
        let at = results.length;
        while (at > 0 && results[at - 1]!.score < score) at--;
        results.splice(at, 0, { doc, score });
      }
    }
    return results;
  }

  /** How many sentences paragraph `doc` has. */
  sentenceCount(doc: number): number {
    return this.firstSentence[doc + 1]! - this.firstSentence[doc]!;
  }

  /** The term ids of one sentence of a paragraph (a view, not a copy). */
  sentenceTerms(doc: number, sentence: number): Int32Array {
    const s = this.firstSentence[doc]! + sentence;
    return this.tokens.subarray(this.sentenceStart[s]!, this.sentenceStart[s + 1]!);
  }

  /** The term ids of a whole paragraph (a view). */
  paragraphTerms(doc: number): Int32Array {
    const [from, to] = this.tokenRange(doc);
    return this.tokens.subarray(from, to);
  }

  private tokenRange(doc: number): [number, number] {
    return [this.sentenceStart[this.firstSentence[doc]!]!, this.sentenceStart[this.firstSentence[doc + 1]!]!];
  }
}
