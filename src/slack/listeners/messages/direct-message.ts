import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderHowTo } from '../../blocks/render-help.ts';
import { answerOnce } from '../../answer-once.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { postReply } from '../../post-reply.ts';
import { hasWords, incomingQuestion } from '../../incoming-question.ts';

/** The fields of a `message` event this listener reads; every subtype has a different shape. */
interface MessageFields {
  readonly channel: string;
  readonly ts: string;
  readonly channel_type?: string;
  readonly subtype?: string;
  readonly bot_id?: string;
  readonly user?: string;
  readonly text?: string;
  readonly thread_ts?: string;
}

/** True for a message in a DM with the bot (people's new messages only reach this far). */
export function isDirectMessage(message: MessageFields): boolean {
  // Slack always sets channel_type on message.im; a DM channel id is the fallback for payloads without it.
  return message.channel_type === 'im' || (message.channel_type === undefined && message.channel.startsWith('D'));
}

/**
 * A direct message to the bot: every message is a question, answered in the DM. (Bots, edits and
 * other subtypes are filtered out before this listener: see `onlyNewHumanMessages`.)
 */
export function onDirectMessage(deps: ListenerDeps) {
  return async ({ message, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const m = message as MessageFields;
    if (!isDirectMessage(m)) return;
    await answerOnce(deps, { channel: m.channel, ts: m.ts, retryNum: context.retryNum }, async () => {
      const engine = deps.getEngine();
      const question = await incomingQuestion(m.text, { botUserId: context.botUserId, names: deps.names });
      const reply = hasWords(question) ? renderAnswer(engine.ask(question), { examples: engine.examples, nativeFeedback: true }) : renderHowTo(engine, 'dm', context.botUserId);
      // A DM is a conversation: answer inline, unless the question was itself asked in a thread.
      await postReply(client, { channel: m.channel, threadTs: m.thread_ts }, reply);
    });
  };
}
