import type { Span } from '../../corpus/types.ts';

/** One proposed curated entry, in the shape of a faq.yml entry (plus where it came from). */
export interface DraftEntry {
  readonly id: string;
  readonly question: string;
  readonly variants: readonly string[];
  readonly answer: string;
  readonly citations: ReadonlyArray<{ readonly source: string; readonly quote: string }>;
  /** The body paragraph (numbered from 1) the entry is drafted from. */
  readonly paragraph: number;
  readonly kind: DraftKind;
}

/** Which pattern produced the question; `about` is the key-phrase fallback. */
export type DraftKind = 'who' | 'what' | 'founded' | 'when' | 'how-many' | 'said' | 'about';

/** A sentence of the paragraph: `text` is for analysis (quotes and spaces folded, same length). */
export interface Sentence {
  readonly span: Span;
  readonly text: string;
  /** The sentence exactly as written. */
  readonly original: string;
}

/** A question-shaped key found in one sentence. */
export interface Key {
  readonly kind: DraftKind;
  readonly question: string;
  readonly variants: readonly string[];
  /** A constructed short answer when the pattern gives one; else the sentence itself. */
  readonly answer?: string;
  /** What the id is made from: the name, subject or key phrase. */
  readonly phrase: string;
  readonly sentence: number;
}
