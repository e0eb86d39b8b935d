import type { NewQuestion } from '../../store/store.ts';
import { isNewHumanMessage } from '../is-new-human-message.ts';
import { redactSecrets } from '../../redact-secrets.ts';
import { questionText } from '../question-text.ts';
import { decodeEntities } from '../decode-entities.ts';
import { isFollowUpQuestion } from '../follow-up-question.ts';

/** What an Events API delivery means for the inbox. */
export type Intake =
  | { readonly kind: 'question'; readonly question: NewQuestion }
  /** A question asked in a channel thread without a mention: stored only if the thread is the bot's. */
  | { readonly kind: 'follow-up'; readonly question: NewQuestion }
  /** Nothing to answer, and nothing for the listeners either: a remark in a thread ("thanks!"). */
  | { readonly kind: 'ignore' }
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

/** Public and private channels (`message.channels`, `message.groups`); DMs are answered as DMs. */
const CHANNEL_TYPES: ReadonlySet<string> = new Set(['channel', 'group']);

function isThreadReply(event: MessageLike): boolean {
  return CHANNEL_TYPES.has(event.channel_type ?? '') && event.thread_ts !== undefined && event.thread_ts !== event.ts;
}

function mentionsBot(text: string | undefined, botUserId: string | undefined): boolean {
  return botUserId !== undefined && (text ?? '').includes(`<@${botUserId}`);
}

/** The unique key of a question asked in a message: the same for every delivery of it. */
export function messageKey(team: string, channel: string, ts: string): string {
  return `${team}:${channel}:${ts}`;
}

/**
 * The question a delivery carries, if any: a person's mention of the bot (answered in its
 * thread), a person's DM (answered in the DM), a question asked in a channel thread without a
 * mention (a follow-up, if the thread turns out to be the bot's), or an edit of a mention or DM. Everything else (other
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
    if (!isDm && !mentionsBot(edited.text, botUserId)) return null;
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
  if (event.type === 'message' && isThreadReply(event)) {
    // A reply that mentions the bot arrives as app_mention too, and is answered as that.
    if (mentionsBot(event.text, botUserId)) return { kind: 'ignore' };
    if (!isFollowUpQuestion(decodeEntities(base.text))) return { kind: 'ignore' };
    return { kind: 'follow-up', question: { ...base, surface: 'thread', replyThreadTs: event.thread_ts ?? null } };
  }
  return null;
}
