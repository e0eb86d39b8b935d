import type { BlockAction, ButtonAction } from '@slack/bolt';

/** Where a clicked button lives: the message's channel, ts and thread, and whether it is private. */
export interface ButtonPlace {
  readonly channel: string | undefined;
  readonly messageTs: string | undefined;
  readonly threadTs: string | undefined;
  /** An ephemeral message (a /faq answer): only its response_url can change it. */
  readonly ephemeral: boolean;
  /** The message's blocks as Slack holds them; absent for ephemeral messages. */
  readonly blocks: readonly unknown[] | undefined;
  readonly text: string | undefined;
}

export function buttonPlace(body: BlockAction<ButtonAction>): ButtonPlace {
  const container = body.container as { channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
  const message = body.message as { ts?: string; thread_ts?: string; blocks?: unknown; text?: string } | undefined;
  return {
    channel: body.channel?.id ?? container.channel_id,
    messageTs: message?.ts ?? container.message_ts,
    threadTs: message?.thread_ts ?? container.thread_ts,
    ephemeral: container.is_ephemeral === true,
    blocks: Array.isArray(message?.blocks) ? message.blocks : undefined,
    text: message?.text,
  };
}
