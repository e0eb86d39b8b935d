import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderHowTo } from '../../blocks/render-help.ts';
import { answerOnce } from '../../answer-once.ts';
import { hasWords, incomingQuestion } from '../../incoming-question.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { postReply } from '../../post-reply.ts';

/**
 * `@faqbot <question>` in a channel: answers in the thread (the thread's parent if the mention is
 * a reply, else the mention itself), and remembers the thread so that follow-ups there need no
 * mention. A mention in a thread faqbot already answered is matched with that thread's question as
 * context. An empty or emoji-only mention gets a short how-to. (Bots and edits are filtered out
 * before this listener: see `onlyNewHumanMessages`.)
 */
export function onAppMention(deps: ListenerDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    await answerOnce(deps, { channel: event.channel, ts: event.ts, retryNum: context.retryNum }, async () => {
      const engine = deps.getEngine();
      const threadTs = event.thread_ts ?? event.ts;
      const question = await incomingQuestion(event.text, { botUserId: context.botUserId, names: deps.names });
      if (!hasWords(question)) {
        await postReply(client, { channel: event.channel, threadTs }, renderHowTo(engine, 'mention', context.botUserId));
        return;
      }
      const earlier = event.thread_ts ? await deps.botThreads.questionOf(event.channel, event.thread_ts) : null;
      const answer = engine.ask(question, earlier === null ? undefined : { context: earlier });
      await postReply(client, { channel: event.channel, threadTs }, renderAnswer(answer, { examples: engine.examples, nativeFeedback: true }));
      await deps.botThreads.remember(event.channel, threadTs, question);
    });
  };
}
