import type { JsonLogger } from '../json-logger.ts';
import type { AnswerOutcome } from '../slack/inbox/answer-claimed.ts';
import type { ClaimedQuestion, Store } from '../store/store.ts';
import type { AckFirstScheduler } from './ack-first-scheduler.ts';

export interface InboxWorkerOptions {
  readonly store: Store;
  /** This replica's id: whose claims are whose. */
  readonly owner: string;
  /** Answers one question; never throws for a Slack failure (those are outcomes). */
  readonly answer: (question: ClaimedQuestion) => Promise<AnswerOutcome>;
  readonly logger: JsonLogger;
  /** Acks overtake answering: each answer waits for a turn. */
  readonly scheduler?: AckFirstScheduler;
  /** Most questions answered at once by this replica. Default 32. */
  readonly maxActive?: number;
  /** A claim's lease; renewed every third of it while the answer is under way. Default 30 s. */
  readonly leaseMs?: number;
  /** How often to look for work nobody woke us for (other replicas' expired leases, retries due). Default 250 ms. */
  readonly pollMs?: number;
  /** After this many attempts a question is recorded as failed. Default 8. */
  readonly maxAttempts?: number;
  readonly now?: () => number;
  /** Told when Slack refuses the token, and when it accepts it again. */
  readonly onAuth?: (ok: boolean, reason: string) => void;
  /** Told when the store fails or answers again. */
  readonly onStore?: (ok: boolean, reason: string) => void;
}

/**
 * Answers the questions in the store's inbox: claims due ones with a lease (never more than
 * `maxActive` at once), answers each, records the outcome. Woken at once by `wake()` when this
 * replica stored a question, and by a short poll otherwise, which is also how it takes over the
 * claims of a replica that died (their leases run out) and retries that have come due.
 *
 * `stop()` stops claiming and waits (up to a limit) for the answers under way; whatever is still
 * unanswered then stays in the store, handed back for the next start or another replica.
 */
export class InboxWorker {
  readonly #o: Required<Omit<InboxWorkerOptions, 'scheduler' | 'onAuth' | 'onStore'>> & Pick<InboxWorkerOptions, 'scheduler' | 'onAuth' | 'onStore'>;
  readonly #active = new Map<string, Promise<void>>();
  #running = false;
  #loop: Promise<void> | undefined;
  #wakeUp: (() => void) | undefined;
  #woken = false;
  /** The last claim took as many as it asked for: more may be due. */
  #more = false;
  #renewTimer: NodeJS.Timeout | undefined;

  constructor(options: InboxWorkerOptions) {
    this.#o = { maxActive: 32, leaseMs: 30_000, pollMs: 250, maxAttempts: 8, now: Date.now, ...options };
  }

  /** Answers under way on this replica. */
  get active(): number {
    return this.#active.size;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
    this.#renewTimer = setInterval(() => void this.#renew(), Math.max(50, Math.floor(this.#o.leaseMs / 3)));
    this.#renewTimer.unref();
  }

  /** Something was stored: look now rather than at the next poll. */
  wake(): void {
    this.#woken = true;
    this.#wakeUp?.();
  }

  /**
   * Stops claiming, waits up to `timeoutMs` for the answers under way, then hands every claim
   * this replica still holds back to the store (due at once, for whoever starts next).
   * Resolves true if nothing was left unfinished.
   */
  async stop(timeoutMs: number, giveUp?: Promise<unknown>): Promise<boolean> {
    this.#running = false;
    this.#wakeUp?.();
    clearInterval(this.#renewTimer);
    await this.#loop;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const finished = Promise.all(this.#active.values()).then(() => true as const);
    const gaveUp = giveUp?.then(() => false as const, () => false as const);
    const clean = await Promise.race([finished, timedOut, ...(gaveUp ? [gaveUp] : [])]);
    clearTimeout(timer);
    try {
      await this.#o.store.releaseOwn(this.#o.owner, this.#o.now());
    } catch (error) {
      this.#o.logger.log('warn', 'Could not hand unfinished claims back to the store; they are taken over when their lease runs out', { error });
    }
    return clean;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let claimed: ClaimedQuestion[] = [];
      let room = this.#o.maxActive - this.#active.size;
      if (room > 0) {
        // A claim is answering work too: it waits while requests are being acked, and the
        // questions stored meanwhile are claimed together, one store round trip for the lot.
        await this.#o.scheduler?.turn();
        room = this.#o.maxActive - this.#active.size;
        this.#woken = false;
        try {
          claimed = await this.#o.store.claim({ owner: this.#o.owner, limit: room, leaseMs: this.#o.leaseMs, now: this.#o.now() });
          this.#o.onStore?.(true, 'ok');
        } catch (error) {
          this.#o.onStore?.(false, (error as Error).message);
          this.#o.logger.log('error', 'Cannot claim questions from the store; retrying', { error });
        }
        for (const question of claimed) this.#begin(question);
        // Fewer than asked for: nothing else is due now. As many: more may be, once there is room.
        this.#more = claimed.length >= room;
      }
      // Nothing more due, or full: wait for a wake-up, a finished answer (if more may be due), or the poll.
      if (!this.#more || this.#active.size >= this.#o.maxActive) await this.#pause();
    }
  }

  #pause(): Promise<void> {
    if (this.#woken && this.#active.size < this.#o.maxActive) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.#o.pollMs);
      timer.unref();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.#wakeUp = () => {
        this.#wakeUp = undefined;
        done();
      };
    });
  }

  #begin(question: ClaimedQuestion): void {
    const work = (async () => {
      await this.#o.scheduler?.turn();
      await this.#answer(question);
    })()
      .catch((error: unknown) => this.#o.logger.log('error', 'Answering a question from the inbox failed', { key: question.key, error }))
      .finally(() => {
        this.#active.delete(question.key);
        // A slot is free: worth a claim only if the last one left questions behind.
        if (this.#more) this.#wakeUp?.();
      });
    this.#active.set(question.key, work);
  }

  async #answer(question: ClaimedQuestion): Promise<void> {
    const { store, owner, logger } = this.#o;
    let outcome: AnswerOutcome;
    try {
      outcome = await this.#o.answer(question);
    } catch (error) {
      // A bug, not Slack: retried a few times (it may be the index being swapped), then recorded.
      logger.log('error', 'Answering failed unexpectedly', { key: question.key, error });
      outcome = { kind: 'retry', afterMs: 1000 * question.attempts, countAttempt: true, reason: (error as Error).message ?? String(error) };
    }
    const now = this.#o.now();
    if (outcome.kind === 'retry') {
      if (outcome.authFailed) this.#o.onAuth?.(false, outcome.reason);
      if (outcome.countAttempt && question.attempts >= this.#o.maxAttempts) {
        logger.log('error', `Giving up on a question after ${question.attempts} attempts: ${outcome.reason}`, { key: question.key, channel: question.channel });
        await store.complete(question.key, owner, { status: 'failed', entryId: null, score: null, answerTs: null, answeredAt: now, revision: question.revision, error: outcome.reason });
        return;
      }
      logger.log(outcome.countAttempt ? 'warn' : 'info', `Answer postponed: ${outcome.reason}`, { key: question.key, channel: question.channel, retryInMs: outcome.afterMs, attempt: question.attempts });
      await store.release(question.key, owner, now + outcome.afterMs, { countAttempt: outcome.countAttempt, error: outcome.reason });
      return;
    }
    this.#o.onAuth?.(true, 'ok');
    if (outcome.kind === 'failed') {
      logger.log('error', `Slack refused the answer: ${outcome.reason}`, { key: question.key, channel: question.channel });
      await store.complete(question.key, owner, { status: 'failed', entryId: null, score: null, answerTs: null, answeredAt: now, revision: question.revision, error: outcome.reason });
      return;
    }
    await store.complete(question.key, owner, {
      status: outcome.status,
      entryId: outcome.entryId,
      score: outcome.score,
      answerTs: outcome.answerTs,
      answeredAt: now,
      revision: question.revision,
    });
  }

  async #renew(): Promise<void> {
    if (this.#active.size === 0) return;
    try {
      await this.#o.store.renewLeases(this.#o.owner, this.#o.leaseMs, this.#o.now());
    } catch (error) {
      this.#o.logger.log('warn', 'Could not renew the leases on questions being answered', { error });
    }
  }
}
