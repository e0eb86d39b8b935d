import type { App } from '@slack/bolt';
import { onlyNewHumanMessages } from '../../only-new-human-messages.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { onDirectMessage } from './direct-message.ts';
import { onThreadFollowUp } from './thread-follow-up.ts';

/**
 * The Events API types handled here. Bolt takes all of them as `message` (filtered by
 * `channel_type`); the manifest names them `message.<channel_type>`: DMs, and replies in the
 * threads faqbot answered in public (`channels`) and private (`groups`) channels.
 */
export const events = ['message.im', 'message.channels', 'message.groups'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.message(onlyNewHumanMessages, onDirectMessage(deps));
  app.message(onlyNewHumanMessages, onThreadFollowUp(deps));
}
