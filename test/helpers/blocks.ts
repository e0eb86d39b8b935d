/** Reading posted Block Kit back, for assertions. Written independently of src/slack/blocks. */
import { expect } from 'vitest';
import type { Answer } from '../../src/answer/types.ts';

interface AnyBlock {
  readonly type?: string;
  readonly block_id?: string;
  readonly text?: { readonly text?: string };
  readonly elements?: ReadonlyArray<{ readonly type?: string; readonly text?: unknown; readonly action_id?: string; readonly value?: string }>;
}

/** All mrkdwn/plain text of section, context and header blocks, joined by newlines. */
export function blockText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const parts: string[] = [];
  for (const b of blocks as AnyBlock[]) {
    if (typeof b.text?.text === 'string') parts.push(b.text.text);
    if (b.type === 'context') for (const e of b.elements ?? []) if (typeof e.text === 'string') parts.push(e.text);
  }
  return parts.join('\n');
}

export interface FoundButton {
  readonly blockId: string | undefined;
  readonly actionId: string;
  readonly label: string;
  readonly value: string;
}

export function buttons(blocks: unknown): FoundButton[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as AnyBlock[]).flatMap((b) =>
    b.type !== 'actions'
      ? []
      : (b.elements ?? [])
          .filter((e) => e.type === 'button')
          .map((e) => ({ blockId: b.block_id, actionId: e.action_id ?? '', label: (e.text as { text?: string } | undefined)?.text ?? '', value: e.value ?? '' })),
  );
}

/** How a verbatim quote must appear in mrkdwn: `&`, `<`, `>` escaped, each line a `>` block quote. */
export function quotedMrkdwn(quote: string): string {
  return quote
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

export function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface FoundFeedbackButtons {
  readonly blockId: string | undefined;
  readonly actionId: string;
  readonly positive: { readonly label: string; readonly value: string };
  readonly negative: { readonly label: string; readonly value: string };
}

/** Slack's native feedback buttons: `feedback_buttons` elements of `context_actions` blocks. */
export function nativeFeedback(blocks: unknown): FoundFeedbackButtons[] {
  if (!Array.isArray(blocks)) return [];
  type Side = { text?: { text?: string }; value?: string };
  type Element = { type?: string; action_id?: string; positive_button?: Side; negative_button?: Side };
  return (blocks as Array<{ type?: string; block_id?: string; elements?: Element[] }>).flatMap((b) =>
    b.type !== 'context_actions'
      ? []
      : (b.elements ?? [])
          .filter((e) => e.type === 'feedback_buttons')
          .map((e) => ({
            blockId: b.block_id,
            actionId: e.action_id ?? '',
            positive: { label: e.positive_button?.text?.text ?? '', value: e.positive_button?.value ?? '' },
            negative: { label: e.negative_button?.text?.text ?? '', value: e.negative_button?.value ?? '' },
          })),
  );
}

/**
 * Asserts that posted blocks show `answer`, an answered one with at least one citation (so the
 * check cannot pass vacuously on an empty list): its short answer and every quote, verbatim.
 */
export function expectAnswerShown(blocks: unknown, answer: Answer | null | undefined): void {
  expect(answer?.status).toBe('answered');
  expect(answer?.citations.length).toBeGreaterThan(0);
  const text = blockText(blocks);
  expect(text).toContain(escaped(answer?.answer ?? ''));
  for (const c of answer?.citations ?? []) expect(text).toContain(quotedMrkdwn(c.quote));
}
