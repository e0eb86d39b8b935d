import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Suggestion } from '../../../curate/curation-service.ts';
import type { CurationDeps } from '../../curation-deps.ts';
import { curatorOnly } from '../../curator-guard.ts';
import { renderEntryModal, MAX_PASSAGES } from '../../blocks/render-entry-modal.ts';
import { renderNoticeModal } from '../../blocks/render-notice-modal.ts';
import { renderPhrasingModal } from '../../blocks/render-phrasing-modal.ts';
import { VIEW_LIMITS, type ModalView } from '../../blocks/view-kit.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { publishHome } from '../../publish-home.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const UNAVAILABLE = "Sorry, the inbox can't be changed just now (the store did not answer). Nothing was changed; try again in a minute.";

const HANDLED =
  'This suggestion is no longer open: it was accepted or dismissed meanwhile (perhaps by another curator). Your Home tab now shows the inbox as it is.';

/** "Add as a phrasing of…": the entry picker, the likeliest entries first. */
export function onCuratePhrasing(deps: ListenerDeps) {
  return openModal(deps, 'open "Add as a phrasing of…"', (suggestion, curation) =>
    renderPhrasingModal(suggestion, curation.service.likelyEntries(suggestion.question, VIEW_LIMITS.selectOptions)),
  );
}

/** "New entry…": question, answer and a citation from the passages that best match. */
export function onCurateNewEntry(deps: ListenerDeps) {
  return openModal(deps, 'open "New entry…"', (suggestion, curation) =>
    // A few spare candidates: one too long to show whole is skipped, and the next one offered.
    renderEntryModal(suggestion, curation.service.candidatePassages(suggestion.question, MAX_PASSAGES * 2), deps.getEngine()),
  );
}

/** "Dismiss" (after Slack's confirm dialog): the suggestion leaves the inbox, by whom and when recorded. */
export function onCurateDismiss(deps: ListenerDeps) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const curation = await curatorOnly(deps, body.user.id, 'dismiss a suggestion');
    if (!curation) return;
    let decided: boolean;
    try {
      decided = await curation.service.dismiss(action.value ?? '', body.user.id, (deps.now ?? Date.now)());
    } catch (error) {
      await storeFailed(deps, client, body.trigger_id, 'dismissing a suggestion', error);
      return;
    }
    if (!decided) deps.logger.info('faqbot: a suggestion dismissed again (already decided); the inbox is refreshed', { suggestion: action.value });
    await publishHome(deps, client, body.user.id, context.botUserId);
  };
}

/**
 * Opens a curator modal for the suggestion the button names. The trigger_id is good for 3 s, so
 * the ack goes first and the modal is built from what is at hand (one store read). A suggestion
 * decided meanwhile gets a notice instead, and the Home tab is refreshed.
 */
function openModal(deps: ListenerDeps, what: string, render: (suggestion: Suggestion, curation: CurationDeps) => ModalView) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const curation = await curatorOnly(deps, body.user.id, what);
    if (!curation) return;
    let suggestion: Suggestion | null;
    try {
      suggestion = await curation.service.suggestion(action.value ?? '', (deps.now ?? Date.now)());
    } catch (error) {
      await storeFailed(deps, client, body.trigger_id, what, error);
      return;
    }
    if (!suggestion) {
      await client.views.open({ trigger_id: body.trigger_id, view: renderNoticeModal('Already handled', HANDLED) });
      await publishHome(deps, client, body.user.id, context.botUserId);
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: render(suggestion, curation) });
  };
}

/** The store failed under a curator's click: logged, and said in a modal (a Home click has nowhere else to answer). */
async function storeFailed(deps: ListenerDeps, client: ButtonArgs['client'], triggerId: string, what: string, error: unknown): Promise<void> {
  deps.logger.error(`faqbot: ${what} failed`, error);
  await client.views.open({ trigger_id: triggerId, view: renderNoticeModal('Not saved', UNAVAILABLE) });
}
