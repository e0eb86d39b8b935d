import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/render-help.ts';
import type { ListenerDeps } from '../../listener-deps.ts';

/** Publishes the Home tab (articles, example questions, how to ask) each time someone opens it. */
export function onAppHomeOpened(deps: ListenerDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    // The same event fires for the Messages tab, which has nothing to publish.
    if (event.tab === 'messages') return;
    await client.views.publish({ user_id: event.user, view: renderHome(deps.getEngine(), context.botUserId) });
  };
}
