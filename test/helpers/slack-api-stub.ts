import nock from 'nock';
import { waitFor } from './wait-for.ts';

/** One Web API call as the bot made it: form fields, with `blocks`/`view` JSON-decoded. */
export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly authorization: string | undefined;
}

/** One POST to a response_url (JSON body). */
export interface ResponseUrlCall {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A stand-in for the Slack Web API and response_urls, with nock: every call is recorded, answered
 * `ok: true` with plausible fields, or with a failure queued by `failNext`. Point the app at it
 * with `slackApiUrl: stub.apiUrl`; build response_urls with `stub.responseUrl(id)`.
 */
export class SlackApiStub {
  readonly apiCalls: ApiCall[] = [];
  readonly responseUrlCalls: ResponseUrlCall[] = [];
  readonly origin: string;
  readonly #failures = new Map<string, Reply[]>();
  #ts = 0;

  constructor(origin = 'http://slack.test') {
    this.origin = origin;
    const stub = this;
    nock(origin)
      .persist()
      .post(/^\/api\/[\w.]+$/)
      .reply(function (uri, body) {
        const method = uri.replace(/^\/api\//, '');
        const params = decodeForm(body);
        stub.apiCalls.push({ method, params, authorization: headerValue(this.req.headers.authorization) });
        const failure = stub.#failures.get(method)?.shift();
        if (failure) return [failure.status, failure.body as nock.Body];
        return [200, stub.#okReply(method, params)];
      });
    nock(origin)
      .persist()
      .post(/^\/respond\/[\w-]+$/)
      .reply((uri, body) => {
        const id = uri.replace(/^\/respond\//, '');
        stub.responseUrlCalls.push({ id, body: typeof body === 'string' ? (JSON.parse(body) as Record<string, unknown>) : (body as Record<string, unknown>) });
        const failure = stub.#failures.get(`respond/${id}`)?.shift();
        if (failure) return [failure.status, failure.body as nock.Body];
        return [200, 'ok'];
      });
  }

  /** For `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.origin}/respond/${id}`;
  }

  /** The next call to `method` (or `respond/<id>`) gets this reply instead of `ok: true`. */
  failNext(method: string, status: number, body: unknown): void {
    const queue = this.#failures.get(method) ?? [];
    queue.push({ status, body });
    this.#failures.set(method, queue);
  }

  /** The next call to `method` gets this `ok` body (e.g. usergroups.users.list's members). */
  replyNext(method: string, body: Record<string, unknown>): void {
    this.failNext(method, 200, { ok: true, ...body });
  }

  calls(method: string): ApiCall[] {
    return this.apiCalls.filter((c) => c.method === method);
  }

  async waitForCalls(method: string, count = 1, timeoutMs = 5000): Promise<ApiCall[]> {
    return waitFor(() => {
      const calls = this.calls(method);
      return calls.length >= count ? calls : undefined;
    }, `${count} ${method} call(s); got ${this.apiCalls.map((c) => c.method).join(', ') || 'none'}`, timeoutMs);
  }

  async waitForResponses(id: string, count = 1, timeoutMs = 5000): Promise<ResponseUrlCall[]> {
    return waitFor(() => {
      const calls = this.responseUrlCalls.filter((c) => c.id === id);
      return calls.length >= count ? calls : undefined;
    }, `${count} POST(s) to response_url ${id}`, timeoutMs);
  }

  #okReply(method: string, params: Record<string, unknown>): Record<string, unknown> {
    this.#ts += 1;
    const ts = `1800000000.${String(this.#ts).padStart(6, '0')}`;
    switch (method) {
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts, message: { ts, text: params.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'views.publish':
        return { ok: true, view: { id: 'V0HOME' } };
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEAM' };
      default:
        return { ok: true };
    }
  }
}

/** web-api 8 posts `application/x-www-form-urlencoded`, with object fields JSON-encoded. */
function decodeForm(body: unknown): Record<string, unknown> {
  const fields = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : ((body ?? {}) as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = typeof value === 'string' && /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
