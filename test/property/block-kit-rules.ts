/**
 * Block Kit's limits and faqbot's escaping rule, checked on a rendered message. Written from
 * Slack's documentation, independently of src/render and src/slack/block-kit.ts, so that a bug
 * there cannot hide itself here. Returns every violation, so a failing case says all that is wrong.
 */

/** Markup the renderer itself may write: a user mention and a link. Everything else is user or article text. */
const OWN_MARKUP = /<@[UW][A-Z0-9]{2,}>|<https?:\/\/[^\s<>|]+(?:\|[^<>]*)?>/g;

interface TextObject {
  readonly type?: unknown;
  readonly text?: unknown;
}

interface Element {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly action_id?: unknown;
  readonly value?: unknown;
  readonly url?: unknown;
}

interface Block {
  readonly type?: unknown;
  readonly block_id?: unknown;
  readonly text?: unknown;
  readonly elements?: unknown;
  readonly fields?: unknown;
}

export interface Limits {
  readonly maxBlocks: number;
}

/** Problems with a `{ text, blocks }` message; empty when it is valid. */
export function messageProblems(message: { text: unknown; blocks: unknown }, limits: Limits = { maxBlocks: 50 }): string[] {
  const problems: string[] = [];
  if (typeof message.text !== 'string' || message.text.trim() === '') problems.push('no plain text fallback');
  else if (message.text.length > 40_000) problems.push(`fallback text of ${message.text.length} chars`);
  if (!Array.isArray(message.blocks)) return [...problems, 'blocks is not an array'];
  if (message.blocks.length === 0) problems.push('no blocks');
  if (message.blocks.length > limits.maxBlocks) problems.push(`${message.blocks.length} blocks (max ${limits.maxBlocks})`);
  const blockIds = new Set<string>();
  message.blocks.forEach((raw: Block, i) => {
    const at = `block ${i} (${String(raw.type)})`;
    if (raw.block_id !== undefined) {
      if (typeof raw.block_id !== 'string' || raw.block_id.length === 0 || raw.block_id.length > 255) problems.push(`${at}: block_id length`);
      else if (blockIds.has(raw.block_id)) problems.push(`${at}: duplicate block_id ${raw.block_id}`);
      else blockIds.add(raw.block_id);
    }
    switch (raw.type) {
      case 'section':
        problems.push(...textProblems(raw.text, 3000, at));
        break;
      case 'header':
        problems.push(...textProblems(raw.text, 150, at, 'plain_text'));
        break;
      case 'context': {
        const elements = Array.isArray(raw.elements) ? (raw.elements as Element[]) : [];
        if (elements.length === 0 || elements.length > 10) problems.push(`${at}: ${elements.length} elements`);
        elements.forEach((e, j) => problems.push(...textProblems(e, 3000, `${at} element ${j}`)));
        break;
      }
      case 'actions': {
        const elements = Array.isArray(raw.elements) ? (raw.elements as Element[]) : [];
        if (elements.length === 0 || elements.length > 25) problems.push(`${at}: ${elements.length} elements`);
        const actionIds = new Set<string>();
        elements.forEach((e, j) => {
          const where = `${at} button ${j}`;
          if (e.type !== 'button') problems.push(`${where}: not a button`);
          problems.push(...textProblems(e.text, 75, where, 'plain_text'));
          if (typeof e.action_id !== 'string' || e.action_id.length === 0 || e.action_id.length > 255) problems.push(`${where}: action_id length`);
          else if (actionIds.has(e.action_id)) problems.push(`${where}: duplicate action_id`);
          else actionIds.add(e.action_id);
          if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > 2000)) problems.push(`${where}: value of ${String(e.value).length} chars`);
          if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > 3000)) problems.push(`${where}: url`);
        });
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}

function textProblems(raw: unknown, max: number, at: string, only?: 'plain_text'): string[] {
  const text = raw as TextObject | undefined;
  if (!text || (text.type !== 'mrkdwn' && text.type !== 'plain_text')) return [`${at}: no text object`];
  if (only && text.type !== only) return [`${at}: must be ${only}`];
  if (typeof text.text !== 'string' || text.text.length === 0) return [`${at}: empty text`];
  const problems: string[] = [];
  if (text.text.length > max) problems.push(`${at}: text of ${text.text.length} chars (max ${max})`);
  if (hasLoneSurrogate(text.text)) problems.push(`${at}: lone UTF-16 surrogate (invalid UTF-8)`);
  if (text.type === 'mrkdwn') problems.push(...unescaped(text.text).map((p) => `${at}: ${p}`));
  return problems;
}

/**
 * `<`, `>` and `&` in mrkdwn must come from faqbot's own markup, never from user or article text:
 * once the renderer's mentions, links and line-leading block-quote `>` are set aside, no `<` or
 * `>` may remain, and every `&` must begin `&amp;`, `&lt;` or `&gt;`.
 */
export function unescaped(mrkdwn: string): string[] {
  const rest = mrkdwn.replace(OWN_MARKUP, '').replace(/^>/gm, '');
  const problems: string[] = [];
  const angle = /[<>]/.exec(rest);
  if (angle) problems.push(`unescaped "${angle[0]}" near ${JSON.stringify(rest.slice(Math.max(0, angle.index - 20), angle.index + 20))}`);
  const amp = /&(?!amp;|lt;|gt;)/.exec(rest);
  if (amp) problems.push(`unescaped "&" near ${JSON.stringify(rest.slice(Math.max(0, amp.index - 20), amp.index + 20))}`);
  return problems;
}

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
