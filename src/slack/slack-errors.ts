/**
 * Reading errors from @slack/web-api and Bolt without depending on their classes: each carries a
 * stable `code` (and `data.error`, `statusCode`), which is all the Slack layer needs to decide
 * whether to try again and what to log.
 */

interface SlackishError {
  readonly code?: unknown;
  readonly data?: { readonly error?: unknown };
  readonly statusCode?: unknown;
  readonly message?: unknown;
}

/** The Slack API's own error string (`not_in_channel`, `channel_not_found`…), if that is what failed. */
export function platformError(error: unknown): string | null {
  const e = error as SlackishError | null;
  if (e?.code !== 'slack_webapi_platform_error') return null;
  return typeof e.data?.error === 'string' ? e.data.error : null;
}

/**
 * True for failures worth another attempt later (network, HTTP 5xx, rate limits), false for
 * permanent ones (`not_in_channel`, `channel_not_found`, `is_archived`, `msg_too_long`, 4xx).
 */
export function isTransientSlackError(error: unknown): boolean {
  const e = error as SlackishError | null;
  switch (e?.code) {
    case 'slack_webapi_request_error':
    case 'slack_webapi_rate_limited_error':
      return true;
    case 'slack_webapi_http_error':
    case 'slack_bolt_respond_error':
      return typeof e.statusCode === 'number' && e.statusCode >= 500;
    default:
      return false;
  }
}

/** True if the error came from calling Slack (Web API or response_url), not from faqbot's own code. */
export function isSlackCallError(error: unknown): boolean {
  const code = (error as SlackishError | null)?.code;
  return typeof code === 'string' && (code.startsWith('slack_webapi_') || code === 'slack_bolt_respond_error');
}
