import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS, CHOOSE_ACTION, FEEDBACK_ACTION } from '../../blocks/action-values.ts';
import { CURATE_ACTIONS } from '../../blocks/curator-ids.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { onChooseAnswer } from './choose-answer.ts';
import { onCurateDismiss, onCurateNewEntry, onCuratePhrasing } from './curate-buttons.ts';
import { onFeedback } from './feedback.ts';
import { onShareAnswer } from './share-answer.ts';

/**
 * The buttons handled here (action ids or patterns): the ones `blocks/render-answer.ts` draws, and
 * the curator inbox's (`blocks/render-curator-home.ts`).
 */
export const actionIds = [ACTION_IDS.share, CHOOSE_ACTION, FEEDBACK_ACTION, CURATE_ACTIONS.phrasing, CURATE_ACTIONS.newEntry, CURATE_ACTIONS.dismiss] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, onShareAnswer(deps));
  app.action<BlockAction<ButtonAction>>(CHOOSE_ACTION, onChooseAnswer(deps));
  app.action<BlockAction<ButtonAction>>(FEEDBACK_ACTION, onFeedback(deps));
  app.action<BlockAction<ButtonAction>>(CURATE_ACTIONS.phrasing, onCuratePhrasing(deps));
  app.action<BlockAction<ButtonAction>>(CURATE_ACTIONS.newEntry, onCurateNewEntry(deps));
  app.action<BlockAction<ButtonAction>>(CURATE_ACTIONS.dismiss, onCurateDismiss(deps));
}
