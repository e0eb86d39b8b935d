import type { App, MessageShortcut } from '@slack/bolt';
import type { ListenerDeps } from '../../listener-deps.ts';
import { ASK_ABOUT_MESSAGE, onAskAboutMessage } from './ask-about-message.ts';

/** The shortcuts' callback_ids; the manifest test checks them against `manifest.yml`. */
export const shortcuts = [ASK_ABOUT_MESSAGE] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>(ASK_ABOUT_MESSAGE, onAskAboutMessage(deps));
}
