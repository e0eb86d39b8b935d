import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { seedsEngine } from './seeds-engine.ts';
import type { HttpConfig } from '../../src/config.ts';
import type { Engine } from '../../src/engine.ts';
import { createApp, type SlackAppOptions } from '../../src/slack/create-app.ts';
import { BOT_ID, BOT_USER } from './slack-payloads.ts';
import { SlackApiStub } from '../slack-stand-in/slack-api-stub.ts';
import { TestLogger } from './test-logger.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** A Config as loadConfig would give for HTTP mode against the stub API. */
export function testConfig(overrides: Partial<Omit<HttpConfig, 'mode'>> = {}): HttpConfig {
  return {
    mode: 'http',
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    slackApiUrl: 'http://slack.test/api/',
    port: 0,
    host: '127.0.0.1',
    corpusDir: 'seeds',
    logLevel: 'debug',
    slackTimeoutMs: 10_000,
    curationPollMs: 3_000,
    store: { location: { kind: 'sqlite', file: ':memory:' }, retainDays: 90, replicaId: 'local' },
    curators: [],
    ...overrides,
  };
}

export interface HttpTestApp {
  readonly app: App;
  /** `POST` Slack requests here: `http://127.0.0.1:<port>/slack/events`. */
  readonly url: string;
  readonly api: SlackApiStub;
  readonly logger: TestLogger;
  stop(): Promise<void>;
}

/**
 * A real Bolt App from `createApp`, in HTTP mode on a free loopback port, its Web API calls and
 * response_urls going to a nock stub (no retries, so a failure shows at once). Only loopback
 * connections are allowed out; anything else unmocked fails the test.
 */
export async function startHttpTestApp(options: {
  getEngine: () => Engine;
  /** The curator loop's parts (issue 10): a pick store, a curation service, a clock. */
  curation?: Pick<SlackAppOptions, 'picks' | 'curation' | 'now'>;
  /** FAQBOT_CURATORS. */
  curators?: readonly string[];
  /** Another replica's stand-in Slack, to share it (one Slack, two replicas); default a new one. */
  api?: SlackApiStub;
  /** The store's seen keys, shared by replicas (clicks acted on once); default none. */
  seenKeys?: SlackAppOptions['seenKeys'];
}): Promise<HttpTestApp> {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => /^(?:127\.0\.0\.1|localhost)(?::\d+)?$/.test(host));
  const api = options.api ?? new SlackApiStub();
  const logger = new TestLogger();
  const app = createApp({
    config: testConfig({ slackApiUrl: api.apiUrl, curators: options.curators ?? [] }),
    getEngine: options.getEngine,
    ...options.curation,
    ...(options.seenKeys ? { seenKeys: options.seenKeys } : {}),
    logger,
    botId: BOT_ID,
    botUserId: BOT_USER,
    retryConfig: { retries: 0 },
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}/slack/events`,
    api,
    logger,
    async stop() {
      await app.stop();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

/** The current test's HttpTestApp (all but `stop`, which afterEach does), and the engine it serves. */
export interface HttpTestAppHandle extends Omit<HttpTestApp, 'stop'> {
  /** The engine loaded from seeds/ once for the file. */
  readonly engine: Engine;
  /** Stops this test's app and starts another on `getEngine`; afterEach stops that one. */
  restart(options: { getEngine: () => Engine }): Promise<void>;
}

/**
 * Registers the hooks the Slack tests share: beforeAll loads seeds/ into an engine, beforeEach
 * starts an HttpTestApp on it (or on what `serve` makes of it), afterEach stops the app. The
 * handle reads the current ones, so use it inside tests and hooks.
 */
export function useHttpTestApp(options: { serve?: (engine: Engine) => Engine } = {}): HttpTestAppHandle {
  let engine: Engine | undefined;
  let current: HttpTestApp | undefined;
  const seeds = (): Engine => {
    if (!engine) throw new Error('useHttpTestApp: the engine is loaded in beforeAll; read it inside a test or hook');
    return engine;
  };
  const app = (): HttpTestApp => {
    if (!current) throw new Error('useHttpTestApp: the app runs from beforeEach to afterEach; read it inside a test or hook');
    return current;
  };

  beforeAll(async () => {
    engine = await seedsEngine();
  });
  beforeEach(async () => {
    const served = options.serve ? options.serve(seeds()) : undefined;
    current = await startHttpTestApp({ getEngine: served ? () => served : seeds });
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });

  return {
    get engine() {
      return seeds();
    },
    get app() {
      return app().app;
    },
    get url() {
      return app().url;
    },
    get api() {
      return app().api;
    },
    get logger() {
      return app().logger;
    },
    async restart({ getEngine }) {
      await app().stop();
      current = undefined;
      current = await startHttpTestApp({ getEngine });
    },
  };
}
