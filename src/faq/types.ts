/** A citation resolved against its article: where the verbatim quote sits. */
export interface ResolvedCitation {
  readonly source: string;
  readonly quote: string;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** One answerable entry: curated in faq.yml, or generated from a passage no curated entry covers. */
export interface FaqEntry {
  readonly id: string;
  readonly question: string;
  readonly variants: readonly string[];
  readonly answer: string;
  readonly citations: readonly ResolvedCitation[];
  readonly curated: boolean;
  /**
   * For an answer about an article itself (who wrote it) taken from its credits, which are page
   * chrome and so never quoted: the article's source. Such an entry has no citations.
   */
  readonly about?: string;
}

/** An entry as written in faq.yml, before its citations are checked; `line` is 1-based. */
export interface RawEntry {
  readonly id: string;
  readonly line: number;
  readonly question: string;
  readonly variants: readonly string[];
  readonly answer: string;
  readonly citations: ReadonlyArray<{ readonly source: string; readonly quote: string; readonly line: number }>;
  /** `about:` — the article an answer about the article itself comes from (see FaqEntry.about). */
  readonly about?: { readonly source: string; readonly line: number };
}
