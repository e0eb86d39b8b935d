import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../listener-deps.ts';
import { publishHome } from '../../publish-home.ts';

/**
 * Publishes the Home tab (articles, example questions, how to ask; for curators also the week's
 * figures and the inbox) each time someone opens it.
 */
export function onAppHomeOpened(deps: ListenerDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    // The same event fires for the Messages tab, which has nothing to publish.
    if (event.tab === 'messages') return;
    await publishHome(deps, client, event.user, context.botUserId);
  };
}
