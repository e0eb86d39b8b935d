import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderUsage } from '../../blocks/render-help.ts';
import type { SlackMessage } from '../../blocks/block-kit.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { describeError } from '../../../describe-error.ts';
import { hasWords, incomingQuestion } from '../../incoming-question.ts';
import { recordAsked } from '../../record-asked.ts';

/** `/faq`, `/faq help` (and `/faq ?`) show usage; anything else is a question. */
const HELP = /^(?:help|\?)$/i;

/**
 * `/faq <question>`: acknowledged at once (Slack gives up after 3 s), then answered privately
 * through the command's response_url, with a "Share in channel" button.
 */
export function onFaqCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const receivedAt = Date.now();
    const engine = deps.getEngine();
    const question = await incomingQuestion(command.text, { botUserId: context.botUserId, names: deps.names });
    const answer = !hasWords(question) || HELP.test(question) ? null : engine.ask(question);
    const message: SlackMessage = answer === null ? renderUsage(engine, context.botUserId) : renderAnswer(answer, { private: true, examples: engine.examples });
    try {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      // A response_url can be unreachable (expired, network); chat.postEphemeral reaches the same
      // person where the bot is a member. If that fails too, the error handler takes over.
      deps.logger.warn(`faqbot: /faq response_url failed (${describeError(error).detail}); trying chat.postEphemeral`);
      await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: message.text, blocks: message.blocks });
    }
    await recordAsked(deps, { surface: 'command', team: command.team_id, channel: command.channel_id, requestId: command.trigger_id, user: command.user_id, text: question, receivedAt }, answer);
  };
}
