import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgeFeedback, renderAnswer, type Verdict } from '../../blocks/render-answer.ts';
import { renderNotice } from '../../blocks/render-help.ts';
import { ACTION_IDS, decodeAnswerRef, decodeVerdict } from '../../blocks/action-values.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { buttonPlace } from './button-place.ts';

/**
 * Helpful / Not helpful: logs one structured line (what was asked, which entry answered, the
 * verdict, who said so), then replaces the buttons with a thank-you.
 */
export function onFeedback(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Native feedback buttons (one element) say which button in the value; the plain ones in the id.
    const verdict: Verdict =
      action.action_id === ACTION_IDS.native ? (decodeVerdict(action.value) ?? 'not_helpful') : action.action_id === ACTION_IDS.helpful ? 'helpful' : 'not_helpful';
    const ref = decodeAnswerRef(action.value);
    const place = buttonPlace(body);
    const user = body.user.id;
    // Logged first: the verdict is the point, even if updating the message fails. Message plus a
    // fields object: a JSON logger (src/json-logger.ts) writes it as one line with those fields.
    deps.logger.info('faq_feedback', {
      event: 'faq_feedback',
      verdict,
      question: ref?.question ?? null,
      entryId: ref?.entryId ?? null,
      user,
      channel: place.channel ?? null,
      message_ts: place.messageTs ?? null,
    });

    if (!place.ephemeral && place.channel !== undefined && place.messageTs !== undefined && place.blocks !== undefined) {
      await client.chat.update({
        channel: place.channel,
        ts: place.messageTs,
        text: place.text ?? 'faqbot answer',
        blocks: acknowledgeFeedback(place.blocks, verdict, user),
      });
      return;
    }
    // An ephemeral answer is not sent back with the click: rebuild it and replace it via response_url.
    const message = place.blocks !== undefined
      ? { text: place.text ?? 'faqbot answer', blocks: acknowledgeFeedback(place.blocks, verdict, user) }
      : rebuild(deps, ref, verdict, user);
    await respond({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
  };
}

function rebuild(deps: ListenerDeps, ref: ReturnType<typeof decodeAnswerRef>, verdict: Verdict, user: string) {
  if (ref === null) return renderNotice('Thanks for the feedback!');
  const engine = deps.getEngine();
  const answer = (ref.entryId !== null ? engine.answerEntry(ref.entryId, ref.question) : null) ?? engine.ask(ref.question);
  return renderAnswer(answer, { private: true, examples: engine.examples, feedback: { verdict, user } });
}
