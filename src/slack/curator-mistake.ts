import { CurationError } from '../errors.ts';

/**
 * True for the curation service's "that cannot be done" (an unknown entry, a quote not found
 * verbatim…): its message is written for the curator and is shown in the modal. Anything else is
 * a failure of ours, logged, and the curator gets a plain apology instead.
 */
export function isCuratorMistake(error: unknown): error is CurationError {
  return error instanceof CurationError;
}
