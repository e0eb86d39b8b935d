import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../blocks/render-answer.ts';
import { renderNotice } from '../../blocks/render-help.ts';
import { decodeAnswerRef } from '../../blocks/action-values.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { clickOnce } from '../../click-once.ts';
import { buttonPlace } from './button-place.ts';

const GONE = "Sorry, I can't find that answer any more (the FAQ may have changed). Please ask again.";

/**
 * A "Did you mean…" choice (or an example question under an "unknown" reply): the chooser message
 * itself becomes the chosen answer, so there is one answer per chooser and no buttons left to
 * click again: `chat.update` in a channel thread or a DM, the response_url's `replace_original`
 * for a private /faq answer. A second click on the same chooser (a double click, or a click on a
 * copy Slack had not refreshed yet) does nothing, also when the two clicks reach two replicas.
 */
export function onChooseAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const place = buttonPlace(body);
    // One choice per chooser message, whichever button, whoever clicks first, on whichever replica.
    const chooser = `choice:${place.channel ?? 'private'}:${place.messageTs ?? action.action_ts}`;
    await clickOnce(deps, chooser, async () => {
      const ref = decodeAnswerRef(action.value);
      const engine = deps.getEngine();
      const answer = ref === null ? null : ref.entryId !== null ? engine.answerEntry(ref.entryId, ref.question) : engine.ask(ref.question);
      if (answer && ref?.entryId) await recordPick(deps, { user: body.user.id, question: ref.question, entryId: ref.entryId });
      if (place.ephemeral || place.channel === undefined || place.messageTs === undefined) {
        const message = answer ? renderAnswer(answer, { private: true, examples: engine.examples }) : renderNotice(GONE);
        await respond({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
        return;
      }
      const message = answer ? renderAnswer(answer, { examples: engine.examples, nativeFeedback: true }) : renderNotice(GONE);
      // If this fails, clickOnce gives the chooser back: it keeps its buttons, and a later click tries again.
      await client.chat.update({ channel: place.channel, ts: place.messageTs, text: message.text, blocks: message.blocks });
    });
  };
}

/**
 * Someone asked `question` and chose entry `entryId`: a vote for the question as a phrasing of
 * that entry (the curator inbox shows it once several people agree). A store that fails costs
 * the record, never the answer.
 */
async function recordPick(deps: ListenerDeps, pick: { user: string; question: string; entryId: string }): Promise<void> {
  if (!deps.picks) return;
  try {
    await deps.picks.recordPick({ ...pick, at: (deps.now ?? Date.now)() });
  } catch (error) {
    deps.logger.warn('faqbot: recording a "Did you mean" pick failed; the answer is posted all the same', error);
  }
}
