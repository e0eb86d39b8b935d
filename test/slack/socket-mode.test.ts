import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../../src/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { createApp, type SlackAppOptions } from '../../src/slack/create-app.ts';
import { blockText, quotedMrkdwn } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { testConfig } from '../helpers/http-test-app.ts';
import { BOT_ID, BOT_USER, eventEnvelope, mentionEvent, slashCommand } from '../helpers/slack-payloads.ts';
import { TestLogger } from '../helpers/test-logger.ts';
import { waitFor } from '../helpers/wait-for.ts';

const APP_TOKEN = 'xapp-1-A0FAQBOT-test';

/**
 * A local Slack for Socket Mode: `apps.connections.open` hands out a ws:// URL to itself, the
 * WebSocket speaks the envelope protocol (hello, envelopes, acks by envelope_id), and the other
 * Web API methods and response_urls are recorded.
 */
class LocalSlack {
  readonly api: Array<{ method: string; params: Record<string, unknown>; auth: string | undefined }> = [];
  readonly responses: Array<Record<string, unknown>> = [];
  readonly acks: Array<Record<string, unknown>> = [];
  readonly sockets: WebSocket[] = [];
  readonly server = http.createServer((req, res) => void this.#handle(req, res));
  readonly wss = new WebSocketServer({ server: this.server, path: '/link' });
  port = 0;

  async start(): Promise<void> {
    this.wss.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => this.acks.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'local', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0FAQBOT' } }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  send(envelope: Record<string, unknown>): void {
    const socket = this.sockets[this.sockets.length - 1];
    if (!socket) throw new Error('no Socket Mode connection');
    socket.send(JSON.stringify(envelope));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const url = req.url ?? '';
    if (url.startsWith('/respond/')) {
      this.responses.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(200).end('ok');
      return;
    }
    const method = url.replace(/^\/api\//, '');
    const params: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(body)) params[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    this.api.push({ method, params, auth: req.headers.authorization });
    const reply =
      method === 'apps.connections.open'
        ? req.headers.authorization === `Bearer ${APP_TOKEN}`
          ? { ok: true, url: `ws://127.0.0.1:${this.port}/link` }
          : { ok: false, error: 'invalid_auth' }
        : { ok: true, channel: params.channel, ts: '1800000000.000001' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  }
}

let engine: Engine;
let slack: LocalSlack;
let app: App | undefined;

beforeAll(async () => {
  engine = await loadEngine('seeds');
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await slack.stop();
});

/** Starts a LocalSlack and a Socket Mode app on it (afterEach stops both), and waits for it to connect. */
async function startSocketApp(options: Pick<SlackAppOptions, 'fetch'> = {}): Promise<void> {
  slack = new LocalSlack();
  await slack.start();
  app = createApp({
    config: { ...testConfig({ slackApiUrl: slack.apiUrl }), mode: 'socket', appToken: APP_TOKEN },
    getEngine: () => engine,
    logger: new TestLogger(),
    botId: BOT_ID,
    botUserId: BOT_USER,
    retryConfig: { retries: 0 },
    ...options,
  });
  await app.start();
  await waitFor(() => slack.sockets.length === 1, 'the WebSocket connection');
}

describe('Socket Mode', () => {
  it('connects through apps.connections.open, acks an events_api envelope by its id, and answers in the thread', async () => {
    await startSocketApp();
    expect(slack.api[0]?.method).toBe('apps.connections.open');

    const { question, answer } = answeredQuestion(engine);
    const event = mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'C0SOCKET' });
    const payload = eventEnvelope(event);
    slack.send({ envelope_id: 'env-1', payload, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });

    await waitFor(() => slack.acks.some((a) => a.envelope_id === 'env-1'), 'the ack of env-1');
    const post = await waitFor(() => slack.api.find((c) => c.method === 'chat.postMessage'), 'the answer');
    expect(post.auth).toBe('Bearer xoxb-test-token');
    expect(post.params.channel).toBe('C0SOCKET');
    expect(post.params.thread_ts).toBe(event.ts);
    for (const c of answer.citations) expect(blockText(post.params.blocks)).toContain(quotedMrkdwn(c.quote));

    // Slack's redelivery of the same event over the socket is acked and not answered twice.
    slack.send({ envelope_id: 'env-2', payload, type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout' });
    await waitFor(() => slack.acks.some((a) => a.envelope_id === 'env-2'), 'the ack of env-2');
    // A slash command envelope goes through the same app: acked by id, answered via response_url.
    const command = slashCommand({ text: 'help', responseUrl: `http://127.0.0.1:${slack.port}/respond/cmd` });
    slack.send({ envelope_id: 'env-3', payload: command, type: 'slash_commands', accepts_response_payload: true });
    await waitFor(() => slack.acks.some((a) => a.envelope_id === 'env-3'), 'the ack of env-3');
    await waitFor(() => slack.responses.length === 1, 'the /faq help reply');
    expect(slack.api.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('the fetch given for answers is not the connection’s: apps.connections.open keeps its own client', async () => {
    const fetched: string[] = [];
    const answerFetch: typeof fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await startSocketApp({ fetch: answerFetch });
    expect(slack.api.map((c) => c.method)).toEqual(['apps.connections.open']);
    expect(fetched).toEqual([]);

    const event = mentionEvent({ text: `<@${BOT_USER}> ${answeredQuestion(engine).question}`, channel: 'C0SOCKET' });
    slack.send({ envelope_id: 'env-1', payload: eventEnvelope(event), type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    await waitFor(() => slack.api.find((c) => c.method === 'chat.postMessage'), 'the answer');
    expect(fetched).toEqual([`${slack.apiUrl}chat.postMessage`]);
  });
});
