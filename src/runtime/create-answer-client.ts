import { webApi, type Logger } from '@slack/bolt';

/**
 * The client the inbox worker answers with. No retries of its own: a post that timed out may have
 * gone through, and only the worker knows to look for it before posting again. 429s throw (with
 * their Retry-After) instead of pausing the client's queue, so a limited channel holds up only its
 * own questions; short ones (≤ 2 s) are waited out in place by the rate-limit fetch.
 */
export function createAnswerClient(token: string, options: { slackApiUrl?: string | undefined; logger: Logger; fetch: webApi.FetchFunction }): webApi.WebClient {
  return new webApi.WebClient(token, {
    logger: options.logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    fetch: options.fetch,
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
  });
}
