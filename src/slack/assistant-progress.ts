import type { Logger, webApi } from '@slack/bolt';
import { truncate } from './blocks/block-kit.ts';

/** What the assistant panel shows under the thread while faqbot works on an answer. */
export const ASSISTANT_STATUS = 'is looking through the articles…';

/**
 * For a question asked in a DM thread (the assistant panel's threads are DM threads): shows the
 * status while the answer is prepared (posting the answer clears it) and, on the thread's first
 * question, names the thread after it. Cosmetic, so never fails: outside an assistant thread Slack
 * refuses both, which costs nothing but a debug line.
 */
export async function showAssistantProgress(client: webApi.WebClient, at: { channel: string; threadTs: string }, firstQuestion: string | null, logger: Logger): Promise<void> {
  const thread = { channel_id: at.channel, thread_ts: at.threadTs };
  const quiet = (what: string) => (error: unknown) => logger.debug(`faqbot: assistant ${what} not set (${String(error)})`);
  await client.assistant.threads.setStatus({ ...thread, status: ASSISTANT_STATUS }).catch(quiet('status'));
  if (firstQuestion !== null) await client.assistant.threads.setTitle({ ...thread, title: truncate(firstQuestion, 100) }).catch(quiet('title'));
}
