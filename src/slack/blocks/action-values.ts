/**
 * The ids of faqbot's buttons and what their `value` carries. A button value is at most 2,000
 * characters and comes back verbatim on a click, so it holds a reference to the answer (entry id +
 * question), never the answer itself: the click re-asks the engine that is current then.
 */
import { LIMITS } from './block-kit.ts';

export const ACTION_IDS = {
  /** "Share in channel" under a private /faq answer. */
  share: 'faq_share',
  /** "Did you mean…" choices and the example questions under an "unknown" reply: `faq_choose_0`… */
  choosePrefix: 'faq_choose_',
  helpful: 'faq_feedback_helpful',
  notHelpful: 'faq_feedback_not_helpful',
  /** Slack's native feedback buttons (one element, both verdicts; the value says which). */
  native: 'faq_feedback_native',
} as const;

/** Matches every "choose" button (action ids must be unique within a block, hence the suffix). */
export const CHOOSE_ACTION = /^faq_choose_\d+$/;
/** Matches both feedback buttons. */
export const FEEDBACK_ACTION = /^faq_feedback_(?:helpful|not_helpful|native)$/;

export const BLOCK_IDS = {
  feedback: 'faq_feedback',
  share: 'faq_share',
  choices: 'faq_choices',
} as const;

/** What a button click needs to re-create or record an answer. */
export interface AnswerRef {
  /** The FAQ entry to answer (`Engine.answerEntry`); null to re-ask the question. */
  readonly entryId: string | null;
  /** The question as asked (possibly cut to fit the value). */
  readonly question: string;
}

/** Entry ids are short slugs; anything longer than this is not one and is not worth carrying. */
const MAX_ENTRY_ID = 500;

/**
 * Serialises an AnswerRef into a button value of at most 2,000 characters, cutting the question if
 * need be (JSON escaping can make a character cost up to 6, so the cut is measured, not guessed).
 */
export function encodeAnswerRef(ref: AnswerRef, verdict?: 'helpful' | 'not_helpful'): string {
  const entryId = ref.entryId !== null && ref.entryId.length <= MAX_ENTRY_ID ? ref.entryId : null;
  let question = ref.question;
  for (;;) {
    // A native feedback button carries its verdict too (`v`); decodeAnswerRef ignores it.
    const value = JSON.stringify(verdict ? { v: verdict, e: entryId, q: question } : { e: entryId, q: question });
    if (value.length <= LIMITS.buttonValue) return value;
    const over = value.length - LIMITS.buttonValue;
    let cut = Math.max(0, question.length - Math.max(over, 1));
    // Never leave half a surrogate pair: JSON would turn it into an escape of a lone surrogate.
    if (cut > 0 && isHighSurrogate(question.charCodeAt(cut - 1))) cut -= 1;
    question = question.slice(0, cut);
  }
}

/** The verdict a native feedback button's value carries; null for any other value. */
export function decodeVerdict(value: string | undefined): 'helpful' | 'not_helpful' | null {
  try {
    const v = (JSON.parse(value ?? '') as { v?: unknown } | null)?.v;
    return v === 'helpful' || v === 'not_helpful' ? v : null;
  } catch {
    return null;
  }
}

/** Reads a value written by `encodeAnswerRef`; null for anything else (old format, tampering). */
export function decodeAnswerRef(value: string | undefined): AnswerRef | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { e, q } = parsed as { e?: unknown; q?: unknown };
  if (typeof q !== 'string' || (e !== null && typeof e !== 'string')) return null;
  return { entryId: e, question: q };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
