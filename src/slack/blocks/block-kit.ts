/**
 * Block Kit building blocks that stay valid whatever text goes into them: Slack rejects a whole
 * message (`invalid_blocks`) if one field is too long or empty, so every helper here enforces the
 * limit it is about, and mrkdwn text is escaped before it is cut.
 */
import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;

/** A message as Slack's chat.postMessage, chat.update and response_url take it. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Slack's documented limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  contextElements: 10,
  actionsElements: 25,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Not a hard limit (40,000 is), but a notification preview needs no more. */
  fallbackText: 3000,
} as const;

const ELLIPSIS = '…';

/**
 * Makes arbitrary input safe to send: lone UTF-16 surrogates become U+FFFD (they are not valid
 * UTF-8) and control characters other than tab and newline are dropped.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/**
 * Escapes the three characters Slack's mrkdwn treats as markup, so user and article text can
 * never form a mention, a link or `<!channel>`: `a < b & c` → `a &lt; b &amp; c`.
 */
export function escapeMrkdwn(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts plain text to at most `max` UTF-16 units, ending in `…`, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = max - ELLIPSIS.length;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * Like `truncate`, for text already escaped with `escapeMrkdwn`: never leaves half an entity
 * (`&am…`) behind. Every `&` in escaped text starts an entity, so a cut that falls after an `&`
 * with no `;` before the cut moves back to just before that `&`.
 */
export function truncateMrkdwn(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = max - ELLIPSIS.length;
  if (isHighSurrogate(escaped.charCodeAt(cut - 1))) cut -= 1;
  const amp = escaped.lastIndexOf('&', cut - 1);
  if (amp !== -1 && escaped.indexOf(';', amp) >= cut) cut = amp;
  return escaped.slice(0, cut).trimEnd() + ELLIPSIS;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A mrkdwn section; `text` must already be escaped. Slack rejects empty text, so that becomes `…`. */
export function section(text: string, blockId?: string): KnownBlock {
  return {
    type: 'section',
    ...(blockId ? { block_id: blockId.slice(0, LIMITS.blockId) } : {}),
    text: { type: 'mrkdwn', text: truncateMrkdwn(text.trim() || '…', LIMITS.sectionText) },
  };
}

/** A context line of mrkdwn (already escaped). */
export function context(text: string, blockId?: string): KnownBlock {
  return {
    type: 'context',
    ...(blockId ? { block_id: blockId.slice(0, LIMITS.blockId) } : {}),
    elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text.trim() || '…', LIMITS.sectionText) }],
  };
}

/** A header: plain text, so nothing to escape, only to cut. */
export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(cleanText(text).trim() || '…', LIMITS.headerText) } };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

/** A button with plain-text label (not parsed by Slack, so not escaped) cut to 75 characters. */
export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  if (value.length > LIMITS.buttonValue) throw new RangeError(`button value over ${LIMITS.buttonValue} characters`);
  return {
    type: 'button',
    action_id: actionId.slice(0, LIMITS.actionId),
    text: { type: 'plain_text', text: truncate(cleanText(label).replace(/\s+/g, ' ').trim() || '…', LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string, elements: readonly Button[]): KnownBlock {
  return { type: 'actions', block_id: blockId.slice(0, LIMITS.blockId), elements: elements.slice(0, LIMITS.actionsElements) };
}

/**
 * Keeps a block list within `max` blocks. The last `keepTail` blocks (e.g. the feedback buttons)
 * are kept; blocks before them are dropped from the end.
 */
export function capBlocks(blocks: readonly KnownBlock[], max: number, keepTail = 0): KnownBlock[] {
  if (blocks.length <= max) return [...blocks];
  const tail = keepTail > 0 ? blocks.slice(-keepTail) : [];
  return [...blocks.slice(0, max - tail.length), ...tail];
}

/** Only http(s) links are shown; `|` and `>` would end a Slack link early, so they are encoded. */
export function safeUrl(url: string | undefined): string | null {
  if (!url || url.length > 1000 || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

/** A user mention if `id` looks like a Slack user id; anything else is shown escaped. */
export function userMention(id: string): string {
  return /^[UW][A-Z0-9]{1,40}$/.test(id) ? `<@${id}>` : escapeMrkdwn(id);
}

/**
 * The plain `text` of a message: shown in notifications and where blocks cannot be. Slack still
 * parses it for `<!channel>` and mentions, so it is escaped too.
 */
export function fallbackText(text: string): string {
  return truncateMrkdwn(escapeMrkdwn(text.replace(/[ \t]+/g, ' ').trim()) || '…', LIMITS.fallbackText);
}
