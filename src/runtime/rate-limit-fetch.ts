import type { JsonLogger } from '../json-logger.ts';

export interface RateLimitFetchOptions {
  readonly logger: JsonLogger;
  /** How many 429s one call waits out before handing the 429 to web-api. Default 5. */
  readonly maxWaits?: number;
  /** Longest single Retry-After honoured here, in seconds; longer ones go to web-api. Default 60. */
  readonly maxRetryAfterSec?: number;
  /** Per-attempt time limit, so a hung connection becomes a retryable error. Default 10 s. */
  readonly attemptTimeoutMs?: number;
  readonly fetch?: typeof fetch;
  /** Waits out a Retry-After; default an unref'd timer. Tests pass one they release by hand. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The signal that ends one attempt after `attemptTimeoutMs`; default `AbortSignal.timeout`. */
  readonly timeoutSignal?: (ms: number) => AbortSignal;
}

/**
 * Unref'd: a wait must not keep a stopping process alive. Once shutdown has stopped waiting for the
 * answers in flight, a call still waiting out a long Retry-After is abandoned, not posted a minute
 * after "faqbot stopped".
 */
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * A `fetch` for web-api's `clientOptions.fetch` that honours 429 Retry-After per call.
 *
 * Why: with `rejectRateLimitedCalls: false`, web-api 8.2 honours Retry-After by pausing its whole
 * request queue, which is shared by every call on that token, so one rate-limited channel would
 * hold up the answers in every other channel for the whole wait. Slack rate-limits
 * chat.postMessage per channel; here only the limited call waits, the others go ahead. After
 * `maxWaits` waits (or a Retry-After beyond `maxRetryAfterSec`) the 429 goes to web-api unchanged,
 * whose bounded retry policy takes over.
 *
 * Each attempt also gets a time limit: web-api sets none by default, and a connection that never
 * answers would otherwise keep an answer in flight forever.
 *
 * Bolt also uses the app's `clientOptions.fetch` for `respond()` (response_urls), which gets the
 * same time limit and 429 handling.
 */
export function createRateLimitFetch(options: RateLimitFetchOptions): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const maxWaits = options.maxWaits ?? 5;
  const maxRetryAfterSec = options.maxRetryAfterSec ?? 60;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
  const timeoutSignal = options.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms));

  return async (input, init) => {
    for (let waits = 0; ; waits += 1) {
      const timeout = timeoutSignal(attemptTimeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const response = await baseFetch(input, { ...init, signal });
      if (response.status !== 429 || waits >= maxWaits) return response;
      const retryAfterSec = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
      if (!(retryAfterSec >= 0 && retryAfterSec <= maxRetryAfterSec)) return response;
      // Free the connection before waiting; the body of a 429 carries nothing we need.
      await response.body?.cancel().catch(() => undefined);
      options.logger.log('info', 'Slack API rate limited this call; waiting before retrying it', {
        method: methodName(input),
        retryAfterSec,
        attempt: waits + 1,
      });
      await sleep(retryAfterSec * 1000);
    }
  };
}

/**
 * The Web API method a URL calls (`chat.postMessage`), for the log. Bolt's `respond()` goes through
 * this fetch too, and a response_url's path is a credential: such a URL is named by its host only.
 */
function methodName(input: Parameters<typeof fetch>[0]): string {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return '(unknown)';
  }
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  return /^[a-z]+(?:\.[a-zA-Z]+)+$/.test(last) ? last : `${url.host} (not a Web API method)`;
}
