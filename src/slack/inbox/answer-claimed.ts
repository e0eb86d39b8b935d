import type { Logger, webApi } from '@slack/bolt';
import type { Engine } from '../../engine.ts';
import type { SlackMessage } from '../blocks/block-kit.ts';
import { renderAnswer } from '../blocks/render-answer.ts';
import { renderHowTo } from '../blocks/render-help.ts';
import type { ClaimedQuestion, QuestionStatus } from '../../store/store.ts';
import { describeError } from '../../describe-error.ts';
import { hasWords, incomingQuestion } from '../incoming-question.ts';
import { platformError } from '../slack-errors.ts';
import type { UserNameLookup } from '../user-names.ts';
import type { BotThreads } from '../bot-threads.ts';
import { showAssistantProgress } from '../assistant-progress.ts';
import { findPostedAnswer, postAnswer, type AnswerTarget } from './post-once.ts';

/** What became of one claimed question; the worker records it in the store. */
export type AnswerOutcome =
  | { readonly kind: 'done'; readonly status: QuestionStatus; readonly entryId: string | null; readonly score: number | null; readonly answerTs: string | null }
  /** Try again at `afterMs` from now; the store keeps it meanwhile. */
  | { readonly kind: 'retry'; readonly afterMs: number; readonly countAttempt: boolean; readonly reason: string; readonly authFailed?: boolean }
  /** Slack refused for good (not in the channel, archived…): recorded as failed, not retried. */
  | { readonly kind: 'failed'; readonly reason: string };

export interface AnswererDeps {
  /** A client without retries of its own (retries here look before they post) that throws on 429. */
  readonly client: webApi.WebClient;
  readonly getEngine: () => Engine;
  readonly logger: Logger;
  readonly botUserId?: string | undefined;
  /** Names for the user ids in a question, so it is echoed as people see it. */
  readonly names: UserNameLookup;
  /** The bot's threads and their first questions: the context of a question asked in one. */
  readonly botThreads: BotThreads;
}

/** Platform errors meaning the token no longer works: retried later (nothing lost), and /healthz says so. */
export const AUTH_ERRORS: ReadonlySet<string> = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'token_expired']);

/** How long to wait before another attempt: 1 s, 2 s, 4 s … up to a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Answers one question from the inbox, posting at most once: the answer carries the question's
 * key in its metadata, and whenever an earlier attempt may have posted (this is not the first
 * claim) the thread is searched for it first. An edit of a question already answered updates that
 * answer in place (`chat.update`). Slack failures become outcomes, never throws: a 429 is retried
 * after its Retry-After (only this question waits, not its neighbours in other channels), an
 * unknown outcome (timeout, reset, 5xx) after a backoff and a lookup.
 */
export function createAnswerer(deps: AnswererDeps): (question: ClaimedQuestion) => Promise<AnswerOutcome> {
  return async (q) => {
    const engine = deps.getEngine();
    const question = await incomingQuestion(q.text, { botUserId: deps.botUserId, names: deps.names });
    // Asked inside a thread the bot answered: read with that thread's first question as context.
    const earlier = q.threadTs !== null && q.threadTs !== q.ts && hasWords(question) ? await deps.botThreads.questionOf(q.channel, q.threadTs) : null;
    // A DM thread is where the assistant panel asks: its status and title, as the panel's listener sets them.
    if (q.surface === 'dm' && q.threadTs !== null && !q.answerTs && hasWords(question)) {
      await showAssistantProgress(deps.client, { channel: q.channel, threadTs: q.threadTs }, earlier === null ? question : null, deps.logger);
    }
    const answer = hasWords(question) ? engine.ask(question, earlier ? { context: earlier } : undefined) : null;
    // Posted answers carry Slack's native feedback buttons, as the listeners' answers do.
    const message: SlackMessage = answer
      ? renderAnswer(answer, { examples: engine.examples, nativeFeedback: true })
      : renderHowTo(engine, q.surface === 'dm' ? 'dm' : 'mention', deps.botUserId);
    const record = { status: answer?.status ?? ('unknown' as const), entryId: answer?.entryId ?? null, score: answer?.score ?? null };
    const target: AnswerTarget = { channel: q.channel, threadTs: q.replyThreadTs, questionTs: q.ts, key: q.key };
    try {
      if (q.answerTs) {
        await deps.client.chat.update({ channel: q.channel, ts: q.answerTs, text: message.text, blocks: message.blocks });
        return { kind: 'done', ...record, answerTs: q.answerTs };
      }
      if (q.attempts > 1) {
        const posted = await lookFirst(deps, target);
        if (posted !== null) {
          deps.logger.info(`faqbot: ${q.key} was answered by an earlier attempt; not posting again`);
          return { kind: 'done', ...record, answerTs: posted };
        }
      }
      return { kind: 'done', ...record, answerTs: await postAnswer(deps.client, target, message) };
    } catch (error) {
      return outcomeOfFailure(error, q.attempts);
    }
  };
}

/**
 * The answer already posted, if any. When Slack refuses the lookup itself (a workspace that did
 * not grant `channels:history`, say), there is no way to tell: posting is then the lesser harm
 * (a possible duplicate rather than a certain silence), and it is logged.
 */
async function lookFirst(deps: AnswererDeps, target: AnswerTarget): Promise<string | null> {
  try {
    return await findPostedAnswer(deps.client, target);
  } catch (error) {
    const refused = platformError(error);
    if (refused === null || AUTH_ERRORS.has(refused)) throw error;
    deps.logger.warn(`faqbot: cannot look for an earlier answer in ${target.channel} (${refused}); posting without checking`);
    return null;
  }
}

/** Sorts a failed Slack call into retry-later or failed-for-good. */
export function outcomeOfFailure(error: unknown, attempts: number): AnswerOutcome {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number };
  const { detail } = describeError(error);
  if (e.code === 'slack_webapi_rate_limited_error') {
    return { kind: 'retry', afterMs: Math.max(1, e.retryAfter ?? 1) * 1000, countAttempt: false, reason: `rate limited (${detail})` };
  }
  const refused = platformError(error);
  if (refused !== null) {
    if (AUTH_ERRORS.has(refused)) return { kind: 'retry', afterMs: 60_000, countAttempt: false, reason: refused, authFailed: true };
    if (refused === 'ratelimited') return { kind: 'retry', afterMs: 1000, countAttempt: false, reason: refused };
    return { kind: 'failed', reason: refused };
  }
  if (e.code === 'slack_webapi_http_error' && typeof e.statusCode === 'number' && e.statusCode < 500) return { kind: 'failed', reason: detail };
  // Network errors, timeouts, 5xx: it may or may not have been posted; the next attempt looks first.
  return { kind: 'retry', afterMs: backoffMs(attempts), countAttempt: true, reason: detail };
}
