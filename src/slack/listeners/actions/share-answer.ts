import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderNotice } from '../../blocks/render-help.ts';
import type { SlackMessage } from '../../blocks/block-kit.ts';
import { decodeAnswerRef } from '../../blocks/action-values.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { postReply } from '../../post-reply.ts';
import { platformError } from '../../slack-errors.ts';
import { clickOnce } from '../../click-once.ts';
import { buttonPlace } from './button-place.ts';

/** Errors meaning "the bot may not post here": the response_url can still post visibly. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/**
 * "Share in channel" under a private /faq answer: posts the same answer visibly, headed
 * "@person asked: …", then removes the private copy.
 */
export function onShareAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    if (ref === null) {
      const notice = renderNotice('Sorry, I could not share that answer. Please ask again.');
      await respond({ response_type: 'ephemeral', replace_original: false, text: notice.text, blocks: notice.blocks });
      return;
    }
    const { channel, messageTs } = buttonPlace(body);
    // A double click (perhaps reaching two replicas) shares once: the private copy is gone after it.
    const shared = await clickOnce(deps, `share:${channel ?? 'private'}:${messageTs ?? action.action_ts}`, async () => {
      const engine = deps.getEngine();
      // Re-asked rather than carried in the button: a value holds 2,000 characters, an answer more.
      const answer = (ref.entryId !== null ? engine.answerEntry(ref.entryId, ref.question) : null) ?? engine.ask(ref.question);
      const message = renderAnswer(answer, { askedBy: body.user.id, examples: engine.examples, nativeFeedback: true });
      if (channel === undefined || !(await postUnlessNotMember(client, channel, message))) {
        // Without chat:write.public the bot posts only where it is a member, but /faq works anywhere,
        // and the command's response_url can post visibly wherever it was used.
        deps.logger.info(`faqbot: cannot post in ${channel ?? '(unknown channel)'}; sharing through the response_url`);
        await respond({ response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
      }
    });
    if (shared) await respond({ delete_original: true });
  };
}

/** Posts the message; false if the bot is not allowed to post in the channel. */
async function postUnlessNotMember(client: AllMiddlewareArgs['client'], channel: string, message: SlackMessage): Promise<boolean> {
  try {
    await postReply(client, { channel }, message);
    return true;
  } catch (error) {
    if (NOT_A_MEMBER.has(platformError(error) ?? '')) return false;
    throw error;
  }
}
