import type { Answer } from './answer/types.ts';
import type { CuratorLookup } from './curate/curator-lookup.ts';

export interface AskOptions {
  /** The thread's earlier question, for a follow-up. */
  readonly context?: string;
  /**
   * false: no shortcut for a question worded exactly as a curated phrasing, the ranking alone
   * decides — what `check` asks, so its "test all" shows which phrasings the ranking would lose
   * if they were worded a little differently. Default true.
   */
  readonly exactWording?: boolean;
}

/** What the surfaces (CLI, terminal chat, Slack) need from the answer engine, and nothing more. */
export interface Engine {
  /**
   * Answers a free-text question. Never throws for any input string. For a follow-up in a thread,
   * `context` is the thread's earlier question: "and when was that?" is read with it.
   */
  ask(question: string, options?: AskOptions): Answer;
  /** Answers one entry directly (a "did you mean" choice); null if the id is unknown. */
  answerEntry(entryId: string, question?: string): Answer | null;
  /** The articles the bot knows, for help texts and App Home. */
  readonly articles: ReadonlyArray<{ readonly source: string; readonly title: string }>;
  /** A few questions the bot answers well, for help texts and "unknown" replies. */
  readonly examples: readonly string[];
  /** For the curator loop: the entries, corpus and the engine's own ranking (absent in stand-in engines). */
  readonly curation?: CuratorLookup;
}
