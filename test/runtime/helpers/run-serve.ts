import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { serve, type ServeIo } from '../../../src/cli/serve.ts';
import type { ReadyInfo, SlackBotTimers } from '../../../src/runtime/run-slack-bot.ts';
import type { Cleanup } from '../../helpers/cleanups.ts';
import { slackSignature, nowSeconds } from '../../slack-stand-in/slack-signing.ts';
import { loadEngineSharingSeeds } from '../../helpers/seeds-engine.ts';
import { withTempStore } from '../../helpers/temp-db.ts';
import { Capture } from './capture.ts';
import { FakeSlackApi, type ApiHandler } from '../../slack-stand-in/fake-slack-api.ts';

export const SIGNING_SECRET = 'f00dfeedf00dfeedf00dfeedf00dfeed';
export const BOT_TOKEN = 'xoxb-1-2-runtimetestbottoken';

export interface Running {
  readonly stdout: Capture;
  readonly stderr: Capture;
  readonly stdin: PassThrough;
  readonly signals: EventEmitter;
  /** serve()'s exit code. */
  readonly exit: Promise<number>;
  /** Resolves once the bot takes work, or rejects if serve() returns first. */
  readonly ready: Promise<ReadyInfo>;
}

/** Runs serve() in-process with injected env, streams and signals; HTTP mode listens on a free port. */
export function runServe(
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; timers?: SlackBotTimers; prepareWorker?: URL; loadEngine?: ServeIo['loadEngine'] } = {},
): Running {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = new PassThrough();
  const signals = new EventEmitter();
  let onReady: (info: ReadyInfo) => void = () => undefined;
  const readyPromise = new Promise<ReadyInfo>((resolve) => (onReady = resolve));
  const exit = serve({ env: withTempStore(env), stdin, stdout, stderr, signals, port: 0, onReady, loadEngine: options.loadEngine ?? loadEngineSharingSeeds, ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.timers ? { timers: options.timers } : {}), ...(options.prepareWorker ? { prepareWorker: options.prepareWorker } : {}) });
  const ready = Promise.race([
    readyPromise,
    exit.then((code) => {
      throw new Error(`serve() returned ${code} before it was ready:\n${stderr.text}\n${stdout.text}`);
    }),
  ]);
  // A test that only looks at `exit` must not leave `ready`'s rejection unhandled.
  ready.catch(() => undefined);
  return { stdout, stderr, stdin, signals, exit, ready };
}

/**
 * serve() in HTTP mode against a fresh FakeSlackApi (answering with `handler`, if given), with the
 * bot token, signing secret and API URL set and `env` on top; resolves once it is ready. After the
 * test, the cleanup sends SIGTERM, waits for serve() to return and stops the API.
 */
export async function startHttpBot(
  cleanups: Cleanup[],
  env: NodeJS.ProcessEnv = {},
  handler?: ApiHandler,
): Promise<{ api: FakeSlackApi; port: number; bot: Running }> {
  const api = await new FakeSlackApi(handler).start();
  const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, ...env });
  cleanups.push(async () => {
    bot.signals.emit('SIGTERM');
    await bot.exit;
    await api.stop();
  });
  const { port } = await bot.ready;
  if (port === undefined) throw new Error('no port');
  return { api, port, bot };
}

export interface SignedPostOptions {
  readonly secret?: string;
  readonly timestamp?: number;
  readonly retryNum?: number;
  readonly contentType?: string;
  readonly signature?: string | null;
}

/** POSTs `body` to /slack/events signed the way Slack signs it (or deliberately not). */
export function signedPost(port: number, body: string, options: SignedPostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? nowSeconds();
  const signature = options.signature === undefined ? slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body) : options.signature;
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      ...(signature !== null ? { 'x-slack-signature': signature } : {}),
      ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
}

let counter = 0;

/** An Events API envelope for a mention of the bot (UBOT) in `channel`, with a fresh ts and event id. */
export function mentionEvent(channel: string, question: string, ts = `1700000000.${String(++counter).padStart(6, '0')}`): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Date.now()}${++counter}`,
    event_time: nowSeconds(),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { type: 'app_mention', user: 'UASKER', text: `<@UBOT> ${question}`, ts, channel, event_ts: ts },
  });
}
