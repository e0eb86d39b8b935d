import nock from 'nock';
import { BOT_ID, BOT_USER, TEAM } from '../helpers/slack-payloads.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { decodeForm } from './decode-fields.ts';
import type { ResponseUrlCall } from './fake-slack-api.ts';
import { okReply, tsAt, type BotIdentity } from './slack-replies.ts';

/** The bot as the Bolt-app tests' payloads address it. */
const BOT: BotIdentity = { userId: BOT_USER, botId: BOT_ID, teamId: TEAM };

/** One Web API call as the bot made it: form fields, with `blocks`/`view` JSON-decoded. */
export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly authorization: string | undefined;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The in-process member of the Slack stand-in kit (test/slack-stand-in/): a stand-in for the Web
 * API and response_urls, with nock, for a Bolt app in the test process. It answers as
 * `FakeSlackApi` does (slack-replies.ts): every call is recorded and answered `ok: true` with
 * plausible fields, or with a failure queued by `failNext`. Point the app at it
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
        return [200, okReply(method, params, BOT, () => tsAt(++stub.#ts))];
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
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
