import type { ListenerDeps } from './listener-deps.ts';
import { isTransientSlackError } from './slack-errors.ts';

/**
 * Runs `reply` for the message (channel, ts) unless it has been answered recently: Slack retries an
 * event (`x-slack-retry-num`) and sometimes delivers it twice under new `event_id`s, and a mention
 * in a DM can arrive both as `app_mention` and `message.im`. A transient failure (network, 5xx,
 * rate limit) forgets the message again so that a later retry can still answer it; the error then
 * goes on to the app's error handler.
 */
export async function answerOnce(
  deps: Pick<ListenerDeps, 'seen' | 'logger'>,
  message: { readonly channel: string; readonly ts: string; readonly retryNum?: number | undefined },
  reply: () => Promise<unknown>,
): Promise<void> {
  const key = `${message.channel}:${message.ts}`;
  if (!deps.seen.add(key)) {
    deps.logger.debug('faqbot: message already answered, skipping', { key, retry_num: message.retryNum ?? null });
    return;
  }
  try {
    await reply();
  } catch (error) {
    if (isTransientSlackError(error)) deps.seen.delete(key);
    throw error;
  }
}
