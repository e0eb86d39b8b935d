/**
 * Block Kit pieces for views (modals and App Home) that stay valid whatever text goes into them:
 * Slack refuses the whole view (`invalid_arguments`) for one field over its limit, so each helper
 * cuts to the limit it is about. Plain text is not parsed by Slack, so it is cut, not escaped.
 */
import type { types } from '@slack/bolt';
import { cleanText, truncate, type KnownBlock } from './block-kit.ts';

/** Slack's documented limits for views (https://docs.slack.dev/reference/views). */
export const VIEW_LIMITS = {
  viewBlocks: 100,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  textInput: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

export type ModalView = types.ModalView;
export type PlainTextOption = types.PlainTextOption;

/** One line of plain text, cut to `max`; Slack refuses empty text, so that becomes `…`. */
export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(cleanText(text).replace(/\s+/g, ' ').trim() || '…', max), emoji: true };
}

/** A menu option: its label cut to 75 characters; a value over 150 is a bug (values are ids). */
export function option(label: string, value: string): PlainTextOption {
  if (value.length === 0 || value.length > VIEW_LIMITS.optionValue) throw new RangeError(`option value of ${value.length} characters`);
  return { text: plain(label, VIEW_LIMITS.optionText), value };
}

export interface TextInputOptions {
  readonly blockId: string;
  readonly actionId: string;
  readonly label: string;
  readonly initial?: string;
  readonly placeholder?: string;
  readonly hint?: string;
  readonly multiline?: boolean;
  readonly maxLength: number;
}

/** A required text field; the initial value is cut to fit `maxLength` (Slack refuses a longer one). */
export function textInput(o: TextInputOptions): KnownBlock {
  const maxLength = Math.min(o.maxLength, VIEW_LIMITS.textInput);
  const initial = o.initial === undefined ? '' : cleanText(o.initial).trim().slice(0, maxLength);
  return inputBlock(o, {
    type: 'plain_text_input',
    action_id: o.actionId,
    max_length: maxLength,
    ...(o.multiline ? { multiline: true } : {}),
    ...(initial ? { initial_value: initial } : {}),
    ...(o.placeholder ? { placeholder: plain(o.placeholder, VIEW_LIMITS.placeholder) } : {}),
  });
}

export interface SelectInputOptions {
  readonly blockId: string;
  readonly actionId: string;
  readonly label: string;
  readonly placeholder: string;
  readonly options: readonly PlainTextOption[];
  /** The value of the option chosen to begin with, if it is among the options. */
  readonly initialValue?: string | null;
  readonly hint?: string;
}

/** A required single-choice menu of at most 100 options (the caller puts the likeliest first). */
export function selectInput(o: SelectInputOptions): KnownBlock {
  const options = o.options.slice(0, VIEW_LIMITS.selectOptions);
  const initial = options.find((opt) => opt.value === o.initialValue);
  return inputBlock(o, {
    type: 'static_select',
    action_id: o.actionId,
    placeholder: plain(o.placeholder, VIEW_LIMITS.placeholder),
    options: [...options],
    ...(initial ? { initial_option: initial } : {}),
  });
}

/** A required input block around `element`, with its label and optional hint cut to fit. */
function inputBlock(o: { readonly blockId: string; readonly label: string; readonly hint?: string }, element: types.InputBlock['element']): KnownBlock {
  return {
    type: 'input',
    block_id: o.blockId,
    label: plain(o.label, VIEW_LIMITS.inputLabel),
    ...(o.hint ? { hint: plain(o.hint, VIEW_LIMITS.inputHint) } : {}),
    element,
  };
}

export interface ModalOptions {
  readonly callbackId: string;
  readonly title: string;
  /** Absent: a view with nothing to submit (a notice), only a close button. */
  readonly submit?: string;
  readonly close: string;
  readonly blocks: readonly KnownBlock[];
  readonly privateMetadata?: string;
}

/** A modal. private_metadata over 3,000 characters is a bug in the caller (it measures first). */
export function modal(o: ModalOptions): ModalView {
  if (o.privateMetadata !== undefined && o.privateMetadata.length > VIEW_LIMITS.privateMetadata) {
    throw new RangeError(`private_metadata of ${o.privateMetadata.length} characters`);
  }
  return {
    type: 'modal',
    callback_id: o.callbackId.slice(0, VIEW_LIMITS.callbackId),
    title: plain(o.title, VIEW_LIMITS.modalTitle),
    ...(o.submit ? { submit: plain(o.submit, VIEW_LIMITS.modalButton) } : {}),
    close: plain(o.close, VIEW_LIMITS.modalButton),
    blocks: o.blocks.slice(0, VIEW_LIMITS.viewBlocks),
    ...(o.privateMetadata ? { private_metadata: o.privateMetadata } : {}),
  };
}

/** The "are you sure?" dialog Slack shows before a button's action is sent. */
export function confirmDialog(title: string, text: string, confirm: string, deny: string): types.Confirm {
  return {
    title: plain(title, VIEW_LIMITS.confirmTitle),
    text: plain(text, VIEW_LIMITS.confirmText),
    confirm: plain(confirm, VIEW_LIMITS.confirmButton),
    deny: plain(deny, VIEW_LIMITS.confirmButton),
  };
}
