import type { App, ViewSubmitAction } from '@slack/bolt';
import { CURATE_VIEWS } from '../../blocks/curator-ids.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { onEntrySubmitted } from './entry-submitted.ts';
import { onPhrasingSubmitted } from './phrasing-submitted.ts';

/** The modals whose view_submission is handled here (callback ids), the curator's two forms. */
export const viewCallbacks = [CURATE_VIEWS.phrasing, CURATE_VIEWS.newEntry] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(CURATE_VIEWS.phrasing, onPhrasingSubmitted(deps));
  app.view<ViewSubmitAction>(CURATE_VIEWS.newEntry, onEntrySubmitted(deps));
}
