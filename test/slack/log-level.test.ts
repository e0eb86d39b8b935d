import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { LogLevel } from '@slack/bolt';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import type { LogLevelName } from '../../src/config.ts';
import { createJsonLogger } from '../../src/json-logger.ts';
import { createApp } from '../../src/slack/create-app.ts';
import { SIGNING_SECRET, testConfig } from '../helpers/http-test-app.ts';
import { SlackApiStub } from '../slack-stand-in/slack-api-stub.ts';
import { BOT_ID, BOT_USER, eventEnvelope, mentionEvent } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';
import { Capture } from '../runtime/helpers/capture.ts';

const engine = await seedsEngine();
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  // Each app gets its own stub; the last one's interceptors must not answer the next test's calls.
  nock.cleanAll();
});

/** The app as the runtime builds it: faqbot's JSON logger at LOG_LEVEL, signed HTTP requests. */
async function start(level: LogLevelName) {
  const api = new SlackApiStub();
  const out = new Capture();
  const logger = createJsonLogger({ stream: out, level });
  const app = createApp({ config: testConfig({ slackApiUrl: api.apiUrl, logLevel: level }), getEngine: () => engine, logger, botId: BOT_ID, botUserId: BOT_USER, retryConfig: { retries: 0 } });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  stops.push(async () => {
    await app.stop();
  });
  return { app, api, out, logger, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

describe('LOG_LEVEL', () => {
  it('debug: stays debug once the app is built (Bolt would reset the shared logger to info), so debug lines are written', async () => {
    const { url, api, out, logger } = await start('debug');
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
    const envelope = eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> What is OpenStack?` }));
    await postJson(url, SIGNING_SECRET, envelope);
    await api.waitForCalls('chat.postMessage');
    // A redelivery is skipped with a debug line.
    await postJson(url, SIGNING_SECRET, envelope, { retryNum: 1 });
    const deadline = Date.now() + 3000;
    while (!out.text.includes('already answered') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(out.entries.filter((e) => e['level'] === 'debug').map((e) => e['msg'])).toContain('faqbot: message already answered, skipping');
  });

  it('warn: stays warn, and answering a mention writes no info or debug line', async () => {
    const { url, api, out, logger } = await start('warn');
    expect(logger.getLevel()).toBe(LogLevel.WARN);
    await postJson(url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> What is OpenStack?` })));
    await api.waitForCalls('chat.postMessage');
    expect(out.entries.filter((e) => e['level'] === 'info' || e['level'] === 'debug')).toEqual([]);
  });
});
