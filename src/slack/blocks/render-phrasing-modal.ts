/**
 * The "Add as a phrasing of…" modal: the question people asked (editable, e.g. to fix a typo),
 * and a menu of entries, the likeliest first. Submitted, the question becomes one more way of
 * asking that entry, on every replica.
 *
 * ```
 * Add as a phrasing                                   [Cancel] [Add phrasing]
 * "who made openstack"
 * Not answered · asked 3 times · the bot said it didn't know
 * Question, as people ask it   [who made openstack            ]
 * Answer it with this entry     [Choose an entry             ▾]
 * ```
 */
import type { EntryChoice, Suggestion } from '../../curate/curation-service.ts';
import { section } from './block-kit.ts';
import { CURATE_FIELDS, CURATE_VIEWS, MAX_QUESTION } from './curator-ids.ts';
import { describeSuggestion } from './suggestion-facts.ts';
import { VIEW_LIMITS, modal, option, selectInput, textInput, type ModalView } from './view-kit.ts';

/** What the submission needs back: which suggestion (the rest is in the fields). */
export interface PhrasingMetadata {
  readonly suggestionId: string;
}

export function renderPhrasingModal(suggestion: Suggestion, entries: readonly EntryChoice[]): ModalView {
  const options = entries
    .filter((e) => e.id.length <= VIEW_LIMITS.optionValue)
    .slice(0, VIEW_LIMITS.selectOptions)
    .map((e) => option(e.question, e.id));
  if (options.length === 0) {
    return modal({
      callbackId: CURATE_VIEWS.notice,
      title: 'Add as a phrasing',
      close: 'Close',
      blocks: [section(describeSuggestion(suggestion, MAX_QUESTION)), section('The FAQ has no entries to add this question to yet: use *New entry…* instead.')],
    });
  }
  // A pick already names the entry people chose; for the others the curator decides.
  const initial = suggestion.kind === 'picked' ? suggestion.entryId : null;
  return modal({
    callbackId: CURATE_VIEWS.phrasing,
    title: 'Add as a phrasing',
    submit: 'Add phrasing',
    close: 'Cancel',
    privateMetadata: JSON.stringify({ s: suggestion.id }),
    blocks: [
      section(describeSuggestion(suggestion, MAX_QUESTION)),
      textInput({
        blockId: CURATE_FIELDS.question.block,
        actionId: CURATE_FIELDS.question.action,
        label: 'Question, as people ask it',
        initial: suggestion.question,
        maxLength: MAX_QUESTION,
        hint: 'Asked this way again, on any replica, the bot answers with the entry below.',
      }),
      selectInput({
        blockId: CURATE_FIELDS.entry.block,
        actionId: CURATE_FIELDS.entry.action,
        label: 'Answer it with this entry',
        placeholder: 'Choose an entry (the likeliest are first)',
        options,
        initialValue: initial,
      }),
    ],
  });
}

/** Reads what renderPhrasingModal put in private_metadata; null for anything else (tampering). */
export function readPhrasingMetadata(raw: string | undefined): PhrasingMetadata | null {
  const parsed = parseJson(raw) as { s?: unknown } | null;
  return parsed && typeof parsed.s === 'string' && parsed.s !== '' ? { suggestionId: parsed.s } : null;
}

function parseJson(raw: string | undefined): unknown {
  try {
    const value: unknown = JSON.parse(raw ?? '');
    return typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

