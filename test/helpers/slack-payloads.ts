/**
 * Request bodies as Slack sends them (trimmed to the fields Bolt and faqbot read). Each builder
 * takes overrides; ids and timestamps default to fresh values so tests never collide.
 */
let counter = 0;

/** A fresh message timestamp, `seconds.micro` like Slack's. */
export function nextTs(): string {
  counter += 1;
  return `1700000000.${String(counter).padStart(6, '0')}`;
}

function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(8, '0')}`;
}

export const TEAM = 'T0TEAM';
export const BOT_USER = 'U0BOT';
export const BOT_ID = 'B0BOT';
export const USER = 'U0ALICE';

/** The Events API envelope around an event. */
export function eventEnvelope(event: Record<string, unknown>, overrides: { eventId?: string } = {}): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0FAQBOT',
    event,
    type: 'event_callback',
    event_id: overrides.eventId ?? nextId('Ev'),
    event_time: 1700000000,
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function mentionEvent(fields: { text: string; channel?: string; ts?: string; thread_ts?: string; user?: string; bot_id?: string; subtype?: string }): Record<string, unknown> {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: fields.user ?? USER,
    text: fields.text,
    ts,
    channel: fields.channel ?? 'C0GENERAL',
    event_ts: ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    ...(fields.bot_id ? { bot_id: fields.bot_id } : {}),
    ...(fields.subtype ? { subtype: fields.subtype } : {}),
  };
}

export function messageEvent(fields: {
  text?: string;
  channel?: string;
  channel_type?: string;
  ts?: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'message',
    channel: fields.channel ?? 'D0ALICE',
    channel_type: fields.channel_type ?? 'im',
    ts,
    event_ts: ts,
    ...(fields.text !== undefined ? { text: fields.text } : {}),
    ...(fields.user !== undefined ? { user: fields.user } : fields.bot_id || fields.subtype ? {} : { user: USER }),
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    ...(fields.bot_id ? { bot_id: fields.bot_id } : {}),
    ...(fields.subtype ? { subtype: fields.subtype } : {}),
    ...fields.extra,
  };
}

export function appHomeOpenedEvent(fields: { user?: string; tab?: 'home' | 'messages' } = {}): Record<string, unknown> {
  return { type: 'app_home_opened', user: fields.user ?? USER, channel: 'D0ALICE', tab: fields.tab ?? 'home', event_ts: nextTs() };
}

/** A slash command, as the form fields Slack posts. */
export function slashCommand(fields: { text: string; responseUrl: string; channel?: string; user?: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: fields.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.user ?? USER,
    user_name: 'alice',
    command: '/faq',
    text: fields.text,
    api_app_id: 'A0FAQBOT',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: nextId('trig'),
  };
}

/** A `block_actions` payload for one button click on a message (ephemeral or not). */
export function blockAction(fields: {
  actionId: string;
  value: string;
  responseUrl: string;
  channel?: string;
  user?: string;
  messageTs?: string;
  threadTs?: string;
  ephemeral?: boolean;
  blocks?: unknown[];
  text?: string;
}): Record<string, unknown> {
  const channel = fields.channel ?? 'C0GENERAL';
  const messageTs = fields.messageTs ?? nextTs();
  return {
    type: 'block_actions',
    user: { id: fields.user ?? USER, username: 'alice', name: 'alice', team_id: TEAM },
    api_app_id: 'A0FAQBOT',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: fields.ephemeral ?? false,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    trigger_id: nextId('trig'),
    team: { id: TEAM, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
    // Slack leaves the message out for ephemeral messages.
    ...(fields.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            user: BOT_USER,
            bot_id: BOT_ID,
            ts: messageTs,
            text: fields.text ?? 'faqbot answer',
            blocks: fields.blocks ?? [],
            ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
          },
        }),
    state: { values: {} },
    response_url: fields.responseUrl,
    actions: [
      {
        action_id: fields.actionId,
        block_id: 'faq_block',
        text: { type: 'plain_text', text: 'button', emoji: true },
        value: fields.value,
        type: 'button',
        action_ts: nextTs(),
      },
    ],
  };
}

/** A button click in a view (App Home's curator inbox): no channel, no message, no response_url. */
export function viewBlockAction(fields: { actionId: string; value: string; user?: string; blockId?: string; viewType?: 'home' | 'modal' }): Record<string, unknown> {
  const viewId = fields.viewType === 'modal' ? 'V0MODAL' : 'V0HOME';
  return {
    type: 'block_actions',
    user: { id: fields.user ?? USER, username: 'alice', name: 'alice', team_id: TEAM },
    api_app_id: 'A0FAQBOT',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: viewId },
    trigger_id: nextId('trig'),
    team: { id: TEAM, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    view: { id: viewId, team_id: TEAM, type: fields.viewType ?? 'home', blocks: [], private_metadata: '', callback_id: '', state: { values: {} }, hash: 'h1', app_id: 'A0FAQBOT', bot_id: BOT_ID },
    actions: [{ action_id: fields.actionId, block_id: fields.blockId ?? 'faq_curate_row_0', value: fields.value, type: 'button', action_ts: nextTs() }],
  };
}

/** A field's value in a submitted view, as Slack puts it in `view.state.values[block][action]`. */
export type SubmittedValue = { type: 'plain_text_input'; value: string | null } | { type: 'static_select'; selected_option: { text: { type: 'plain_text'; text: string }; value: string } | null };

/**
 * A `view_submission` payload: the modal as the bot opened it (callback id, private_metadata,
 * blocks) with the values the person entered.
 */
export function viewSubmission(fields: {
  callbackId: string;
  privateMetadata?: string;
  values: Record<string, Record<string, SubmittedValue>>;
  user?: string;
  blocks?: unknown[];
}): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: fields.user ?? USER, username: 'alice', name: 'alice', team_id: TEAM },
    api_app_id: 'A0FAQBOT',
    token: 'legacy-verification-token',
    trigger_id: nextId('trig'),
    view: {
      id: 'V0MODAL',
      team_id: TEAM,
      type: 'modal',
      blocks: fields.blocks ?? [],
      private_metadata: fields.privateMetadata ?? '',
      callback_id: fields.callbackId,
      state: { values: fields.values },
      hash: 'h2',
      title: { type: 'plain_text', text: 'faqbot' },
      app_id: 'A0FAQBOT',
      bot_id: BOT_ID,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A text field's submitted value. */
export function typed(value: string): SubmittedValue {
  return { type: 'plain_text_input', value };
}

/** A menu's submitted choice (`null`: nothing chosen). */
export function chose(value: string | null): SubmittedValue {
  return { type: 'static_select', selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value } };
}
