import type { Article, Paragraph } from '../corpus/types.ts';
import { foldText, scanWords } from './normalize.ts';
import { Bm25Index } from './bm25-index.ts';
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
 * Every paragraph as a run of term ids, sentence by sentence, ranked with BM25 (`Bm25Index`).
 * The sentences a question's best paragraphs are scored on are read back from the same typed
 * arrays, without re-tokenizing any text.
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
  private readonly bm25: Bm25Index;

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

    const docStart = new Int32Array(passages.length + 1);
    for (let p = 0; p <= passages.length; p++) docStart[p] = this.sentenceStart[firstSentence[p]!]!;
    this.bm25 = new Bm25Index(this.tokens, docStart, vocabulary.terms.length);
  }

  /** BM25 idf of a term id, always positive; an unknown term (-1, or one only FAQ text has) gets the largest. */
  idf(id: number): number {
    return this.bm25.idf(id);
  }

  /** The best `limit` paragraphs for weighted term ids (weight multiplies idf; repeats count once). */
  search(query: ReadonlyArray<{ readonly id: number; readonly weight: number }>, limit: number): Array<{ doc: number; score: number }> {
    return this.bm25.search(query, limit);
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
