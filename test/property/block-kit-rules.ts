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
  readonly confirm?: unknown;
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
  return [...problems, ...blocksProblems(message.blocks, limits.maxBlocks)];
}

/** Problems with a list of blocks (a message's or a view's); empty when every block is valid. */
function blocksProblems(blocks: unknown, maxBlocks: number): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length === 0) problems.push('no blocks');
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  const blockIds = new Set<string>();
  blocks.forEach((raw: Block, i) => {
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
          if (e.confirm !== undefined) problems.push(...confirmProblems(e.confirm, `${where} confirm`));
        });
        break;
      }
      case 'input':
        problems.push(...inputProblems(raw as InputBlock, at));
        break;
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}

interface InputBlock {
  readonly label?: unknown;
  readonly hint?: unknown;
  readonly optional?: unknown;
  readonly element?: {
    readonly type?: unknown;
    readonly action_id?: unknown;
    readonly placeholder?: unknown;
    readonly initial_value?: unknown;
    readonly max_length?: unknown;
    readonly options?: unknown;
    readonly initial_option?: unknown;
  };
}

/** An input block: label 2,000, hint 2,000; a text input or a static menu within their limits. */
function inputProblems(block: InputBlock, at: string): string[] {
  const problems = [...textProblems(block.label, 2000, `${at} label`, 'plain_text')];
  if (block.hint !== undefined) problems.push(...textProblems(block.hint, 2000, `${at} hint`, 'plain_text'));
  const e = block.element;
  if (!e) return [...problems, `${at}: no element`];
  if (typeof e.action_id !== 'string' || e.action_id.length === 0 || e.action_id.length > 255) problems.push(`${at}: action_id length`);
  if (e.placeholder !== undefined) problems.push(...textProblems(e.placeholder, 150, `${at} placeholder`, 'plain_text'));
  switch (e.type) {
    case 'plain_text_input': {
      const max = e.max_length === undefined ? 3000 : e.max_length;
      if (typeof max !== 'number' || max < 1 || max > 3000) problems.push(`${at}: max_length ${String(max)}`);
      if (e.initial_value !== undefined && (typeof e.initial_value !== 'string' || e.initial_value.length > Number(max))) {
        problems.push(`${at}: initial_value of ${String(e.initial_value).length} chars over max_length ${String(max)}`);
      }
      break;
    }
    case 'static_select': {
      const options = Array.isArray(e.options) ? (e.options as Array<{ text?: unknown; value?: unknown }>) : [];
      if (options.length === 0 || options.length > 100) problems.push(`${at}: ${options.length} options (1 to 100)`);
      const values = new Set<string>();
      options.forEach((o, j) => {
        problems.push(...textProblems(o.text, 75, `${at} option ${j}`, 'plain_text'));
        if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > 150) problems.push(`${at} option ${j}: value length`);
        else if (values.has(o.value)) problems.push(`${at} option ${j}: duplicate value`);
        else values.add(o.value);
      });
      const initial = e.initial_option as { value?: unknown } | undefined;
      if (initial !== undefined && !options.some((o) => o.value === initial.value)) problems.push(`${at}: initial_option is not one of the options`);
      break;
    }
    default:
      problems.push(`${at}: unexpected element ${String(e.type)}`);
  }
  return problems;
}

function confirmProblems(raw: unknown, at: string): string[] {
  const c = raw as { title?: unknown; text?: unknown; confirm?: unknown; deny?: unknown };
  return [
    ...textProblems(c.title, 100, `${at} title`, 'plain_text'),
    ...textProblems(c.text, 300, `${at} text`),
    ...textProblems(c.confirm, 30, `${at} confirm`, 'plain_text'),
    ...textProblems(c.deny, 30, `${at} deny`, 'plain_text'),
  ];
}

/**
 * Problems with a view (views.publish, views.open): at most 100 blocks; a modal's title, submit
 * and close at most 24 characters of plain text, private_metadata at most 3,000, callback_id 255.
 */
export function viewProblems(view: unknown): string[] {
  const v = view as { type?: unknown; blocks?: unknown; title?: unknown; submit?: unknown; close?: unknown; private_metadata?: unknown; callback_id?: unknown };
  const problems: string[] = [];
  if (v.type !== 'home' && v.type !== 'modal') problems.push(`view type ${String(v.type)}`);
  if (v.type === 'modal') {
    problems.push(...textProblems(v.title, 24, 'title', 'plain_text'));
    if (v.submit !== undefined) problems.push(...textProblems(v.submit, 24, 'submit', 'plain_text'));
    if (v.close !== undefined) problems.push(...textProblems(v.close, 24, 'close', 'plain_text'));
    const hasInput = Array.isArray(v.blocks) && (v.blocks as Block[]).some((b) => b.type === 'input');
    if (hasInput && v.submit === undefined) problems.push('a modal with inputs needs a submit button');
  }
  if (v.private_metadata !== undefined && (typeof v.private_metadata !== 'string' || v.private_metadata.length > 3000)) problems.push(`private_metadata of ${String(v.private_metadata).length} chars`);
  if (v.callback_id !== undefined && (typeof v.callback_id !== 'string' || v.callback_id.length > 255)) problems.push('callback_id length');
  return [...problems, ...blocksProblems(v.blocks, 100)];
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
