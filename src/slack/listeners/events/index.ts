import type { App } from '@slack/bolt';
import { onlyNewHumanMessages } from '../../only-new-human-messages.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { onAppHomeOpened } from './app-home-opened.ts';
import { onAppMention } from './app-mention.ts';

/** The Events API types handled here; the manifest test checks them against `manifest.yml`. */
export const events = ['app_mention', 'app_home_opened'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', onlyNewHumanMessages, onAppMention(deps));
  app.event('app_home_opened', onAppHomeOpened(deps));
}
