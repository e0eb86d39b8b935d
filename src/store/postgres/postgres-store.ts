import pg from 'pg';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../migrations/index.ts';
import { curationColumns, toClaimed, toCuration, toDecision, toPick, toQuestionRow, toVote, type RawRow } from '../rows.ts';
import { StoreError } from '../store-error.ts';
import type { AnswerRecord, ClaimedQuestion, ClaimOptions, Curation, EditResult, EnqueueResult, FeedbackVote, NewCuration, NewQuestion, QuestionPick, QuestionRow, Store, SuggestionDecision, VoteResult } from '../store.ts';

export interface PostgresStoreOptions {
  /** DATABASE_URL. */
  readonly connectionString: string;
  /** Tables live in this schema (created if missing); default the connection's (`public`). Tests use one each. */
  readonly schema?: string;
  /** Most connections this replica opens. Default 10. */
  readonly maxConnections?: number;
  /** Longest a connection attempt or a statement may take (ms), so an unreachable store fails fast. Default 5,000. */
  readonly timeoutMs?: number;
  /** Where pool errors of idle connections are reported (they would otherwise crash the process). */
  readonly onError?: (error: Error) => void;
}

/** Most questions in one INSERT (outcomes in one UPDATE), and most of those under way at once (each on its own connection). */
const MAX_BATCH = 200;
const MAX_PARALLEL_INSERTS = 2;

/** Any constant: the advisory lock every replica takes to migrate, one at a time. */
const MIGRATION_LOCK = 0x66617162; // "faqb"
/** The advisory lock under which a curation takes the next id. */
const CURATION_LOCK = 0x63757261; // "cura"

/**
 * The shared store for several replicas (`DATABASE_URL`). Claims use `FOR UPDATE SKIP LOCKED`, so
 * replicas claiming at once never block each other nor get the same question; migrations run
 * under an advisory lock, so replicas starting together apply each one once.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  /**
   * Connections of their own for what runs before an ack (enqueue, edits, replay checks): the
   * worker's claims and records never queue in front of an ack.
   */
  readonly #ackPool: pg.Pool;
  readonly #schema: string | undefined;

  constructor(options: PostgresStoreOptions) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error(`invalid schema name ${options.schema}`);
    this.#schema = options.schema;
    const timeoutMs = options.timeoutMs ?? 5_000;
    const poolOptions: pg.PoolConfig = {
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      query_timeout: timeoutMs + 1_000,
      idleTimeoutMillis: 30_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    };
    this.#pool = new pg.Pool(poolOptions);
    this.#ackPool = new pg.Pool(poolOptions);
    // An idle connection dropped by the server emits here; unhandled it would end the process.
    this.#pool.on('error', (error) => options.onError?.(error));
    this.#ackPool.on('error', (error) => options.onError?.(error));
  }

  async migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      if (this.#schema) {
        // Concurrent CREATE SCHEMA IF NOT EXISTS can still collide; the lock below serialises it.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, this.#schema]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.#schema}`);
      } else {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
      }
      await client.query(MIGRATIONS_TABLE);
      const applied = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r: RawRow) => Number(r['version'])));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
      }
    });
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1');
  }

  async close(): Promise<void> {
    await Promise.all([this.#pool.end(), this.#ackPool.end()]);
  }

  /** Drops this store's schema (tests only). */
  async dropSchema(): Promise<void> {
    if (this.#schema) await this.#query(`DROP SCHEMA IF EXISTS ${this.#schema} CASCADE`);
  }

  /**
   * Stores the question. Questions arriving while an insert is under way wait for it and go in
   * together, one INSERT and one commit (one fsync) for the lot: under a burst the commit, not
   * the statement, is what an ack waits for, and this way a burst pays it a few times, not once
   * per question.
   */
  enqueue(q: NewQuestion): Promise<EnqueueResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ question: q, resolve, reject });
      if (this.#inserting < MAX_PARALLEL_INSERTS) void this.#insertWaiting();
    });
  }

  readonly #waiting: Array<{ question: NewQuestion; resolve: (r: EnqueueResult) => void; reject: (e: unknown) => void }> = [];
  #inserting = 0;

  async #insertWaiting(): Promise<void> {
    this.#inserting += 1;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, MAX_BATCH);
        try {
          const values: unknown[] = [];
          const rows = batch.map(({ question: q }, i) => {
            values.push(q.key, q.team, q.channel, q.ts, q.threadTs, q.replyThreadTs, q.user, q.surface, q.text, q.responseUrl, q.receivedAt);
            const n = i * 11;
            return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}, $${n + 10}, $${n + 11}::bigint, $${n + 11}::bigint)`;
          });
          const result = await this.#ackQuery(
            `INSERT INTO questions (key, team, channel, ts, thread_ts, reply_thread_ts, user_id, surface, text, response_url, received_at, available_at)
             VALUES ${rows.join(', ')} ON CONFLICT (key) DO NOTHING RETURNING key`,
            values,
          );
          const inserted = new Set(result.rows.map((r: RawRow) => String(r['key'])));
          // A key twice in one batch (a retry racing its original) is new once.
          for (const { question, resolve } of batch) resolve(inserted.delete(question.key) ? 'new' : 'duplicate');
        } catch (error) {
          for (const { reject } of batch) reject(error);
        }
      }
    } finally {
      this.#inserting -= 1;
    }
  }

  async claim({ owner, limit, leaseMs, now }: ClaimOptions): Promise<ClaimedQuestion[]> {
    if (limit <= 0) return [];
    const result = await this.#query(
      `UPDATE questions q SET state = 'claimed', claimed_by = $1, available_at = $2, attempts = q.attempts + 1
       FROM (SELECT key FROM questions WHERE state IN ('pending', 'claimed') AND available_at <= $3
             ORDER BY available_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
       WHERE q.key = due.key RETURNING q.*`,
      [owner, now + leaseMs, now, limit],
    );
    return result.rows.map(toClaimed).sort((a, b) => a.receivedAt - b.receivedAt);
  }

  async renewLeases(owner: string, leaseMs: number, now: number): Promise<number> {
    // A row another statement holds is skipped, not waited for: it is being recorded (complete)
    // or edited right now. Waiting would deadlock with a batch of outcomes that holds some of
    // these rows and waits for others (seen under the loadtest: "deadlock detected").
    const result = await this.#query(
      `UPDATE questions SET available_at = $1
       WHERE key IN (SELECT key FROM questions WHERE state = 'claimed' AND claimed_by = $2 FOR UPDATE SKIP LOCKED)`,
      [now + leaseMs, owner],
    );
    return result.rowCount ?? 0;
  }

  async releaseOwn(owner: string, now: number): Promise<number> {
    const result = await this.#query(`UPDATE questions SET state = 'pending', available_at = $1 WHERE state = 'claimed' AND claimed_by = $2`, [now, owner]);
    return result.rowCount ?? 0;
  }

  async release(key: string, owner: string, availableAt: number, options: { countAttempt?: boolean; error?: string } = {}): Promise<void> {
    await this.#query(
      `UPDATE questions SET state = 'pending', available_at = $1, attempts = attempts - $2, last_error = COALESCE($3, last_error)
       WHERE key = $4 AND state = 'claimed' AND claimed_by = $5`,
      [availableAt, options.countAttempt === false ? 1 : 0, options.error ?? null, key, owner],
    );
  }

  /**
   * Records the outcome. Outcomes arriving while a record is under way wait for it and go in
   * together, one UPDATE and one commit for the lot (as enqueue does for questions): under a
   * burst each answer otherwise costs the database, and this process, a statement of its own.
   */
  complete(key: string, _owner: string, r: AnswerRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#outcomes.push({ key, record: r, resolve, reject });
      if (this.#recording < MAX_PARALLEL_INSERTS) void this.#recordOutcomes();
    });
  }

  readonly #outcomes: Array<{ key: string; record: AnswerRecord; resolve: () => void; reject: (e: unknown) => void }> = [];
  #recording = 0;

  async #recordOutcomes(): Promise<void> {
    this.#recording += 1;
    try {
      while (this.#outcomes.length > 0) {
        // A key once per statement (an UPDATE … FROM applies one source row per target row).
        const keys = new Set<string>();
        let size = 0;
        while (size < this.#outcomes.length && size < MAX_BATCH && !keys.has(this.#outcomes[size]?.key ?? '')) keys.add(this.#outcomes[size++]?.key ?? '');
        const batch = this.#outcomes.splice(0, size);
        try {
          const values: unknown[] = [];
          const rows = batch.map(({ key, record: r }, i) => {
            values.push(key, r.revision, r.status === 'failed' ? 'failed' : 'answered', r.answeredAt, r.status, r.entryId, r.score, r.answerTs, r.error ?? null);
            const n = i * 9;
            return `($${n + 1}::text, $${n + 2}::integer, $${n + 3}::text, $${n + 4}::bigint, $${n + 5}::text, $${n + 6}::text, $${n + 7}::double precision, $${n + 8}::text, $${n + 9}::text)`;
          });
          // The rows are locked in key order first: two batches sharing keys (a claim taken over
          // after its lease ran out) then wait for each other instead of deadlocking.
          await this.#query(
            `WITH o (key, revision, state, answered_at, status, entry_id, score, answer_ts, last_error) AS (VALUES ${rows.join(', ')}),
                  locked AS (SELECT key FROM questions WHERE key IN (SELECT key FROM o) ORDER BY key FOR UPDATE)
             UPDATE questions q SET
               state = CASE WHEN q.revision = o.revision THEN o.state ELSE 'pending' END,
               available_at = o.answered_at, status = o.status, entry_id = o.entry_id, score = o.score, answer_ts = COALESCE(o.answer_ts, q.answer_ts),
               answered_at = COALESCE(q.answered_at, o.answered_at), last_error = o.last_error
             FROM o WHERE q.key = o.key AND q.key IN (SELECT key FROM locked)`,
            values,
          );
          for (const { resolve } of batch) resolve();
        } catch (error) {
          for (const { reject } of batch) reject(error);
        }
      }
    } finally {
      this.#recording -= 1;
    }
  }

  async recordAnswered(q: NewQuestion, r: Omit<AnswerRecord, 'revision'>): Promise<void> {
    // The response_url is not kept: it is a credential, and the answer has been sent.
    await this.#query(
      `INSERT INTO questions (key, team, channel, ts, thread_ts, reply_thread_ts, user_id, surface, text, response_url, received_at, available_at, state, attempts, status, entry_id, score, answer_ts, answered_at, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $12, 1, $13, $14, $15, $16, $11, $17) ON CONFLICT (key) DO NOTHING`,
      [q.key, q.team, q.channel, q.ts, q.threadTs, q.replyThreadTs, q.user, q.surface, q.text, q.receivedAt, r.answeredAt, r.status === 'failed' ? 'failed' : 'answered', r.status, r.entryId, r.score, r.answerTs, r.error ?? null],
    );
  }

  async applyEdit(key: string, text: string, editedTs: string, now: number): Promise<EditResult> {
    const result = await this.#ackQuery(
      `UPDATE questions SET text = $1, edited_ts = $2, revision = revision + 1,
         state = CASE WHEN state = 'claimed' THEN 'claimed' ELSE 'pending' END,
         available_at = CASE WHEN state = 'claimed' THEN available_at ELSE $3 END
       WHERE key = $4 AND (edited_ts IS NULL OR edited_ts < $2)
       RETURNING answer_ts`,
      [text, editedTs, now, key],
    );
    const row = result.rows[0] as RawRow | undefined;
    if (row) return row['answer_ts'] === null ? 'pending' : 'reanswer';
    const exists = await this.#ackQuery('SELECT 1 FROM questions WHERE key = $1', [key]);
    return exists.rowCount ? 'stale' : 'unknown';
  }

  async oldestPendingAgeMs(now: number): Promise<number | null> {
    const result = await this.#query(`SELECT MIN(received_at) AS oldest FROM questions WHERE state IN ('pending', 'claimed')`);
    const oldest = (result.rows[0] as RawRow | undefined)?.['oldest'];
    return oldest === null || oldest === undefined ? null : now - Number(oldest);
  }

  async threadQuestion(channel: string, threadTs: string): Promise<string | null> {
    // Runs before a follow-up's ack (is this reply in one of the bot's threads?): the ack pool.
    const result = await this.#ackQuery(
      `SELECT text FROM questions WHERE state = 'answered' AND channel = $1 AND (reply_thread_ts = $2 OR answer_ts = $2) ORDER BY ts LIMIT 1`,
      [channel, threadTs],
    );
    const row = result.rows[0] as RawRow | undefined;
    return row === undefined ? null : String(row['text'] ?? '');
  }

  async recordVote(v: FeedbackVote): Promise<VoteResult> {
    // xmax = 0 tells an inserted row from an updated one; the old verdict comes from the CTE.
    const result = await this.#query(
      `WITH before AS (SELECT verdict FROM feedback WHERE answer_channel = $1 AND answer_ts = $2 AND user_id = $3)
       INSERT INTO feedback (answer_channel, answer_ts, user_id, verdict, entry_id, question, voted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (answer_channel, answer_ts, user_id) DO UPDATE SET verdict = excluded.verdict, voted_at = excluded.voted_at
       RETURNING (SELECT verdict FROM before) AS previous`,
      [v.answerChannel, v.answerTs, v.user, v.verdict, v.entryId, v.question, v.at],
    );
    const previous = (result.rows[0] as RawRow | undefined)?.['previous'];
    return previous === null || previous === undefined ? 'new' : previous === v.verdict ? 'unchanged' : 'changed';
  }

  async questionsSince(since: number): Promise<QuestionRow[]> {
    const result = await this.#query('SELECT * FROM questions WHERE received_at >= $1 ORDER BY received_at', [since]);
    return result.rows.map(toQuestionRow);
  }

  async votesSince(since: number): Promise<Array<Pick<FeedbackVote, 'verdict' | 'entryId' | 'user' | 'at' | 'question'>>> {
    const result = await this.#query('SELECT verdict, entry_id, user_id, voted_at, question FROM feedback WHERE voted_at >= $1', [since]);
    return result.rows.map(toVote);
  }

  async recordPick(p: QuestionPick): Promise<void> {
    await this.#query('INSERT INTO picks (user_id, question, entry_id, picked_at) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, question, entry_id) DO NOTHING', [
      p.user,
      p.question,
      p.entryId,
      p.at,
    ]);
  }

  async picksSince(since: number): Promise<QuestionPick[]> {
    const result = await this.#query('SELECT * FROM picks WHERE picked_at >= $1 ORDER BY picked_at', [since]);
    return result.rows.map(toPick);
  }

  async addCuration(c: NewCuration): Promise<Curation> {
    let id = 0;
    await this.#transaction(async (client) => {
      // Replicas adding at once take ids one after the other (the lock ends with the transaction).
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [CURATION_LOCK]);
      id = Number((await client.query('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM curations')).rows[0].id);
      await client.query(
        'INSERT INTO curations (id, kind, entry_id, question, answer, citations, suggestion_id, by_user, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        curationColumns(id, c),
      );
    });
    return { ...c, id };
  }

  async curations(): Promise<Curation[]> {
    const result = await this.#query('SELECT * FROM curations ORDER BY id');
    return result.rows.map(toCuration);
  }

  async curationVersion(): Promise<number> {
    const result = await this.#query('SELECT COALESCE(MAX(id), 0) AS version FROM curations');
    return Number((result.rows[0] as RawRow)['version']);
  }

  async decideSuggestion(d: SuggestionDecision): Promise<boolean> {
    const result = await this.#query(
      'INSERT INTO suggestion_decisions (suggestion_id, decision, by_user, decided_at) VALUES ($1, $2, $3, $4) ON CONFLICT (suggestion_id) DO NOTHING',
      [d.suggestionId, d.decision, d.by, d.at],
    );
    return result.rowCount === 1;
  }

  async suggestionDecisions(): Promise<SuggestionDecision[]> {
    const result = await this.#query('SELECT * FROM suggestion_decisions ORDER BY decided_at');
    return result.rows.map(toDecision);
  }

  async firstSight(key: string, expiresAt: number, now: number): Promise<boolean> {
    // An expired row is replaced; a live one wins. One statement, so two replicas cannot both win.
    const result = await this.#ackQuery(
      `INSERT INTO seen_requests (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_requests.expires_at <= $3`,
      [key, expiresAt, now],
    );
    return result.rowCount === 1;
  }

  async forgetSight(key: string): Promise<void> {
    await this.#ackQuery('DELETE FROM seen_requests WHERE key = $1', [key]);
  }

  async purge(before: number, now: number): Promise<number> {
    await this.#query('DELETE FROM seen_requests WHERE expires_at <= $1', [now]);
    const result = await this.#query(
      `UPDATE questions SET text = NULL, response_url = NULL WHERE received_at < $1 AND state IN ('answered', 'failed') AND (text IS NOT NULL OR response_url IS NOT NULL)`,
      [before],
    );
    return result.rowCount ?? 0;
  }

  async #query(sql: string, params: unknown[] = [], pool: pg.Pool = this.#pool): Promise<pg.QueryResult> {
    try {
      return await pool.query(sql, params);
    } catch (error) {
      throw storeError(error);
    }
  }

  #ackQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    return this.#query(sql, params, this.#ackPool);
  }

  async #transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw storeError(error);
    }
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw storeError(error);
    } finally {
      client.release();
    }
  }
}

function storeError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as { message?: string; code?: string };
  return new StoreError(`The PostgreSQL store failed: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ''}; check DATABASE_URL and that the server is up.`, { cause: error });
}
