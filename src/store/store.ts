/**
 * The Store: everything faqbot must remember beyond one process — the durable inbox of questions
 * (acked → claimed → answered, exactly once across restarts and replicas), what was asked and
 * answered, feedback per (answer, user), and signed requests already handled. Two implementations
 * share one schema (`migrations/`): SQLite in a file (the default, for one process) and PostgreSQL
 * (`DATABASE_URL`, shared by every replica).
 *
 * The store knows nothing of Slack's API: it keeps ids and texts it is given. Times are epoch
 * milliseconds passed in by the caller, so tests drive leases and retention with their own clock.
 *
 * ```ts
 * const store = await openStore({ env: process.env, logger });
 * await store.enqueue({ key: 'T1:C1:1700000000.000100', surface: 'mention', text: 'What is Hyper-V?', ... });
 * const [question] = await store.claim({ owner: 'replica-a', limit: 1, leaseMs: 30_000, now: Date.now() });
 * await store.complete(question.key, 'replica-a', { status: 'answered', entryId: 'what-is-hyper-v', ... });
 * ```
 */

/** Where a question came from; an open set, so new surfaces need no migration. */
export type Surface = 'mention' | 'dm' | 'command' | 'thread' | 'assistant' | 'shortcut' | 'workflow' | (string & {});

/** What the engine decided; `failed` when the answer could not be delivered at all. */
export type QuestionStatus = 'answered' | 'ambiguous' | 'unknown' | 'failed';

/** A question as the Slack layer hands it over, before the event is acked. */
export interface NewQuestion {
  /** Unique per question: every retry, duplicate delivery or replay of it has the same key. */
  readonly key: string;
  readonly team: string;
  readonly channel: string;
  /** The message's own ts (for /faq, the command's trigger id). */
  readonly ts: string;
  /** The thread the message was in, if any. */
  readonly threadTs: string | null;
  /** The thread the answer goes into; null for an answer posted inline (a DM). */
  readonly replyThreadTs: string | null;
  readonly user: string | null;
  readonly surface: Surface;
  readonly text: string;
  /** For /faq and other surfaces answered through a response_url. */
  readonly responseUrl: string | null;
  readonly receivedAt: number;
}

/** A question this replica now holds a lease on. */
export interface ClaimedQuestion extends NewQuestion {
  /** 1 on the first claim; more means an earlier attempt may have posted already. */
  readonly attempts: number;
  /** Bumped by every edit of the question's text; `complete` says which revision it answered. */
  readonly revision: number;
  /** The answer already posted (ts in `channel`), when there is one: an edit then updates it. */
  readonly answerTs: string | null;
}

/** How a question was answered, for the record and for follow-ups. */
export interface AnswerRecord {
  readonly status: QuestionStatus;
  readonly entryId: string | null;
  readonly score: number | null;
  /** The posted answer's ts in the question's channel (null for ephemeral answers). */
  readonly answerTs: string | null;
  readonly answeredAt: number;
  /** The `revision` of the claim that was answered. */
  readonly revision: number;
  /** Why it failed, for the log and stats (never shown to a Slack user). */
  readonly error?: string;
}

export type EnqueueResult = 'new' | 'duplicate';

/** What an edit did: `pending` (not answered yet: answered once, with the new text), `reanswer`
 * (answered: queued again to update the answer in place), `unknown` (no such question), `stale`
 * (an older edit than one already applied). */
export type EditResult = 'pending' | 'reanswer' | 'unknown' | 'stale';

export type Verdict = 'helpful' | 'not_helpful';

export interface FeedbackVote {
  /** The answer voted on: its channel and ts (an ephemeral answer's container ts). */
  readonly answerChannel: string;
  readonly answerTs: string;
  readonly user: string;
  readonly verdict: Verdict;
  /** The entry the answer came from and the question as asked, when the button carries them. */
  readonly entryId: string | null;
  readonly question: string | null;
  readonly at: number;
}

/** `new` first vote, `changed` a different verdict than before, `unchanged` the same again. */
export type VoteResult = 'new' | 'changed' | 'unchanged';

/** One recorded question, for stats and curation. `text` is null once purged. */
export interface QuestionRow {
  readonly key: string;
  readonly surface: Surface;
  readonly state: 'pending' | 'claimed' | 'answered' | 'failed';
  readonly status: QuestionStatus | null;
  readonly entryId: string | null;
  readonly score: number | null;
  readonly text: string | null;
  readonly receivedAt: number;
  readonly latencyMs: number | null;
}

/** A "did you mean" choice: someone asked `question` and picked entry `entryId` (issue 10). */
export interface QuestionPick {
  readonly user: string;
  readonly question: string;
  readonly entryId: string;
  readonly at: number;
}

/**
 * A curator's change to what the bot knows, live on every replica: a new phrasing (variant) of an
 * existing entry, or a whole new entry. Verified like faq.yml before it is stored (a citation must
 * be found verbatim), and exported into faq.yml by `faqbot curate export`.
 */
export type NewCuration =
  | { readonly kind: 'phrasing'; readonly entryId: string; readonly question: string; readonly suggestionId: string | null; readonly by: string; readonly at: number }
  | {
      readonly kind: 'entry';
      readonly entryId: string;
      readonly question: string;
      readonly answer: string;
      readonly citations: ReadonlyArray<{ readonly source: string; readonly quote: string }>;
      readonly suggestionId: string | null;
      readonly by: string;
      readonly at: number;
    };

export type Curation = NewCuration & { readonly id: number };

/** What a curator decided about a suggestion; a decided suggestion is no longer open. */
export interface SuggestionDecision {
  readonly suggestionId: string;
  readonly decision: 'accepted' | 'dismissed';
  readonly by: string;
  readonly at: number;
}

export interface ClaimOptions {
  /** This replica's id (FAQBOT_REPLICA_ID): whose claims are whose. */
  readonly owner: string;
  readonly limit: number;
  readonly leaseMs: number;
  readonly now: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies the numbered migrations not yet applied; safe when several replicas start at once. */
  migrate(): Promise<void>;
  /** Succeeds when the store answers now; rejects (StoreError) when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;

  // The inbox.
  /** Writes the question unless its key is known; never changes an existing one. */
  enqueue(question: NewQuestion): Promise<EnqueueResult>;
  /** Leases up to `limit` questions that are due: pending ones, and claims whose lease ran out. */
  claim(options: ClaimOptions): Promise<ClaimedQuestion[]>;
  /** Extends the lease on every question `owner` holds; returns how many. */
  renewLeases(owner: string, leaseMs: number, now: number): Promise<number>;
  /** Hands `owner`'s claims back at once (a restart resuming its own work); returns how many. */
  releaseOwn(owner: string, now: number): Promise<number>;
  /**
   * Gives one claim back, due again at `availableAt` (a transient failure, or a 429's
   * Retry-After); `countAttempt: false` when nothing was attempted (rate limited before sending).
   */
  release(key: string, owner: string, availableAt: number, options?: { readonly countAttempt?: boolean; readonly error?: string }): Promise<void>;
  /**
   * Records the answer. If the question was edited meanwhile (its revision moved on), it goes back
   * to pending, so the new text is answered (as an update of this answer).
   */
  complete(key: string, owner: string, record: AnswerRecord): Promise<void>;
  /**
   * Records a question answered at once, outside the inbox (/faq, the message shortcut, the
   * workflow step), so stats and curation see every surface. A key already recorded is left as is.
   */
  recordAnswered(question: NewQuestion, record: Omit<AnswerRecord, 'revision'>): Promise<void>;
  /** Applies an edit of the question's text (idempotent per `editedTs`). */
  applyEdit(key: string, text: string, editedTs: string, now: number): Promise<EditResult>;
  /** Milliseconds the oldest unanswered question has waited, or null when none waits. */
  oldestPendingAgeMs(now: number): Promise<number | null>;

  // Threads, feedback, records.
  /**
   * The first question (by its ts) the bot answered in this thread, as stored: a reply there is a
   * follow-up (no mention needed), read with this question as context. Null when the bot has not
   * answered in the thread; '' when it has but the text was purged. A thread is the bot's when an
   * answer went into it (`replyThreadTs`) or it hangs off an answer posted inline (`answerTs`).
   */
  threadQuestion(channel: string, threadTs: string): Promise<string | null>;
  /** Stores or changes one user's vote on one answer. */
  recordVote(vote: FeedbackVote): Promise<VoteResult>;
  /** Questions received at or after `since`, oldest first. */
  questionsSince(since: number): Promise<QuestionRow[]>;
  /** Votes cast or changed at or after `since`. */
  votesSince(since: number): Promise<Array<Pick<FeedbackVote, 'verdict' | 'entryId' | 'user' | 'at' | 'question'>>>;

  // Curation (issue 10): picks, curators' decisions and their live changes.
  /** Records a "did you mean" pick; the same (user, question, entry) again changes nothing. */
  recordPick(pick: QuestionPick): Promise<void>;
  /** Picks made at or after `since`. */
  picksSince(since: number): Promise<QuestionPick[]>;
  /** Stores a verified curation; returns it with its id (ids grow: a higher id is newer). */
  addCuration(curation: NewCuration): Promise<Curation>;
  /** Every curation, oldest first: what every replica overlays on faq.yml. */
  curations(): Promise<Curation[]>;
  /** Changes whenever curations change (the highest id; 0 when none): cheap enough to poll. */
  curationVersion(): Promise<number>;
  /** Records a decision; false if the suggestion was already decided (the first decision stays). */
  decideSuggestion(decision: SuggestionDecision): Promise<boolean>;
  /** Every decision taken, for filtering open suggestions. */
  suggestionDecisions(): Promise<SuggestionDecision[]>;

  // Replays and retention.
  /** True the first time `key` is seen before `expiresAt`; false for a replay. */
  firstSight(key: string, expiresAt: number, now: number): Promise<boolean>;
  /**
   * Forgets `key`, so the next firstSight of it is a first sight again: what it guarded failed
   * (e.g. a chooser's update) and may be tried again, on any replica.
   */
  forgetSight(key: string): Promise<void>;
  /** Forgets question texts received before `before`, and expired request keys; returns texts purged. */
  purge(before: number, now: number): Promise<number>;
}
