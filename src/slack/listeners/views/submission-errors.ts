import type { ViewResponseAction } from '@slack/bolt';
import { isCuratorMistake } from '../../curator-mistake.ts';
import type { ListenerDeps } from '../../listener-deps.ts';

/** Field errors under the named input blocks: the modal stays open, nothing is saved. */
export function fieldErrors(errors: Record<string, string>): ViewResponseAction {
  return { response_action: 'errors', errors };
}

/** The answer to a view_submission from someone who is not a curator: refused, nothing changed. */
export function notACurator(block: string): ViewResponseAction {
  return fieldErrors({ [block]: "Only curators (FAQBOT_CURATORS) can change what faqbot knows; nothing was changed." });
}

/** A form whose hidden part is missing or damaged (a stale or forged view). */
export function outOfDate(block: string): ViewResponseAction {
  return fieldErrors({ [block]: 'This form is out of date: close it and start again from the Home tab. Nothing was changed.' });
}

/**
 * What the curator sees when saving failed: the service's own message for a curator's mistake,
 * under `block`; a plain apology for our failures (logged, never a stack trace in Slack).
 */
export function savingFailed(deps: ListenerDeps, error: unknown, block: string, what: string): ViewResponseAction {
  if (isCuratorMistake(error)) return fieldErrors({ [block]: error.message.slice(0, 2000) });
  deps.logger.error(`faqbot: ${what} failed`, error);
  return fieldErrors({ [block]: "Sorry, that could not be saved just now (the store did not answer). Nothing was changed; try again in a minute." });
}
