export type AnswerStatus = 'answered' | 'ambiguous' | 'unknown';

/** A verbatim quote from an article, with where it comes from. */
export interface Citation {
  /** The article's file name. */
  readonly source: string;
  readonly title: string;
  /** Exact article text (a sentence or two). */
  readonly quote: string;
  /** 1-based body paragraph number. */
  readonly paragraph: number;
  readonly url?: string;
  readonly date?: string;
}

/** A "did you mean" offer: `entryId` answers it directly via `Engine.answerEntry`. */
export interface Suggestion {
  readonly question: string;
  readonly entryId: string;
}

/**
 * What the engine says to a question. Always a value: "no match" is `status: 'unknown'`,
 * never an exception.
 */
export interface Answer {
  readonly question: string;
  readonly status: AnswerStatus;
  /** The short answer; null unless answered. */
  readonly answer: string | null;
  /** 1–3 quotes when answered (none for an answer `about` an article's credits); empty otherwise. */
  readonly citations: readonly Citation[];
  /** 2–3 close candidates when ambiguous; example questions when unknown. */
  readonly suggestions: readonly Suggestion[];
  /** Calibrated confidence in [0, 1] of the best candidate. */
  readonly score: number;
  /** The FAQ entry (curated or generated) answered; null unless answered. */
  readonly entryId: string | null;
  /**
   * For `unknown`: true when `suggestions` are the nearest entries to the question (a weak
   * match worth a "did you mean"), false or absent when they are general example questions.
   */
  readonly nearMatches?: boolean;
  /**
   * For an answer about an article itself (who wrote it), from its credits: which article. Such an
   * answer has no quotes, since credits are page chrome and never quoted.
   */
  readonly about?: { readonly source: string; readonly title: string };
}
