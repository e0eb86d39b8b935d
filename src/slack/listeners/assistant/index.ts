import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../listener-deps.ts';
import { createFaqAssistant } from './faq-assistant.ts';

/**
 * The assistant panel's events; Bolt's Assistant takes them (and the `message.im` replies in its
 * threads) before the other listeners. The manifest test checks them against `manifest.yml`.
 */
export const events = ['assistant_thread_started', 'assistant_thread_context_changed'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.assistant(createFaqAssistant(deps));
}
