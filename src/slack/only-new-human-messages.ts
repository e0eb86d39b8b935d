import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { isNewHumanMessage } from './is-new-human-message.ts';

/**
 * Listener middleware for every message-shaped event (`message.*`, `app_mention`): lets through only
 * a person's new message. Bolt's ignoreSelf drops only faqbot's own messages; another bot's message
 * must not start a loop, and an edit, a deletion or a join is not a new question.
 */
export const onlyNewHumanMessages: Middleware<AnyMiddlewareArgs> = async ({ payload, next }) => {
  const m = payload as { subtype?: unknown; bot_id?: unknown; user?: unknown };
  const subtype = typeof m.subtype === 'string' ? m.subtype : undefined;
  if (!isNewHumanMessage(subtype) || m.bot_id !== undefined || typeof m.user !== 'string') return;
  await next();
};
