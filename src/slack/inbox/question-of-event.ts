import type { NewQuestion } from '../../store/store.ts';
import { isNewHumanMessage } from '../is-new-human-message.ts';
import { redactSecrets } from '../../redact-secrets.ts';
import { questionText } from '../question-text.ts';

/** What an Events API delivery means for the inbox. */
export type Intake =
  | { readonly kind: 'question'; readonly question: NewQuestion }
  | { readonly kind: 'edit'; readonly key: string; readonly text: string; readonly editedTs: string };

interface MessageLike {
  readonly type?: string;
  readonly subtype?: string;
  readonly channel?: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts?: string;
  readonly thread_ts?: string;
  readonly edited?: { readonly ts?: string };
  readonly message?: MessageLike;
}

/**
 * The text kept in the store: the bot's mention removed and anything shaped like a token or
 * secret redacted (a pasted secret is never stored). Slack's markup stays, made readable when
 * the question is answered (that may need users.info, which has no place before an ack).
 */
function storedText(text: string | undefined, botUserId: string | undefined): string {
  return redactSecrets(questionText(text, botUserId));
}

/** The unique key of a question asked in a message: the same for every delivery of it. */
export function messageKey(team: string, channel: string, ts: string): string {
  return `${team}:${channel}:${ts}`;
}

/**
 * The question a delivery carries, if any: a person's mention of the bot (answered in its
 * thread), a person's DM (answered in the DM), or an edit of either. Everything else (other
 * bots, joins, deletions, App Home) is null and goes to the listeners as before.
 *
 * A DM that mentions the bot arrives as both `app_mention` and `message.im`: both give the same
 * key, so it is answered once.
 */
export function questionOfEvent(body: Record<string, unknown>, botUserId: string | undefined, receivedAt: number): Intake | null {
  if (body['type'] !== 'event_callback') return null;
  const event = body['event'] as MessageLike | undefined;
  const team = typeof body['team_id'] === 'string' ? body['team_id'] : '';
  if (!event?.channel) return null;
  const isDm = event.channel_type === 'im' || (event.channel_type === undefined && event.channel.startsWith('D'));

  if (event.type === 'message' && event.subtype === 'message_changed' && event.message) {
    const edited = event.message;
    if (!edited.ts || edited.bot_id || !edited.user) return null;
    const mentions = botUserId !== undefined && (edited.text ?? '').includes(`<@${botUserId}`);
    if (!isDm && !mentions) return null;
    return { kind: 'edit', key: messageKey(team, event.channel, edited.ts), text: storedText(edited.text, botUserId), editedTs: edited.edited?.ts ?? event.ts ?? '' };
  }

  if (!event.ts || event.bot_id || typeof event.user !== 'string' || !isNewHumanMessage(event.subtype)) return null;
  const base = {
    key: messageKey(team, event.channel, event.ts),
    team,
    channel: event.channel,
    ts: event.ts,
    threadTs: event.thread_ts ?? null,
    user: event.user ?? null,
    text: storedText(event.text, botUserId),
    responseUrl: null,
    receivedAt,
  };
  if (event.type === 'app_mention') {
    // Mentions are answered in the thread: the thread's parent if the mention is a reply.
    return { kind: 'question', question: { ...base, surface: isDm ? 'dm' : 'mention', replyThreadTs: isDm ? (event.thread_ts ?? null) : (event.thread_ts ?? event.ts) } };
  }
  if (event.type === 'message' && isDm) {
    // A DM is a conversation: answered inline, unless asked in a thread.
    return { kind: 'question', question: { ...base, surface: 'dm', replyThreadTs: event.thread_ts ?? null } };
  }
  return null;
}
