import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../blocks/block-kit.ts';
import { postReply } from '../post-reply.ts';

/** The `metadata.event_type` of every answer: how a later attempt recognises one already posted. */
export const ANSWER_EVENT_TYPE = 'faqbot_answer';

/** Where an answer goes, and which question it answers. */
export interface AnswerTarget {
  readonly channel: string;
  /** The thread to answer in; null for inline (a DM). */
  readonly threadTs: string | null;
  /** The question's own ts: an inline answer comes after it. */
  readonly questionTs: string;
  /** The inbox key, carried in the answer's metadata. */
  readonly key: string;
}

/** Messages read per lookup: an answer comes soon after its question, so one page is enough. */
const LOOKUP_LIMIT = 200;

/**
 * Finds the answer to `target.key` already posted, if any: in the thread (`conversations.replies`)
 * or after the question inline (`conversations.history`), by the key in its metadata. Used before
 * posting again whenever an earlier attempt may have posted (a timeout, a reset connection, a
 * replica that died mid-post). Lookup failures propagate: with the outcome unknown, not posting
 * now is the safe choice.
 */
export async function findPostedAnswer(client: webApi.WebClient, target: AnswerTarget): Promise<string | null> {
  const result = target.threadTs
    ? await client.conversations.replies({ channel: target.channel, ts: target.threadTs, include_all_metadata: true, limit: LOOKUP_LIMIT })
    : await client.conversations.history({ channel: target.channel, oldest: target.questionTs, include_all_metadata: true, limit: LOOKUP_LIMIT });
  const messages = (result.messages ?? []) as Array<{ ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }>;
  const found = messages.find((m) => m.metadata?.event_type === ANSWER_EVENT_TYPE && m.metadata.event_payload?.['question_key'] === target.key);
  return found?.ts ?? null;
}

/** Posts the answer with its question key in `metadata`; resolves with its ts. */
export function postAnswer(client: webApi.WebClient, target: AnswerTarget, message: SlackMessage): Promise<string | null> {
  return postReply(client, { channel: target.channel, threadTs: target.threadTs ?? undefined }, message, {
    event_type: ANSWER_EVENT_TYPE,
    event_payload: { question_key: target.key },
  });
}
