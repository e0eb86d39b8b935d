/**
 * A suggestion in words, for the inbox and the modals: what kind it is, how often, and what the
 * bot answered the last time (mrkdwn, escaped).
 */
import type { Suggestion } from '../../curate/curation-service.ts';
import { escapeMrkdwn, truncate } from './block-kit.ts';

/**
 * An inbox row, and the head of both modals:
 * ```
 * *"who made openstack"*
 * Not answered · asked 3 times · the bot said it didn't know
 * ```
 */
export function describeSuggestion(s: Suggestion, maxQuestion: number): string {
  const facts = [kindLabel(s), howOften(s), `the bot ${whatTheBotSaid(s)}`].join(' · ');
  return `*“${escapeMrkdwn(truncate(oneLine(s.question), maxQuestion))}”*\n${facts}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function howOften(s: Suggestion): string {
  switch (s.kind) {
    case 'picked':
      return `picked by ${s.count} ${s.count === 1 ? 'person' : 'people'}`;
    case 'not_helpful':
      return `${s.count} vote${s.count === 1 ? '' : 's'}`;
    case 'unanswered':
      return `asked ${s.count === 1 ? 'once' : `${s.count} times`}`;
  }
}

function kindLabel(s: Suggestion): string {
  switch (s.kind) {
    case 'unanswered':
      return 'Not answered';
    case 'not_helpful':
      return 'Answer voted “Not helpful”';
    case 'picked':
      return 'Picked from “Did you mean”';
  }
}

/** What the bot answered, the last time it was asked. */
function whatTheBotSaid(s: Suggestion): string {
  const entry = s.answered.entryQuestion ?? s.answered.entryId;
  switch (s.answered.status) {
    case 'answered':
      return entry ? `answered with “${escapeMrkdwn(truncate(oneLine(entry), 150))}”` : 'answered from a passage';
    case 'ambiguous':
      return 'asked “Did you mean…”';
    case 'unknown':
      return "said it didn't know";
    case 'failed':
      return 'could not answer (an error)';
    default:
      return 'has no record of its answer';
  }
}
