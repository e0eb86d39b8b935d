import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFields } from './decode-fields.ts';
import { okReply, tsAt, type BotIdentity } from './slack-replies.ts';

/** One Web API call as the stand-in received it (`decodedParams` for its JSON-valued fields as values). */
export interface ApiCall {
  readonly method: string;
  /** Form or JSON parameters; `blocks` and other JSON-valued fields stay strings, as sent. */
  readonly params: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
  /** 1 for the first call of this method, counting across all calls. */
  readonly seq: number;
}

/** What the stand-in answers: a Slack-style JSON body (status 200), or an HTTP status of its own. */
export type ApiReply =
  | { readonly ok: boolean; readonly error?: string; readonly [key: string]: unknown }
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | 'hang'
  | 'reset'
  /** Slack posted it, but the answer never arrives: the outcome is unknown to the bot. */
  | 'post-then-hang'
  | 'post-then-reset';

/** A message the stand-in holds, as conversations.replies / history return it. */
export interface HeldMessage {
  readonly channel: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly text: string;
  readonly metadata?: { readonly event_type: string; readonly event_payload: Record<string, unknown> };
}

export type ApiHandler = (call: ApiCall) => ApiReply | undefined | Promise<ApiReply | undefined>;

/** The bot as the runtime tests' mentions address it (`<@UBOT>`). */
const RUNTIME_BOT: BotIdentity = { userId: 'UBOT', botId: 'BBOT', teamId: 'T1' };

/** One POST to a response_url (`responseUrl(id)`), its JSON body. */
export interface ResponseUrlCall {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

/**
 * A local stand-in for the Slack Web API on 127.0.0.1: records every call and answers like Slack
 * (auth.test, chat.postMessage, …), unless `handler` answers first. Point SLACK_API_URL (or
 * web-api's slackApiUrl) at `url`. It also takes response_url posts (`responseUrl(id)`) and, after
 * `socketMode(appToken)`, Socket Mode connections. The same class serves the tests, the load test
 * and the start-up bench (test/slack-stand-in/ is importable from scripts/); for a Bolt app in the
 * test process, `SlackApiStub` answers alike without a socket.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlCall[] = [];
  /** Socket Mode connections opened (after `socketMode`), and the acks received on them. */
  readonly sockets: WebSocket[] = [];
  readonly acks: Array<Record<string, unknown>> = [];
  /** Messages posted (and not deleted), per channel in posting order. */
  readonly messages = new Map<string, HeldMessage[]>();
  handler: ApiHandler | undefined;
  readonly #server: http.Server;
  readonly #hanging = new Set<http.ServerResponse>();
  readonly #perMethod = new Map<string, number>();
  #ts = 0;
  #url = '';
  #socketMode: { readonly appToken: string; readonly wss: WebSocketServer } | undefined;

  readonly #record: boolean;

  /** `record: false` keeps no calls (a load test keeps what it needs in its handler). */
  constructor(handler?: ApiHandler, options: { readonly record?: boolean } = {}) {
    this.handler = handler;
    this.#record = options.record ?? true;
    this.#server = http.createServer((req, res) => void this.#handle(req, res));
  }

  get url(): string {
    return this.#url;
  }

  /** The underlying server, e.g. to attach a Socket Mode WebSocket endpoint to. */
  get server(): http.Server {
    return this.#server;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/api/`;
    return this;
  }

  /** A response_url that posts to this stand-in, recorded under `id` in `responses`. */
  responseUrl(id: string): string {
    return this.#url.replace(/\/api\/$/, `/respond/${id}`);
  }

  /**
   * Speaks Socket Mode: `apps.connections.open` with `appToken` hands out a ws:// URL to this
   * server, which greets with `hello`, takes acks (by envelope_id) and sends what `send` is given.
   */
  socketMode(appToken: string): this {
    const wss = new WebSocketServer({ server: this.#server, path: '/link' });
    wss.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => this.acks.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'local', approximate_connection_time: 18060 } }));
    });
    this.#socketMode = { appToken, wss };
    return this;
  }

  /** Sends an envelope down the newest Socket Mode connection. */
  send(envelope: Record<string, unknown>): void {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no Socket Mode connection');
    socket.send(JSON.stringify(envelope));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    const wss = this.#socketMode?.wss;
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
    for (const res of this.#hanging) res.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Calls of one method, optionally only those whose params match. */
  callsTo(method: string, match: Record<string, string> = {}): ApiCall[] {
    return this.calls.filter((c) => c.method === method && Object.entries(match).every(([k, v]) => c.params[k] === v));
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    // A response_url post is a call too (method `/respond/<id>`, so a handler can fail or hang it), also kept in `responses`.
    const respond = /^\/respond\/([\w-]+)$/.exec(req.url ?? '');
    if (respond) this.responses.push({ id: respond[1]!, body: parseJsonObject(text) });
    const method = respond ? `/respond/${respond[1]}` : ((req.url ?? '').replace(/^.*\/api\//, '').split('?')[0] ?? '');
    const params = parseParams(text, req.headers['content-type']);
    const seq = (this.#perMethod.get(method) ?? 0) + 1;
    this.#perMethod.set(method, seq);
    const call: ApiCall = { method, params, authorization: req.headers.authorization, seq };
    if (this.#record) this.calls.push(call);
    const handled = await this.handler?.(call);
    if (handled === 'post-then-hang' || handled === 'post-then-reset') {
      this.#default(call);
      if (handled === 'post-then-reset') res.socket?.destroy();
      else this.#hanging.add(res);
      return;
    }
    const reply = handled ?? this.#default(call);
    if (reply === 'hang') {
      this.#hanging.add(res);
      return;
    }
    if (reply === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (!('ok' in reply)) {
      res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  }

  #nextTs(): string {
    this.#ts += 1;
    return tsAt(this.#ts);
  }

  #default(call: ApiCall): { readonly ok: boolean; readonly [key: string]: unknown } {
    switch (call.method) {
      case 'chat.postMessage': {
        const ts = this.#nextTs();
        const channel = call.params['channel'] ?? '';
        const thread = call.params['thread_ts'];
        const metadata = call.params['metadata'] ? (JSON.parse(call.params['metadata']) as HeldMessage['metadata']) : undefined;
        const held: HeldMessage = { channel, ts, text: call.params['text'] ?? '', ...(thread ? { thread_ts: thread } : {}), ...(metadata ? { metadata } : {}) };
        const list = this.messages.get(channel) ?? [];
        list.push(held);
        this.messages.set(channel, list);
        return { ok: true, channel, ts };
      }
      case 'conversations.replies': {
        const ts = call.params['ts'] ?? '';
        const found = (this.messages.get(call.params['channel'] ?? '') ?? []).filter((m) => m.ts === ts || m.thread_ts === ts);
        return { ok: true, messages: found.map((m) => withMetadata(m, call)), has_more: false };
      }
      case 'conversations.history': {
        const oldest = call.params['oldest'] ?? '0';
        const found = (this.messages.get(call.params['channel'] ?? '') ?? []).filter((m) => m.thread_ts === undefined && m.ts > oldest).reverse();
        return { ok: true, messages: found.map((m) => withMetadata(m, call)), has_more: false };
      }
      case 'apps.connections.open':
        if (!this.#socketMode) return { ok: false, error: 'not_allowed_token_type' };
        if (call.authorization !== `Bearer ${this.#socketMode.appToken}`) return { ok: false, error: 'invalid_auth' };
        return { ok: true, url: this.#url.replace(/^http:/, 'ws:').replace(/\/api\/$/, '/link') };
      default:
        return okReply(call.method, call.params, RUNTIME_BOT, () => this.#nextTs()) as { ok: boolean };
    }
  }
}

/** Slack returns metadata only to callers that ask for it. */
function withMetadata(message: HeldMessage, call: ApiCall): HeldMessage {
  if (call.params['include_all_metadata'] === 'true') return message;
  const { metadata: _hidden, ...rest } = message;
  return rest;
}

function parseParams(text: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes('application/json')) {
    const parsed = JSON.parse(text || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** A call's parameters with `blocks` and other JSON-valued fields decoded, as Slack reads them. */
export function decodedParams(call: ApiCall): Record<string, unknown> {
  return decodeFields(call.params);
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text || '{}') as Record<string, unknown>;
  } catch {
    return { unparsed: text };
  }
}
