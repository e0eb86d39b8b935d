import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { answerOnce } from '../../answer-once.ts';
import { isFollowUpQuestion } from '../../follow-up-question.ts';
import { incomingQuestion } from '../../incoming-question.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { postReply } from '../../post-reply.ts';

/** The fields of a channel `message` event this listener reads. */
interface ThreadReply {
  readonly channel: string;
  readonly ts: string;
  readonly channel_type?: string;
  readonly thread_ts?: string;
  readonly text?: string;
}

/** Public and private channels (`message.channels`, `message.groups`); DMs have their own listener. */
const CHANNEL_TYPES: ReadonlySet<string> = new Set(['channel', 'group']);

/**
 * A reply in a thread faqbot answered, without a mention: if it asks something, it is answered in
 * the thread, matched with the thread's first question as context ("and when was that?" after
 * "What did Microsoft pledge to competitors?"). "thanks!", "ok" or an emoji get no reply. A reply
 * that mentions faqbot is left to the app_mention listener, which Slack sends as well.
 */
export function onThreadFollowUp(deps: ListenerDeps) {
  return async ({ message, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const m = message as ThreadReply;
    if (!CHANNEL_TYPES.has(m.channel_type ?? '') || m.thread_ts === undefined || m.thread_ts === m.ts) return;
    if (context.botUserId && m.text?.includes(`<@${context.botUserId}`)) return;
    const earlier = await deps.botThreads.questionOf(m.channel, m.thread_ts);
    if (earlier === null) return;
    const question = await incomingQuestion(m.text, { botUserId: context.botUserId, names: deps.names });
    if (!isFollowUpQuestion(question)) return;
    const threadTs = m.thread_ts;
    await answerOnce(deps, { channel: m.channel, ts: m.ts, retryNum: context.retryNum }, async () => {
      const engine = deps.getEngine();
      const answer = engine.ask(question, { context: earlier });
      await postReply(client, { channel: m.channel, threadTs }, renderAnswer(answer, { examples: engine.examples, nativeFeedback: true }));
    });
  };
}
