import type { webApi } from '@slack/bolt';

/**
 * Retries for every Web API call the bot makes while answering. 5xx answers and network errors are
 * retried 4 times, 0.25 s → 4 s apart (about 8 s in all, inside the 10 s shutdown grace period),
 * then the error reaches the app's error handler and is logged. Web-api's default (10 retries over
 * about 30 minutes) would keep an answer in flight long after anyone waits for it. Platform errors
 * (`not_in_channel`, `channel_not_found`, `is_archived`, `msg_too_long`, …) are never retried:
 * web-api raises them after the HTTP exchange succeeds, outside its retry loop.
 */
export const ANSWER_RETRY: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4_000, randomize: true };
