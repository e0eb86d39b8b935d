/**
 * The "New entry…" modal: question, answer, and the passage to cite, picked from those that best
 * match the question. Each candidate passage is shown whole, word for word, as a numbered quote;
 * the menu only says which number (a menu option holds 75 characters, a quote often more). The
 * quotes travel in private_metadata, so the submission cites exactly what the curator read.
 *
 * ```
 * New FAQ entry                                       [Cancel] [Add entry]
 * "who made openstack"
 * Not answered · asked 3 times · the bot said it didn't know
 * Question       [who made openstack                          ]
 * Answer         [A short answer, in your own words           ]
 * 1. Hyper-V To Be Integrated in OpenStack, paragraph 2
 * >OpenStack was founded by hosting services provider Rackspace…
 * 2. …
 * Cite           [Choose the passage that supports the answer ▾]
 * ```
 */
import type { PassageChoice, Suggestion } from '../../curate/curation-service.ts';
import { LIMITS, escapeMrkdwn, section, truncateMrkdwn, type KnownBlock } from './block-kit.ts';
import { CURATE_FIELDS, CURATE_VIEWS, MAX_ANSWER, MAX_QUESTION } from './curator-ids.ts';
import type { HelpSource } from './render-help.ts';
import { describeSuggestion } from './suggestion-facts.ts';
import { VIEW_LIMITS, modal, option, selectInput, textInput, type ModalView } from './view-kit.ts';

/** What the submission reads back: the suggestion and the passages offered, in order. */
export interface EntryMetadata {
  readonly suggestionId: string;
  readonly passages: ReadonlyArray<{ readonly source: string; readonly quote: string }>;
}

/** Most passages offered: enough to choose from, few enough to read. */
export const MAX_PASSAGES = 5;
const MAX_TITLE = 150;

export function renderEntryModal(suggestion: Suggestion, candidates: readonly PassageChoice[], source: HelpSource): ModalView {
  const head = section(describeSuggestion(suggestion, MAX_QUESTION));
  const { passages, metadata } = fitPassages(suggestion.id, candidates, source);
  if (passages.length === 0) {
    return modal({
      callbackId: CURATE_VIEWS.notice,
      title: 'New FAQ entry',
      close: 'Close',
      blocks: [
        head,
        section(
          'No passage of the articles matches this question well enough to cite, and every entry quotes one. ' +
            'Add the question as a phrasing of an existing entry instead, or add an article that answers it.',
        ),
      ],
    });
  }
  const quoteBlocks: KnownBlock[] = passages.map((p, i) => section(p.mrkdwn, `faq_cur_passage_${i}`));
  return modal({
    callbackId: CURATE_VIEWS.newEntry,
    title: 'New FAQ entry',
    submit: 'Add entry',
    close: 'Cancel',
    privateMetadata: metadata,
    blocks: [
      head,
      textInput({
        blockId: CURATE_FIELDS.question.block,
        actionId: CURATE_FIELDS.question.action,
        label: 'Question',
        initial: suggestion.question,
        maxLength: MAX_QUESTION,
      }),
      textInput({
        blockId: CURATE_FIELDS.answer.block,
        actionId: CURATE_FIELDS.answer.action,
        label: 'Answer',
        placeholder: 'A short answer, in your own words',
        multiline: true,
        maxLength: MAX_ANSWER,
        hint: 'Shown first, above the quote. The quote itself is kept word for word.',
      }),
      section('*Passages that best match the question*'),
      ...quoteBlocks,
      selectInput({
        blockId: CURATE_FIELDS.citation.block,
        actionId: CURATE_FIELDS.citation.action,
        label: 'Cite',
        placeholder: 'Choose the passage that supports the answer',
        // Number and paragraph first: a long title is what gets cut, so the options stay distinct.
        options: passages.map((p, i) => option(`${i + 1}. Paragraph ${p.paragraph} · ${p.title}`, String(i))),
      }),
    ],
  });
}

interface ShownPassage {
  readonly title: string;
  readonly paragraph: number;
  readonly mrkdwn: string;
}

/**
 * The candidates that fit both whole (one section each, quote not cut) and in private_metadata's
 * 3,000 characters together, best first; a passage too long to show whole is left out rather than
 * shown cut, since the curator must read what is cited.
 */
function fitPassages(suggestionId: string, candidates: readonly PassageChoice[], source: HelpSource): { passages: ShownPassage[]; metadata: string } {
  const titles = new Map(source.articles.map((a) => [a.source, a.title]));
  const shown: ShownPassage[] = [];
  const kept: Array<[string, string]> = [];
  let metadata = JSON.stringify({ s: suggestionId, p: kept });
  for (const c of candidates) {
    if (shown.length === MAX_PASSAGES) break;
    const title = titles.get(c.source) ?? c.source;
    const quote = escapeMrkdwn(c.quote)
      .split('\n')
      .map((line) => `>${line}`)
      .join('\n');
    const mrkdwn = `*${shown.length + 1}.* ${truncateMrkdwn(escapeMrkdwn(title), MAX_TITLE)}, paragraph ${c.paragraph}\n${quote}`;
    if (mrkdwn.length > LIMITS.sectionText) continue;
    const next = JSON.stringify({ s: suggestionId, p: [...kept, [c.source, c.quote]] });
    if (next.length > VIEW_LIMITS.privateMetadata) continue;
    kept.push([c.source, c.quote]);
    metadata = next;
    shown.push({ title, paragraph: c.paragraph, mrkdwn });
  }
  return { passages: shown, metadata };
}

/** Reads what renderEntryModal put in private_metadata; null for anything else (tampering). */
export function readEntryMetadata(raw: string | undefined): EntryMetadata | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    return null;
  }
  const { s, p } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { s?: unknown; p?: unknown };
  if (typeof s !== 'string' || s === '' || !Array.isArray(p)) return null;
  const passages: Array<{ source: string; quote: string }> = [];
  for (const item of p as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'string') return null;
    passages.push({ source: item[0], quote: item[1] });
  }
  return { suggestionId: s, passages };
}
