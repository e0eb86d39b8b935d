import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderHowTo } from '../../blocks/render-help.ts';
import { answerOnce } from '../../answer-once.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { postReply } from '../../post-reply.ts';
import { isNewHumanMessage } from '../../is-new-human-message.ts';
import { questionText } from '../../question-text.ts';

/**
 * `@faqbot <question>` in a channel: answers in the thread (the thread's parent if the mention is
 * a reply, else the mention itself). An empty mention gets a short how-to.
 */
export function onAppMention(deps: ListenerDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // Bolt's ignoreSelf drops only our own messages; another bot mentioning us must not start a loop,
    // and an edit or other subtype is not a new question.
    if (event.bot_id || !isNewHumanMessage(event.subtype)) return;
    await answerOnce(deps, { channel: event.channel, ts: event.ts, retryNum: context.retryNum }, async () => {
      const engine = deps.getEngine();
      const question = questionText(event.text, context.botUserId);
      const message = question
        ? renderAnswer(engine.ask(question), { examples: engine.examples })
        : renderHowTo(engine, 'mention', context.botUserId);
      await postReply(client, { channel: event.channel, threadTs: event.thread_ts ?? event.ts }, message);
    });
  };
}
