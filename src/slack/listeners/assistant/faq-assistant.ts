import { Assistant, type AssistantUserMessageMiddleware } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderHowTo, renderNotice } from '../../blocks/render-help.ts';
import { truncate } from '../../blocks/block-kit.ts';
import { answerOnce } from '../../answer-once.ts';
import { hasWords, incomingQuestion } from '../../incoming-question.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { postReply } from '../../post-reply.ts';
import { ASSISTANT_STATUS } from '../../assistant-progress.ts';

/** Slack shows at most four suggested prompts. */
const MAX_PROMPTS = 4;
/** Shown while the answer is being put together; Slack prefixes it with the app's name. */
const STATUS = ASSISTANT_STATUS;
const TITLE = 'Questions about the articles';
const GREETING = "Hi! Ask me anything about the articles I know, in your own words: I answer with quotes from them, and you can follow up in this thread.";

/**
 * faqbot in Slack's assistant panel (Agents & AI Apps). Opening it shows the FAQ's example
 * questions as suggested prompts; each message in the assistant thread is answered there with the
 * same Block Kit reply as a mention, after a "is looking through the articles…" status. Later
 * messages in the thread are matched with its first question as context, like thread follow-ups.
 */
export function createFaqAssistant(deps: ListenerDeps): Assistant {
  return new Assistant({
    // Not Bolt's default store: it keeps one context for the whole process, and on every
    // assistant_thread_context_changed reads the thread's history and edits faqbot's first message
    // to store it. faqbot answers from its articles whatever channel the person is looking at, so
    // the panel's channel context is not needed: getting it is empty, saving it (Bolt's default
    // handler for context changes) does nothing.
    threadContextStore: { get: async () => ({}), save: async () => undefined },
    threadStarted: async ({ event, client, setSuggestedPrompts, setTitle }) => {
      const engine = deps.getEngine();
      const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
      await postReply(client, { channel, threadTs }, renderNotice(GREETING));
      await setTitle(TITLE);
      const prompts = engine.examples.slice(0, MAX_PROMPTS).map((q) => ({ title: truncate(q, 75), message: q }));
      if (prompts.length > 0) await setSuggestedPrompts({ title: 'Try asking', prompts });
    },
    userMessage: onAssistantMessage(deps),
  });
}

interface AssistantMessage {
  readonly channel: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly text?: string;
  readonly user?: string;
  readonly bot_id?: string;
}

function onAssistantMessage(deps: ListenerDeps): AssistantUserMessageMiddleware {
  return async ({ message, client, context, setStatus, setTitle, logger }) => {
    const m = message as AssistantMessage;
    if (m.bot_id || typeof m.user !== 'string' || m.thread_ts === undefined) return;
    const threadTs = m.thread_ts;
    await answerOnce(deps, { channel: m.channel, ts: m.ts, retryNum: context.retryNum }, async () => {
      const engine = deps.getEngine();
      const question = await incomingQuestion(m.text, { botUserId: context.botUserId, names: deps.names });
      if (!hasWords(question)) {
        await postReply(client, { channel: m.channel, threadTs }, renderHowTo(engine, 'dm', context.botUserId));
        return;
      }
      // The status and title are cosmetic: failing to set them must not cost the answer.
      await setStatus(STATUS).catch((error: unknown) => logger.debug('faqbot: assistant status not set', { error: String(error) }));
      const earlier = await deps.botThreads.questionOf(m.channel, threadTs);
      if (earlier === null) await setTitle(truncate(question, 100)).catch(() => undefined);
      const answer = engine.ask(question, earlier === null ? undefined : { context: earlier });
      // Posting the reply clears the status.
      await postReply(client, { channel: m.channel, threadTs }, renderAnswer(answer, { examples: engine.examples, nativeFeedback: true }));
      await deps.botThreads.remember(m.channel, threadTs, question);
    });
  };
}
