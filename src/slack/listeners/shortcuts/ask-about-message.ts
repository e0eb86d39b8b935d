import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderNotice } from '../../blocks/render-help.ts';
import type { SlackMessage } from '../../blocks/block-kit.ts';
import { hasWords, incomingQuestion } from '../../incoming-question.ts';
import { recordAsked } from '../../record-asked.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { describeError } from '../../../describe-error.ts';

/** The message shortcut's callback_id, as in manifest.yml. */
export const ASK_ABOUT_MESSAGE = 'faq_ask_about_message';

const NO_TEXT = 'That message has no text I can look up. Try the shortcut on a message with a question in it.';

/**
 * "Ask faqbot" on any message (the ⋯ menu): answers that message's text privately to the person
 * who clicked, exactly as `/faq` does: an ephemeral reply with "Share in channel".
 */
export function onAskAboutMessage(deps: ListenerDeps) {
  return async ({ shortcut, ack, respond, client, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const receivedAt = Date.now();
    const engine = deps.getEngine();
    const question = await incomingQuestion(shortcut.message.text, { botUserId: context.botUserId, names: deps.names });
    const answer = hasWords(question) ? engine.ask(question) : null;
    const message: SlackMessage = answer ? renderAnswer(answer, { private: true, examples: engine.examples }) : renderNotice(NO_TEXT);
    try {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      // As for /faq: chat.postEphemeral reaches the same person where the bot is a member.
      deps.logger.warn(`faqbot: shortcut response_url failed (${describeError(error).detail}); trying chat.postEphemeral`);
      await client.chat.postEphemeral({ channel: shortcut.channel.id, user: shortcut.user.id, text: message.text, blocks: message.blocks });
    }
    await recordAsked(deps, { surface: 'shortcut', team: shortcut.team?.id ?? '', channel: shortcut.channel.id, requestId: shortcut.trigger_id, user: shortcut.user.id, text: question, receivedAt }, answer);
  };
}
