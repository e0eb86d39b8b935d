import { CURATE_FIELDS } from '../../blocks/curator-ids.ts';
import { readEntryMetadata } from '../../blocks/render-entry-modal.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { publishHome } from '../../publish-home.ts';
import { selectedValue, textValue } from '../../view-values.ts';
import { curatorForm } from './curator-submission.ts';
import { fieldErrors, savingFailed } from './submission-errors.ts';

const { question: QUESTION, answer: ANSWER, citation: CITATION } = CURATE_FIELDS;

/**
 * "New entry" submitted: a new entry with the chosen passage as its citation, word for word as the
 * modal showed it (the service verifies it against the article, as `check` does for faq.yml).
 * Stored with who and when, live on every replica; the modal closes and the Home is refreshed.
 */
export function onEntrySubmitted(deps: ListenerDeps) {
  return curatorForm(deps, 'submit "New entry"', readEntryMetadata, QUESTION.block, async ({ ack, view, client, context, user, curation, metadata }) => {
    const question = textValue(view, QUESTION);
    const answer = textValue(view, ANSWER);
    const chosen = selectedValue(view, CITATION);
    // The option's value is the passage's place in the list the modal showed, nothing else.
    const passage = chosen !== null && /^\d{1,2}$/.test(chosen) ? metadata.passages[Number(chosen)] : undefined;
    const missing: Record<string, string> = {};
    if (!question) missing[QUESTION.block] = 'Type the question.';
    if (!answer) missing[ANSWER.block] = 'Write a short answer, in your own words.';
    if (!passage) missing[CITATION.block] = 'Choose the passage that supports the answer.';
    if (!question || !answer || !passage) return ack(fieldErrors(missing));
    let entryId: string;
    try {
      const added = await curation.service.addEntry({
        suggestionId: metadata.suggestionId,
        question,
        answer,
        citations: [{ source: passage.source, quote: passage.quote }],
        by: user,
        at: (deps.now ?? Date.now)(),
      });
      entryId = added.entryId;
    } catch (error) {
      return ack(savingFailed(deps, error, CITATION.block, 'adding an entry'));
    }
    await ack();
    deps.logger.info('faqbot: a curator added an entry', { user, entryId, suggestion: metadata.suggestionId });
    await publishHome(deps, client, user, context.botUserId);
  });
}
