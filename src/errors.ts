/**
 * One error base for everything faqbot reports to a person: a stable `code` for programs, a message
 * that says what to do, and the underlying `cause` for logs. Expected outcomes (a question with no
 * match) are values, never errors.
 */
export class FaqbotError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
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

/** `faq.yml` (or the curation data in it) is malformed or cites text its article does not hold. */
export class FaqFileError extends FaqbotError {
  /** Every problem found, each already naming file, entry and line. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('faq_invalid', problems.join('\n'));
    this.problems = problems;
  }
}

/** The environment does not describe a usable configuration. */
export class ConfigError extends FaqbotError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('config_invalid', `Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}
