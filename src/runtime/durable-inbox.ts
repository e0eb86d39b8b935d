import type { App } from '@slack/bolt';
import type { JsonLogger } from '../json-logger.ts';
import { questionOfEvent } from '../slack/inbox/question-of-event.ts';
import type { Store } from '../store/store.ts';
import type { Health } from './http-receiver.ts';

/** A signed request (command, click) is remembered this long: Slack refuses older signatures anyway. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/** /healthz turns 503 when a question has waited this long unanswered. */
export const MAX_PENDING_AGE_MS = 60_000;

/** How long /healthz waits for the store before calling it unreachable. */
const PING_TIMEOUT_MS = 2_000;

type Body = Parameters<App['processEvent']>[0]['body'];

/**
 * The runtime's side of the store: takes questions in before their ack, remembers signed requests
 * for replay detection, and says whether this replica is healthy. The worker that answers what is
 * stored is separate (InboxWorker) and is woken through `onStored`.
 */
export class DurableInbox {
  readonly store: Store;
  readonly #logger: JsonLogger;
  readonly #now: () => number;
  #botUserId: string | undefined;
  #onStored: () => void = () => undefined;
  #auth: { ok: boolean; reason: string } = { ok: true, reason: 'ok' };
  #storeProblem: string | undefined;

  constructor(store: Store, logger: JsonLogger, now: () => number = Date.now) {
    this.store = store;
    this.#logger = logger;
    this.#now = now;
  }

  /** Known once auth.test answered: the bot's mention is taken out of questions. */
  set botUserId(id: string | undefined) {
    this.#botUserId = id;
  }

  set onStored(listener: () => void) {
    this.#onStored = listener;
  }

  /**
   * For the dispatcher, before the ack: stores the question this delivery carries (or applies
   * the edit) and resolves true; also true for a thread reply that needs no answer (not a question,
   * or not in one of the bot's threads); false when the delivery is for the listeners. Rejects if the store fails, so the
   * delivery is not acked and Slack sends it again.
   */
  readonly intake = async (body: Body): Promise<boolean> => {
    const intake = questionOfEvent(body, this.#botUserId, this.#now());
    if (intake === null) return false;
    if (intake.kind === 'ignore') return true;
    if (intake.kind === 'follow-up') {
      // Only a thread the bot answered in (on any replica, before any restart) takes follow-ups.
      if ((await this.store.threadQuestion(intake.question.channel, intake.question.threadTs ?? '')) === null) return true;
    }
    if (intake.kind === 'question' || intake.kind === 'follow-up') {
      const result = await this.store.enqueue(intake.question);
      if (result === 'duplicate') this.#logger.log('debug', 'Question already in the inbox (a retry or duplicate delivery)', { key: intake.question.key });
    } else {
      const result = await this.store.applyEdit(intake.key, intake.text, intake.editedTs, this.#now());
      this.#logger.log('debug', 'Edit of a question', { key: intake.key, result });
    }
    this.#onStored();
    return true;
  };

  /** For the dispatcher: false when this signed request was seen in the last 5 minutes. */
  readonly firstSight = (requestKey: string): Promise<boolean> => {
    const now = this.#now();
    return this.store.firstSight(requestKey, now + REPLAY_WINDOW_MS, now);
  };

  /** The worker reports whether Slack accepts the token. */
  reportAuth(ok: boolean, reason: string): void {
    if (!ok && this.#auth.ok) this.#logger.log('error', `Slack refuses the bot token (${reason}): reinstall the app or fix SLACK_BOT_TOKEN; questions wait in the store meanwhile`);
    this.#auth = { ok, reason };
  }

  /** The worker reports whether the store answers its claims. */
  reportStore(ok: boolean, reason: string): void {
    this.#storeProblem = ok ? undefined : reason;
  }

  /** Unhealthy when the store does not answer, Slack refuses the token, or a question waits over 60 s. */
  async health(): Promise<Health> {
    const reasons: string[] = [];
    const now = this.#now();
    try {
      const age = await withTimeout(this.store.oldestPendingAgeMs(now), PING_TIMEOUT_MS, 'the store did not answer within 2 s');
      if (age !== null && age > MAX_PENDING_AGE_MS) reasons.push(`the oldest unanswered question has waited ${Math.round(age / 1000)} s`);
    } catch (error) {
      reasons.push(`store unreachable: ${(error as Error).message}`);
    }
    if (this.#storeProblem !== undefined && reasons.length === 0) reasons.push(`store failing: ${this.#storeProblem}`);
    if (!this.#auth.ok) reasons.push(`Slack refuses the bot token: ${this.#auth.reason}`);
    return { healthy: reasons.length === 0, reasons };
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
