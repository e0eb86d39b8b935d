import { CURATE_FIELDS } from '../../blocks/curator-ids.ts';
import { readPhrasingMetadata } from '../../blocks/render-phrasing-modal.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { publishHome } from '../../publish-home.ts';
import { selectedValue, textValue } from '../../view-values.ts';
import { curatorForm } from './curator-submission.ts';
import { fieldErrors, savingFailed } from './submission-errors.ts';

const { question: QUESTION, entry: ENTRY } = CURATE_FIELDS;

/**
 * "Add as a phrasing" submitted: the question becomes a phrasing of the chosen entry (stored with
 * who and when; every replica answers it within seconds), the suggestion leaves the inbox, the
 * modal closes and the curator's Home is refreshed. Problems keep the modal open, said under the
 * field they are about.
 */
export function onPhrasingSubmitted(deps: ListenerDeps) {
  return curatorForm(deps, 'submit "Add as a phrasing"', readPhrasingMetadata, QUESTION.block, async ({ ack, view, client, context, user, curation, metadata }) => {
    const question = textValue(view, QUESTION);
    const entryId = selectedValue(view, ENTRY);
    const missing: Record<string, string> = {};
    if (!question) missing[QUESTION.block] = 'Type the question as people ask it.';
    if (!entryId) missing[ENTRY.block] = 'Choose the entry that answers it.';
    if (!entryId || !question) return ack(fieldErrors(missing));
    try {
      await curation.service.acceptPhrasing({ suggestionId: metadata.suggestionId, question, entryId, by: user, at: (deps.now ?? Date.now)() });
    } catch (error) {
      return ack(savingFailed(deps, error, ENTRY.block, 'adding a phrasing'));
    }
    await ack();
    deps.logger.info('faqbot: a curator added a phrasing', { user, entryId, suggestion: metadata.suggestionId });
    await publishHome(deps, client, user, context.botUserId);
  });
}
