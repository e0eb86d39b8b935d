import type { Curation, QuestionStatus } from '../store/store.ts';

/**
 * The curator loop's one entry point, shared by App Home (Slack) and `faqbot curate` (CLI): open
 * suggestions drawn from what people asked, and the decisions that turn them into better answers.
 * Free of Slack (ids and texts only) and of SQL (it goes through the Store).
 */
export type SuggestionKind = 'unanswered' | 'not_helpful' | 'picked';

export interface Suggestion {
  /** Stable across calls and replicas (derived from kind, normalised question and entry). */
  readonly id: string;
  readonly kind: SuggestionKind;
  /** The question as people asked it (the most recent wording of a near-duplicate group). */
  readonly question: string;
  /** How many times it was asked (unanswered), voted down (not_helpful) or picked by distinct people (picked). */
  readonly count: number;
  /** The entry it concerns: the one picked, the one voted down; null for unanswered. */
  readonly entryId: string | null;
  /** What the bot answered the last time: its status and entry (for "what the bot answered"). */
  readonly answered: { readonly status: QuestionStatus | null; readonly entryId: string | null; readonly entryQuestion: string | null };
  readonly lastAskedAt: number;
}

/** An entry offered in the "Add as a phrasing of…" picker, likeliest first. */
export interface EntryChoice {
  readonly id: string;
  readonly question: string;
}

/** A passage offered as the citation of a new entry; `quote` is verbatim from `source`. */
export interface PassageChoice {
  readonly source: string;
  readonly paragraph: number;
  readonly quote: string;
}

/** The figures of `faqbot stats` and of App Home's curator section. */
export interface Stats {
  readonly days: number;
  readonly questions: number;
  readonly answered: number;
  readonly ambiguous: number;
  readonly unknown: number;
  readonly failed: number;
  /** answered / questions, 0..1 (0 when no questions). */
  readonly answeredRate: number;
  readonly helpful: number;
  readonly notHelpful: number;
  /** helpful / (helpful + notHelpful), or null when no votes. */
  readonly helpfulRate: number | null;
  readonly medianLatencyMs: number | null;
  readonly p99LatencyMs: number | null;
  readonly topEntries: ReadonlyArray<{ readonly entryId: string; readonly question: string | null; readonly count: number }>;
  readonly topUnanswered: ReadonlyArray<{ readonly question: string; readonly count: number }>;
}

/** `acceptPhrasing`'s input: `question` defaults to the suggestion's. */
export interface PhrasingInput {
  readonly suggestionId: string | null;
  readonly question?: string;
  readonly entryId: string;
  readonly by: string;
  readonly at: number;
}

/** `addEntry`'s input: the entry's id is derived from its question. */
export interface NewEntryInput {
  readonly suggestionId: string | null;
  readonly question: string;
  readonly answer: string;
  readonly citations: ReadonlyArray<{ readonly source: string; readonly quote: string }>;
  readonly by: string;
  readonly at: number;
}

export interface CurationService {
  /** Open (undecided) suggestions, most frequent first, then most recent. */
  openSuggestions(now: number): Promise<Suggestion[]>;
  suggestion(id: string, now: number): Promise<Suggestion | null>;
  /** Entries for the phrasing picker, the likeliest for `question` first, then every other entry. */
  likelyEntries(question: string, limit: number): EntryChoice[];
  /** Passages that best match `question`, for a new entry's citation. */
  candidatePassages(question: string, limit: number): PassageChoice[];
  /**
   * Adds `question` (default: the suggestion's) as a phrasing of `entryId`, marks the suggestion
   * accepted, and makes every replica answer it with that entry within seconds. Throws
   * CurationError (a message for the curator) for an unknown entry or suggestion.
   */
  acceptPhrasing(input: PhrasingInput): Promise<Curation>;
  /** Adds a new entry; its citations must be found verbatim (else CurationError saying which). */
  addEntry(input: NewEntryInput): Promise<Curation>;
  /** Dismisses a suggestion; false if it was already decided. */
  dismiss(suggestionId: string, by: string, at: number): Promise<boolean>;
  stats(days: number, now: number): Promise<Stats>;
}
