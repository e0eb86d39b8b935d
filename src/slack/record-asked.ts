import type { Logger } from '@slack/bolt';
import type { Answer } from '../answer/types.ts';
import type { AnswerRecord, NewQuestion, Surface } from '../store/store.ts';

/** The store's recordAnswered: questions answered outside the inbox, for stats and curation. */
export type RecordAnswered = (question: NewQuestion, record: Omit<AnswerRecord, 'revision'>) => Promise<void>;

/** A question asked on a surface answered at once (/faq, the message shortcut). */
export interface AskedAtOnce {
  readonly surface: Surface;
  readonly team: string;
  readonly channel: string;
  /** Unique per request (its trigger_id): what makes the record's key. */
  readonly requestId: string;
  readonly user: string;
  /** As the engine read it (entities decoded, secrets redacted). */
  readonly text: string;
  readonly receivedAt: number;
}

/**
 * Records what was asked and how it was answered, after the answer was sent. Never throws: the
 * person has their answer, so a store that fails here costs a line in the record, not the reply.
 */
export async function recordAsked(deps: { readonly recordAnswered?: RecordAnswered | undefined; readonly logger: Logger }, asked: AskedAtOnce, answer: Answer | null, now: number = Date.now()): Promise<void> {
  if (!deps.recordAnswered || answer === null) return;
  const question: NewQuestion = {
    key: `${asked.team}:${asked.channel}:${asked.surface}:${asked.requestId}`,
    team: asked.team,
    channel: asked.channel,
    ts: asked.requestId,
    threadTs: null,
    replyThreadTs: null,
    user: asked.user,
    surface: asked.surface,
    text: asked.text,
    responseUrl: null,
    receivedAt: asked.receivedAt,
  };
  try {
    await deps.recordAnswered(question, { status: answer.status, entryId: answer.entryId, score: answer.score, answerTs: null, answeredAt: now });
  } catch (error) {
    deps.logger.warn(`faqbot: could not record a ${asked.surface} question in the store (${String(error)}); it was answered`);
  }
}
