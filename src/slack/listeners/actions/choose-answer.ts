import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderNotice } from '../../blocks/render-help.ts';
import { decodeAnswerRef } from '../../blocks/action-values.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { postReply } from '../../post-reply.ts';
import { buttonPlace } from './button-place.ts';

const GONE = "Sorry, I can't find that answer any more (the FAQ may have changed). Please ask again.";

/**
 * A "Did you mean…" choice (or an example question under an "unknown" reply): answers that entry
 * where the question was asked: in the same thread or DM, or privately for a /faq answer.
 */
export function onChooseAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    const engine = deps.getEngine();
    const answer = ref === null ? null : ref.entryId !== null ? engine.answerEntry(ref.entryId, ref.question) : engine.ask(ref.question);
    const place = buttonPlace(body);
    if (place.ephemeral || place.channel === undefined) {
      const message = answer ? renderAnswer(answer, { private: true, examples: engine.examples }) : renderNotice(GONE);
      await respond({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
      return;
    }
    const message = answer ? renderAnswer(answer, { examples: engine.examples }) : renderNotice(GONE);
    // In a channel our replies are always in a thread; in a DM they may be top level, and stay so.
    const threadTs = place.threadTs ?? (place.channel.startsWith('D') ? undefined : place.messageTs);
    await postReply(client, { channel: place.channel, threadTs }, message);
  };
}
