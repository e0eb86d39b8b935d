import type { Article, Paragraph } from '../corpus/types.ts';
import { foldText, scanWords } from './normalize.ts';
import { Bm25Index } from './bm25-index.ts';
import type { TermVocabulary } from './term-vocabulary.ts';
import { runToEnd, type BuildSteps } from './build-steps.ts';

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

/** Every paragraph's term ids, sentence by sentence, in PassageIndex's layout. */
export interface TokenRuns {
  readonly tokens: Int32Array;
  readonly sentenceStart: Int32Array;
  readonly firstSentence: Int32Array;
}

/** Tokenizes the passages in order (interning their words), pausing after each passage. */
function* tokenRuns(passages: readonly PassageDoc[], vocabulary: TermVocabulary): BuildSteps<TokenRuns> {
  const tokens = new IntBuffer();
  const sentenceStart = new IntBuffer();
  const firstSentence = new Int32Array(passages.length + 1);
  const visit = (word: string): void => tokens.push(vocabulary.idOfWord(word));
  for (let p = 0; p < passages.length; p++) {
    const { article, paragraph } = passages[p]!;
    firstSentence[p] = sentenceStart.length;
    for (const sentence of paragraph.sentences) {
      sentenceStart.push(tokens.length);
      scanWords(foldText(article.text.slice(sentence.start, sentence.end)), visit);
    }
    yield;
  }
  firstSentence[passages.length] = sentenceStart.length;
  sentenceStart.push(tokens.length);
  return { tokens: tokens.done(), sentenceStart: sentenceStart.done(), firstSentence };
}

/** The passages tokenized, then BM25 over their paragraphs. */
function* indexed(passages: readonly PassageDoc[], vocabulary: TermVocabulary): BuildSteps<{ runs: TokenRuns; bm25: Bm25Index }> {
  const runs = yield* tokenRuns(passages, vocabulary);
  const docStart = new Int32Array(passages.length + 1);
  for (let p = 0; p <= passages.length; p++) docStart[p] = runs.sentenceStart[runs.firstSentence[p]!]!;
  const bm25 = yield* Bm25Index.build(runs.tokens, docStart, vocabulary.terms.length);
  return { runs, bm25 };
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

  constructor(passages: readonly PassageDoc[], vocabulary: TermVocabulary, built: { readonly runs: TokenRuns; readonly bm25: Bm25Index } = runToEnd(indexed(passages, vocabulary))) {
    this.passages = passages;
    this.tokens = built.runs.tokens;
    this.sentenceStart = built.runs.sentenceStart;
    this.firstSentence = built.runs.firstSentence;
    this.bm25 = built.bm25;
  }

  /** The same build in steps, one passage each (see build-steps.ts). */
  static *build(passages: readonly PassageDoc[], vocabulary: TermVocabulary): BuildSteps<PassageIndex> {
    return new PassageIndex(passages, vocabulary, yield* indexed(passages, vocabulary));
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
