import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acknowledgeFeedback, renderAnswer, type Verdict } from '../../blocks/render-answer.ts';
import { voteReceipt } from '../../votes.ts';
import { renderNotice } from '../../blocks/render-help.ts';
import { ACTION_IDS, decodeAnswerRef, decodeVerdict } from '../../blocks/action-values.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { buttonPlace } from './button-place.ts';

/**
 * Helpful / Not helpful: the vote is kept per (answer, user) and can be changed by clicking the
 * other button; one structured line is logged. On a posted answer the buttons stay for everyone
 * else and only the voter is told (ephemeral); a private answer (/faq) is the voter's alone, so it
 * is replaced with its thank-you.
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
    // Message plus a fields object: a JSON logger (src/json-logger.ts) writes it as one line with those fields.
    deps.logger.info('faq_feedback', {
      event: 'faq_feedback',
      verdict,
      question: ref?.question ?? null,
      entryId: ref?.entryId ?? null,
      user,
      channel: place.channel ?? null,
      message_ts: place.messageTs ?? null,
    });
    const result = await deps.recordVote({
      answerChannel: place.channel ?? '',
      answerTs: place.messageTs ?? '',
      user,
      verdict,
      entryId: ref?.entryId ?? null,
      question: ref?.question ?? null,
      at: Date.now(),
    });

    if (!place.ephemeral && place.channel !== undefined) {
      await client.chat.postEphemeral({ channel: place.channel, user, text: voteReceipt(verdict, result), ...(place.threadTs ? { thread_ts: place.threadTs } : {}) });
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
