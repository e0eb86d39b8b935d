import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../listener-deps.ts';
import { onFaqCommand } from './faq-command.ts';

/** The slash commands handled here; the manifest test checks them against `manifest.yml`. */
export const commands = ['/faq'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.command('/faq', onFaqCommand(deps));
}
