/**
 * The ids of the curator's buttons (App Home's inbox), modals and their fields. A button's value
 * is the suggestion's id, nothing more: the handler looks the suggestion up again, so what a
 * click (or a forged request) carries can never say what the suggestion is.
 */
export const CURATE_ACTIONS = {
  /** "Add as a phrasing of…": opens the entry picker. */
  phrasing: 'faq_curate_phrasing',
  /** "New entry…": opens the new-entry form. */
  newEntry: 'faq_curate_new_entry',
  dismiss: 'faq_curate_dismiss',
} as const;

export const CURATE_VIEWS = {
  phrasing: 'faq_curate_phrasing_view',
  newEntry: 'faq_curate_new_entry_view',
  /** A notice (the suggestion is gone, not a curator): nothing to submit. */
  notice: 'faq_curate_notice',
} as const;

/** Input blocks (block_id) and their elements (action_id): where view_submission finds the values. */
export const CURATE_FIELDS = {
  question: { block: 'faq_cur_question', action: 'question' },
  entry: { block: 'faq_cur_entry', action: 'entry' },
  answer: { block: 'faq_cur_answer', action: 'answer' },
  citation: { block: 'faq_cur_citation', action: 'citation' },
} as const;

/** One inbox row's buttons: `faq_curate_row_<n>`. */
export const INBOX_ROW_PREFIX = 'faq_curate_row_';

/** Longest question a curator may type (as a phrasing or an entry). */
export const MAX_QUESTION = 500;
/** Longest answer of a new entry: a short answer, in the curator's own words. */
export const MAX_ANSWER = 1000;
