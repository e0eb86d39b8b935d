import type { App } from '@slack/bolt';
import { onlyNewHumanMessages } from '../../only-new-human-messages.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { onDirectMessage } from './direct-message.ts';

/**
 * The Events API types handled here. Bolt takes all of them as `message` (filtered by
 * `channel_type`); the manifest names them `message.<channel_type>`.
 */
export const events = ['message.im'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.message(onlyNewHumanMessages, onDirectMessage(deps));
}
