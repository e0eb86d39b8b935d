import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../migrations/index.ts';
import { curationColumns, toClaimed, toCuration, toDecision, toPick, toQuestionRow, toVote, type RawRow } from '../rows.ts';
import { StoreError } from '../store-error.ts';
import type { AnswerRecord, ClaimedQuestion, ClaimOptions, Curation, EditResult, EnqueueResult, FeedbackVote, NewCuration, NewQuestion, QuestionPick, QuestionRow, Store, SuggestionDecision, VoteResult } from '../store.ts';

/**
 * Runs `callback` once this turn of the event loop has read its I/O (Node's check phase). Taken
 * when the module loads: tests that fake timers fake the global, and this is not a timer.
 */
const endOfTurn: (callback: () => void) => void = globalThis.setImmediate.bind(globalThis);

/** How long a statement waits for another process's write lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The embedded store: one SQLite file (better-sqlite3), created with its folder on first use.
 * WAL journal with `synchronous = NORMAL`: a commit survives the process being killed at any
 * point (what the inbox needs); only an OS crash or power loss can lose the last commits.
 * Meant for one bot process at a time (a restart resumes its own claims); several replicas share
 * PostgreSQL instead. Calls are synchronous underneath, each a few tens of microseconds.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  readonly #db: Database.Database;

  constructor(file: string) {
    this.file = file;
    try {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
      this.#db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
    } catch (error) {
      throw new StoreError(`Cannot open the SQLite database ${file} (${(error as Error).message}): check FAQBOT_DB and the folder's permissions.`, { cause: error });
    }
  }

  async migrate(): Promise<void> {
    this.#run(() => {
      // IMMEDIATE takes the write lock first: a second process starting at the same moment waits,
      // then finds the migrations applied.
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        this.#db.exec(MIGRATIONS_TABLE);
        const applied = new Set(this.#db.prepare('SELECT version FROM schema_migrations').all().map((r) => Number((r as RawRow)['version'])));
        for (const migration of MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          this.#db.exec(migration.sql);
          this.#db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
        }
        this.#db.exec('COMMIT');
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async ping(): Promise<void> {
    this.#run(() => this.#db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    // Writes still waiting for their turn's commit are committed first, not lost.
    this.#flush();
    if (this.#db.open) this.#db.close();
  }

  /**
   * Committed at once, on its own: this is what an ack waits for. (Batched with the rest of the
   * event-loop turn, each ack waited for every request read in that turn, ~20 ms more at p50
   * under the loadtest, and the acks left in bursts.)
   */
  async enqueue(q: NewQuestion): Promise<EnqueueResult> {
    const result = this.#run(() =>
      this.#statement(
        `INSERT INTO questions (key, team, channel, ts, thread_ts, reply_thread_ts, user_id, surface, text, response_url, received_at, available_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      ).run(q.key, q.team, q.channel, q.ts, q.threadTs, q.replyThreadTs, q.user, q.surface, q.text, q.responseUrl, q.receivedAt, q.receivedAt),
    );
    return result.changes === 1 ? 'new' : 'duplicate';
  }

  async claim({ owner, limit, leaseMs, now }: ClaimOptions): Promise<ClaimedQuestion[]> {
    if (limit <= 0) return [];
    // Most claims find nothing due (the worker looks after every wake-up): a read settles that
    // without the write transaction and commit an UPDATE costs even when it changes no row.
    const due = this.#run(() => this.#statement(`SELECT 1 FROM questions WHERE state IN ('pending', 'claimed') AND available_at <= ? LIMIT 1`).get(now));
    if (due === undefined) return [];
    // One statement, so it is atomic: SQLite lets one writer at a time.
    const rows = this.#run(() =>
      this.#statement(
        `UPDATE questions SET state = 'claimed', claimed_by = ?, available_at = ?, attempts = attempts + 1
         WHERE key IN (SELECT key FROM questions WHERE state IN ('pending', 'claimed') AND available_at <= ? ORDER BY available_at LIMIT ?)
         RETURNING *`,
      ).all(owner, now + leaseMs, now, limit),
    ) as RawRow[];
    return rows.map(toClaimed).sort((a, b) => a.receivedAt - b.receivedAt);
  }

  async renewLeases(owner: string, leaseMs: number, now: number): Promise<number> {
    return this.#run(() => this.#statement(`UPDATE questions SET available_at = ? WHERE state = 'claimed' AND claimed_by = ?`).run(now + leaseMs, owner)).changes;
  }

  async releaseOwn(owner: string, now: number): Promise<number> {
    return this.#run(() => this.#statement(`UPDATE questions SET state = 'pending', available_at = ? WHERE state = 'claimed' AND claimed_by = ?`).run(now, owner)).changes;
  }

  async release(key: string, owner: string, availableAt: number, options: { countAttempt?: boolean; error?: string } = {}): Promise<void> {
    await this.#batched(() =>
      this.#statement(
        `UPDATE questions SET state = 'pending', available_at = ?, attempts = attempts - ?, last_error = COALESCE(?, last_error)
         WHERE key = ? AND state = 'claimed' AND claimed_by = ?`,
      ).run(availableAt, options.countAttempt === false ? 1 : 0, options.error ?? null, key, owner),
    );
  }

  async complete(key: string, _owner: string, r: AnswerRecord): Promise<void> {
    // Not conditional on the owner: if a lease ran out and another replica took over, the answer
    // is still this one (the other looks it up before posting), and recording it stops a third.
    await this.#batched(() =>
      this.#statement(
        `UPDATE questions SET
           state = CASE WHEN revision = ? THEN ? ELSE 'pending' END,
           available_at = ?, status = ?, entry_id = ?, score = ?, answer_ts = COALESCE(?, answer_ts),
           answered_at = COALESCE(answered_at, ?), last_error = ?
         WHERE key = ?`,
      ).run(r.revision, r.status === 'failed' ? 'failed' : 'answered', r.answeredAt, r.status, r.entryId, r.score, r.answerTs, r.answeredAt, r.error ?? null, key),
    );
  }

  async recordAnswered(q: NewQuestion, r: Omit<AnswerRecord, 'revision'>): Promise<void> {
    this.#run(() =>
      this.#statement(
        `INSERT INTO questions (key, team, channel, ts, thread_ts, reply_thread_ts, user_id, surface, text, response_url, received_at, available_at, state, attempts, status, entry_id, score, answer_ts, answered_at, last_error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      ).run(q.key, q.team, q.channel, q.ts, q.threadTs, q.replyThreadTs, q.user, q.surface, q.text, q.receivedAt, r.answeredAt, r.status === 'failed' ? 'failed' : 'answered', r.status, r.entryId, r.score, r.answerTs, r.answeredAt, r.error ?? null),
    );
  }

  async applyEdit(key: string, text: string, editedTs: string, now: number): Promise<EditResult> {
    const row = this.#run(() =>
      this.#statement(
        `UPDATE questions SET text = ?, edited_ts = ?, revision = revision + 1,
           state = CASE WHEN state = 'claimed' THEN 'claimed' ELSE 'pending' END,
           available_at = CASE WHEN state = 'claimed' THEN available_at ELSE ? END
         WHERE key = ? AND (edited_ts IS NULL OR edited_ts < ?)
         RETURNING answer_ts`,
      ).get(text, editedTs, now, key, editedTs),
    ) as RawRow | undefined;
    if (row) return row['answer_ts'] === null ? 'pending' : 'reanswer';
    const exists = this.#run(() => this.#statement('SELECT 1 FROM questions WHERE key = ?').get(key));
    return exists ? 'stale' : 'unknown';
  }

  async oldestPendingAgeMs(now: number): Promise<number | null> {
    const row = this.#run(() => this.#statement(`SELECT MIN(received_at) AS oldest FROM questions WHERE state IN ('pending', 'claimed')`).get()) as RawRow;
    return row['oldest'] === null ? null : now - Number(row['oldest']);
  }

  async threadQuestion(channel: string, threadTs: string): Promise<string | null> {
    const row = this.#run(() =>
      this.#statement(
        // One indexed lookup per way a thread can be the bot's (an OR would scan the channel).
        `SELECT text FROM (
           SELECT text, ts FROM questions WHERE state = 'answered' AND channel = ? AND reply_thread_ts = ?
           UNION ALL SELECT text, ts FROM questions WHERE state = 'answered' AND channel = ? AND answer_ts = ?
         ) ORDER BY ts LIMIT 1`,
      ).get(channel, threadTs, channel, threadTs),
    ) as RawRow | undefined;
    return row === undefined ? null : String(row['text'] ?? '');
  }

  async recordVote(v: FeedbackVote): Promise<VoteResult> {
    return this.#run(() => {
      const vote = this.#db.transaction((): VoteResult => {
        const before = this.#statement('SELECT verdict FROM feedback WHERE answer_channel = ? AND answer_ts = ? AND user_id = ?').get(v.answerChannel, v.answerTs, v.user) as RawRow | undefined;
        this.#statement(
          `INSERT INTO feedback (answer_channel, answer_ts, user_id, verdict, entry_id, question, voted_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (answer_channel, answer_ts, user_id) DO UPDATE SET verdict = excluded.verdict, voted_at = excluded.voted_at`,
        ).run(v.answerChannel, v.answerTs, v.user, v.verdict, v.entryId, v.question, v.at);
        return before === undefined ? 'new' : before['verdict'] === v.verdict ? 'unchanged' : 'changed';
      });
      return vote.immediate();
    });
  }

  async questionsSince(since: number): Promise<QuestionRow[]> {
    const rows = this.#run(() => this.#statement('SELECT * FROM questions WHERE received_at >= ? ORDER BY received_at').all(since)) as RawRow[];
    return rows.map(toQuestionRow);
  }

  async votesSince(since: number): Promise<Array<Pick<FeedbackVote, 'verdict' | 'entryId' | 'user' | 'at' | 'question'>>> {
    const rows = this.#run(() => this.#statement('SELECT verdict, entry_id, user_id, voted_at, question FROM feedback WHERE voted_at >= ?').all(since)) as RawRow[];
    return rows.map(toVote);
  }

  async recordPick(p: QuestionPick): Promise<void> {
    this.#run(() =>
      this.#statement('INSERT INTO picks (user_id, question, entry_id, picked_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, question, entry_id) DO NOTHING').run(p.user, p.question, p.entryId, p.at),
    );
  }

  async picksSince(since: number): Promise<QuestionPick[]> {
    const rows = this.#run(() => this.#statement('SELECT * FROM picks WHERE picked_at >= ? ORDER BY picked_at').all(since)) as RawRow[];
    return rows.map(toPick);
  }

  async addCuration(c: NewCuration): Promise<Curation> {
    return this.#run(() => {
      // IMMEDIATE: the write lock is taken before MAX(id) is read, so two processes never pick the same id.
      const add = this.#db.transaction((): number => {
        const id = Number((this.#statement('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM curations').get() as RawRow)['id']);
        this.#statement(
          'INSERT INTO curations (id, kind, entry_id, question, answer, citations, suggestion_id, by_user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(...curationColumns(id, c));
        return id;
      });
      return { ...c, id: add.immediate() };
    });
  }

  async curations(): Promise<Curation[]> {
    const rows = this.#run(() => this.#statement('SELECT * FROM curations ORDER BY id').all()) as RawRow[];
    return rows.map(toCuration);
  }

  async curationVersion(): Promise<number> {
    const row = this.#run(() => this.#statement('SELECT COALESCE(MAX(id), 0) AS version FROM curations').get()) as RawRow;
    return Number(row['version']);
  }

  async decideSuggestion(d: SuggestionDecision): Promise<boolean> {
    const result = this.#run(() =>
      this.#statement('INSERT INTO suggestion_decisions (suggestion_id, decision, by_user, decided_at) VALUES (?, ?, ?, ?) ON CONFLICT (suggestion_id) DO NOTHING').run(
        d.suggestionId,
        d.decision,
        d.by,
        d.at,
      ),
    );
    return result.changes === 1;
  }

  async suggestionDecisions(): Promise<SuggestionDecision[]> {
    const rows = this.#run(() => this.#statement('SELECT * FROM suggestion_decisions ORDER BY decided_at').all()) as RawRow[];
    return rows.map(toDecision);
  }

  async firstSight(key: string, expiresAt: number, now: number): Promise<boolean> {
    return this.#run(() => {
      const sight = this.#db.transaction((): boolean => {
        this.#statement('DELETE FROM seen_requests WHERE key = ? AND expires_at <= ?').run(key, now);
        return this.#statement('INSERT INTO seen_requests (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, expiresAt).changes === 1;
      });
      return sight.immediate();
    });
  }

  async forgetSight(key: string): Promise<void> {
    this.#run(() => this.#statement('DELETE FROM seen_requests WHERE key = ?').run(key));
  }

  async purge(before: number, now: number): Promise<number> {
    return this.#run(() => {
      this.#statement('DELETE FROM seen_requests WHERE expires_at <= ?').run(now);
      return this.#statement(
        `UPDATE questions SET text = NULL, response_url = NULL WHERE received_at < ? AND state IN ('answered', 'failed') AND (text IS NOT NULL OR response_url IS NOT NULL)`,
      ).run(before).changes;
    });
  }

  readonly #statements = new Map<string, Database.Statement>();

  /** Writes made during this event-loop turn, committed together when it ends. */
  #writes: Array<{ readonly write: () => unknown; readonly resolve: (value: never) => void; readonly reject: (error: unknown) => void }> = [];

  /**
   * Runs `write` in one transaction with the other batched writes of this event-loop turn, and
   * resolves once that has committed. A commit, not the statement, is most of a write's cost
   * (WAL frames for the row and each index, and checkpoints every thousand pages, which
   * stall for milliseconds): the outcomes recorded in one turn of the loop pay for one commit
   * together. For the worker's writes only, which nothing waits on but the worker itself.
   */
  #batched<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#writes.length === 0) endOfTurn(() => this.#flush());
      this.#writes.push({ write, resolve: resolve as (value: never) => void, reject });
    });
  }

  #flush(): void {
    const batch = this.#writes;
    if (batch.length === 0) return;
    this.#writes = [];
    if (batch.length > 1) {
      let results: unknown[] | undefined;
      try {
        results = this.#db.transaction(() => batch.map(({ write }) => write())).immediate();
      } catch {
        // One write failed and the transaction with it: each again on its own, so only it fails.
      }
      if (results) {
        batch.forEach(({ resolve }, i) => resolve(results[i] as never));
        return;
      }
    }
    for (const { write, resolve, reject } of batch) {
      try {
        resolve(this.#run(write) as never);
      } catch (error) {
        reject(error);
      }
    }
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a driver call, turning its failures (locked, disk full, closed) into StoreError. */
  #run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`The SQLite store ${this.file} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}
