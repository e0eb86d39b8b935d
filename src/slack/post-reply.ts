import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './blocks/block-kit.ts';

/** Where a reply goes: a channel or DM, and the thread in it if any. */
export interface ReplyTarget {
  readonly channel: string;
  readonly threadTs?: string | undefined;
}

/** Message metadata (chat.postMessage `metadata`): invisible to people, returned to the app on reads. */
export interface ReplyMetadata {
  readonly event_type: string;
  readonly event_payload: Record<string, string>;
}

/**
 * Posts a rendered message; resolves with its ts. Links are not unfurled: an answer quotes its
 * sources already, and a preview card per cited article would bury the quotes.
 */
export async function postReply(client: webApi.WebClient, target: ReplyTarget, message: SlackMessage, metadata?: ReplyMetadata): Promise<string | null> {
  const result = await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(metadata ? { metadata } : {}),
  });
  return result.ts ?? null;
}
