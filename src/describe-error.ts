/**
 * What faqbot says about any error in logs: read structurally, so it needs none of the classes of
 * @slack/web-api, Bolt or Node. Slack's errors carry a stable `code` (`slack_webapi_platform_error`)
 * and the API's own error string in `data.error`; a web-api request error says only "fetch failed",
 * the network's reason is under `original.cause`.
 */
export interface ErrorDescription {
  readonly name: string;
  readonly message: string;
  /** The error's own `code` (FaqbotError's, Slack's, Node's `ECONNREFUSED`), else its name. */
  readonly code: string;
  /** One short phrase for a log line: Slack's error string, the network failure, the HTTP status, or the message. */
  readonly detail: string;
  /** Slack's error string (`not_in_channel`, `channel_not_found`…), when the Web API gave one. */
  readonly slackError?: string;
}

interface ErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly data?: { readonly error?: unknown };
  readonly statusCode?: unknown;
  readonly original?: { readonly message?: unknown; readonly name?: unknown; readonly cause?: { readonly code?: unknown; readonly message?: unknown } };
}

/**
 * @example describeError(Object.assign(new Error('An API error occurred: not_in_channel'),
 *   { code: 'slack_webapi_platform_error', data: { error: 'not_in_channel' } }))
 * // → { name: 'Error', message: 'An API error occurred: not_in_channel',
 * //     code: 'slack_webapi_platform_error', detail: 'not_in_channel', slackError: 'not_in_channel' }
 */
export function describeError(error: unknown): ErrorDescription {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const name = error instanceof Error ? error.name : typeof e.name === 'string' ? e.name : 'unknown';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : name;
  const slackError = typeof e.data?.error === 'string' ? e.data.error : undefined;
  const detail = slackError ?? requestFailure(e) ?? (typeof e.statusCode === 'number' ? `HTTP ${e.statusCode}` : message);
  return { name, message, code, detail, ...(slackError !== undefined ? { slackError } : {}) };
}

/** Under a web-api request error: the network error's code, e.g. `fetch failed: ECONNREFUSED`, or a timeout's name. */
function requestFailure(e: ErrorShape): string | null {
  if (e.code !== 'slack_webapi_request_error' || e.original === undefined) return null;
  const reason = e.original.cause?.code ?? e.original.cause?.message;
  const message = typeof e.original.message === 'string' ? e.original.message : String(e.original.name);
  return typeof reason === 'string' && reason !== '' ? `${message}: ${reason}` : message;
}
