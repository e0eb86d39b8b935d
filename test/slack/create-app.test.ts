import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import { createApp } from '../../src/slack/create-app.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { SIGNING_SECRET, testConfig } from '../helpers/http-test-app.ts';
import { postJson } from '../helpers/signed-requests.ts';
import { BOT_ID, BOT_USER, eventEnvelope, mentionEvent } from '../helpers/slack-payloads.ts';
import { TestLogger } from '../helpers/test-logger.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';

const engine = await seedsEngine();
const cleanups = useCleanups();

/** createApp in HTTP mode on a free port, its Web API calls going to a recording stand-in. */
async function startApp(identity: { botId?: string; botUserId?: string }): Promise<{ api: FakeSlackApi; url: string; logger: TestLogger }> {
  const api = await new FakeSlackApi().start();
  cleanups.push(() => api.stop());
  const logger = new TestLogger();
  const app = createApp({ config: testConfig({ slackApiUrl: api.url }), getEngine: () => engine, logger, retryConfig: { retries: 0 }, ...identity });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  cleanups.push(async () => void (await app.stop()));
  return { api, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, logger };
}

/** Mentions the bot and waits for its answer: by then Bolt has authorized the event one way or another. */
async function askAndWait(api: FakeSlackApi, url: string): Promise<void> {
  await postJson(url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> Who founded OpenStack?` })));
  await waitFor(() => api.callsTo('chat.postMessage').length > 0, 'the answer to be posted');
}

describe('createApp', () => {
  it('given the bot’s ids, answers without ever calling auth.test', async () => {
    const { api, url, logger } = await startApp({ botId: BOT_ID, botUserId: BOT_USER });
    await askAndWait(api, url);
    expect(api.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(logger.find('error', /./)).toEqual([]);
  });

  it('without them, Bolt asks auth.test who the bot is before it answers (what the ids save)', async () => {
    const { api, url } = await startApp({});
    await askAndWait(api, url);
    expect(api.calls.map((c) => c.method)).toContain('auth.test');
  });
});
