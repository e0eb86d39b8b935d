import { FaqbotError } from '../errors.ts';

/** The store did not answer or refused (connection, disk, lock): whatever depended on it must not be acked. */
export class StoreError extends FaqbotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store_unavailable', message, options);
  }
}
