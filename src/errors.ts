import type { FaqFile } from './faq/parse-faq-file.ts';

/**
 * One error base for everything faqbot reports to a person: a stable `code` for programs, a message
 * that says what to do, and the underlying `cause` for logs. Expected outcomes (a question with no
 * match) are values, never errors.
 */

/**
 * Every code a FaqbotError carries, in one place (as Bolt's `ErrorCode`): programs and logs match
 * on these, so each is stable once shipped.
 */
export type ErrorCode =
  /** The environment does not describe a usable configuration (ConfigError). */
  | 'config_invalid'
  /** The corpus folder or an article in it cannot be read (CorpusError). */
  | 'corpus_error'
  /** faq.yml is malformed or cites text its article does not hold (FaqFileError). */
  | 'faq_invalid'
  /** `faqbot eval`: the question set cannot be read. */
  | 'eval_unreadable'
  /** `faqbot eval`: a line of the question set is not `{"q", "any", "kind"}`. */
  | 'eval_invalid'
  /** Start-up could not talk to Slack, or Slack refused the credentials (SlackStartupError). */
  | 'slack_startup'
  /** The store (SQLite file or PostgreSQL) did not answer or refused (StoreError). */
  | 'store_unavailable'
  /** The word-vector file is missing or damaged: rebuild it with `npm run build:vectors`. */
  | 'vectors_invalid'
  /** A curator's change (a phrasing, a new entry, a decision) cannot be applied as given (CurationError). */
  | 'curation_invalid';

export class FaqbotError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** The corpus folder or an article in it cannot be read. */
export class CorpusError extends FaqbotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('corpus_error', message, options);
  }
}

/**
 * A check that reports every problem it found at once (faq.yml, the configuration), not the first:
 * `problems` holds each, already saying where and what to do.
 */
export abstract class ProblemsError extends FaqbotError {
  readonly problems: readonly string[];

  constructor(code: ErrorCode, problems: readonly string[], message: string) {
    super(code, message);
    this.problems = problems;
  }
}

/** `faq.yml` (or the curation data in it) is malformed or cites text its article does not hold. */
export class FaqFileError extends ProblemsError {
  /** What faq.yml could still be read as (when it is valid YAML), so its citations can be checked too. */
  readonly partial: FaqFile | undefined;

  constructor(problems: readonly string[], partial?: FaqFile) {
    super('faq_invalid', problems, problems.join('\n'));
    this.partial = partial;
  }
}

/** A curator's change cannot be applied: the message says why, for the curator to fix. */
export class CurationError extends FaqbotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('curation_invalid', message, options);
  }
}

/** The environment does not describe a usable configuration. */
export class ConfigError extends ProblemsError {
  constructor(problems: readonly string[]) {
    super('config_invalid', problems, `Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Start-up could not talk to Slack, or Slack refused the credentials. */
export class SlackStartupError extends FaqbotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('slack_startup', message, options);
  }
}
