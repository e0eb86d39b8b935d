import { nowSeconds, slackSignature } from '../slack-stand-in/slack-signing.ts';

export interface SendOptions {
  /** Seconds; default now. A value over 5 minutes old is "stale". */
  readonly timestamp?: number;
  /** Replaces the correct signature (to test rejection). */
  readonly signature?: string;
  /** Sent as `x-slack-retry-num` (and a retry reason), as Slack does when it retries an event. */
  readonly retryNum?: number;
}

export interface SentResponse {
  readonly status: number;
  readonly body: string;
  /** Milliseconds from sending to the full response. */
  readonly elapsedMs: number;
}

/** POSTs a JSON body (Events API) to a Bolt receiver, signed as Slack signs it. */
export function postJson(url: string, secret: string, body: unknown, options: SendOptions = {}): Promise<SentResponse> {
  return send(url, secret, JSON.stringify(body), 'application/json', options);
}

/**
 * POSTs form fields (slash commands) to a Bolt receiver, signed. The content type must be exactly
 * `application/x-www-form-urlencoded`: Bolt does not parse it with a `; charset` suffix.
 */
export function postForm(url: string, secret: string, fields: Record<string, string>, options: SendOptions = {}): Promise<SentResponse> {
  return send(url, secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** POSTs an interactivity payload (`payload=<json>`) to a Bolt receiver, signed. */
export function postPayload(url: string, secret: string, payload: unknown, options: SendOptions = {}): Promise<SentResponse> {
  return postForm(url, secret, { payload: JSON.stringify(payload) }, options);
}

async function send(url: string, secret: string, rawBody: string, contentType: string, options: SendOptions): Promise<SentResponse> {
  const timestamp = options.timestamp ?? nowSeconds();
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, rawBody),
      ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body: rawBody,
  });
  const body = await response.text();
  return { status: response.status, body, elapsedMs: performance.now() - started };
}
