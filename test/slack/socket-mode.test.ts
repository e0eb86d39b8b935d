import type { App } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import { decodedParams, FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import type { Engine } from '../../src/engine.ts';
import { createApp, type SlackAppOptions } from '../../src/slack/create-app.ts';
import { blockText, expectAnswerShown } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { testConfig } from '../helpers/http-test-app.ts';
import { BOT_ID, BOT_USER, eventEnvelope, mentionEvent, slashCommand } from '../helpers/slack-payloads.ts';
import { TestLogger } from '../helpers/test-logger.ts';
import { waitFor } from '../helpers/wait-for.ts';

const APP_TOKEN = 'xapp-1-A0FAQBOT-test';

let engine: Engine;
let slack: FakeSlackApi;
/** What the app called, JSON-valued fields decoded. */
const api = (): Array<{ method: string; params: Record<string, unknown>; auth: string | undefined }> => slack.calls.map((c) => ({ method: c.method, params: decodedParams(c), auth: c.authorization }));
let app: App | undefined;

beforeAll(async () => {
  engine = await seedsEngine();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await slack.stop();
});

/** Starts the Slack stand-in in Socket Mode and a Socket Mode app on it (afterEach stops both), and waits for it to connect. */
async function startSocketApp(options: Pick<SlackAppOptions, 'fetch'> = {}): Promise<void> {
  slack = await new FakeSlackApi().socketMode(APP_TOKEN).start();
  app = createApp({
    config: { ...testConfig({ slackApiUrl: slack.url }), mode: 'socket', appToken: APP_TOKEN },
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
    expect(api()[0]?.method).toBe('apps.connections.open');

    const { question, answer } = answeredQuestion(engine);
    const event = mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'C0SOCKET' });
    const payload = eventEnvelope(event);
    slack.send({ envelope_id: 'env-1', payload, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });

    await waitFor(() => slack.acks.some((a) => a.envelope_id === 'env-1'), 'the ack of env-1');
    const post = await waitFor(() => api().find((c) => c.method === 'chat.postMessage'), 'the answer');
    expect(post.auth).toBe('Bearer xoxb-test-token');
    expect(post.params.channel).toBe('C0SOCKET');
    expect(post.params.thread_ts).toBe(event.ts);
    expectAnswerShown(post.params.blocks, answer);

    // Slack's redelivery of the same event over the socket is acked and not answered twice.
    slack.send({ envelope_id: 'env-2', payload, type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout' });
    await waitFor(() => slack.acks.some((a) => a.envelope_id === 'env-2'), 'the ack of env-2');
    // A slash command envelope goes through the same app: acked by id, answered via response_url.
    const command = slashCommand({ text: 'help', responseUrl: slack.responseUrl('cmd') });
    slack.send({ envelope_id: 'env-3', payload: command, type: 'slash_commands', accepts_response_payload: true });
    await waitFor(() => slack.acks.some((a) => a.envelope_id === 'env-3'), 'the ack of env-3');
    await waitFor(() => slack.responses.length === 1, 'the /faq help reply');
    expect(api().filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('the fetch given for answers is not the connection’s: apps.connections.open keeps its own client', async () => {
    const fetched: string[] = [];
    const answerFetch: typeof fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await startSocketApp({ fetch: answerFetch });
    expect(api().map((c) => c.method)).toEqual(['apps.connections.open']);
    expect(fetched).toEqual([]);

    const event = mentionEvent({ text: `<@${BOT_USER}> ${answeredQuestion(engine).question}`, channel: 'C0SOCKET' });
    slack.send({ envelope_id: 'env-1', payload: eventEnvelope(event), type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    await waitFor(() => api().find((c) => c.method === 'chat.postMessage'), 'the answer');
    expect(fetched).toEqual([`${slack.url}chat.postMessage`]);
  });
});

describe('the new surfaces over Socket Mode', () => {
  function send(id: string, type: string, payload: Record<string, unknown>): void {
    slack.send({ envelope_id: id, payload, type, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' });
  }

  it('AT&amp;T is decoded, a pasted token never echoed, and a follow-up in the thread answered without a mention', async () => {
    await startSocketApp();
    const mention = mentionEvent({ text: `<@${BOT_USER}> What did Microsoft pledge to competitors? AT&amp;T xoxb-1234567890-abcdefghij`, channel: 'C0SOCKET' });
    send('env-m', 'events_api', eventEnvelope(mention));
    const post = await waitFor(() => api().find((c) => c.method === 'chat.postMessage'), 'the answer');
    expect(JSON.stringify(post.params)).not.toContain('xoxb-1234567890');
    const followUp = { type: 'message', channel: 'C0SOCKET', channel_type: 'channel', user: 'U0BOB', text: 'and when was that?', ts: '1700000099.000001', thread_ts: mention.ts };
    send('env-f', 'events_api', eventEnvelope(followUp));
    const second = await waitFor(() => api().filter((c) => c.method === 'chat.postMessage')[1], 'the follow-up answer');
    expect(second.params).toMatchObject({ channel: 'C0SOCKET', thread_ts: mention.ts });
    send('env-t', 'events_api', eventEnvelope({ ...followUp, text: 'thanks!', ts: '1700000099.000002' }));
    await waitFor(() => slack.acks.some((a) => a.envelope_id === 'env-t'), 'the ack of the thanks');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(api().filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
  });

  it('the assistant panel, the message shortcut and the workflow step', async () => {
    await startSocketApp();
    send('env-a', 'events_api', eventEnvelope({ type: 'assistant_thread_started', assistant_thread: { user_id: 'U0ALICE', context: {}, channel_id: 'D0ALICE', thread_ts: '1700000100.000001' }, event_ts: '1700000100.000002' }));
    const prompts = await waitFor(() => api().find((c) => c.method === 'assistant.threads.setSuggestedPrompts'), 'suggested prompts');
    expect((prompts.params.prompts as Array<{ message: string }>).map((p) => p.message)).toEqual(engine.examples.slice(0, 4));

    const { question } = answeredQuestion(engine);
    send('env-s', 'interactive', {
      type: 'message_action', callback_id: 'faq_ask_about_message', trigger_id: 't1', message_ts: '1700000100.000003',
      response_url: slack.responseUrl('sc'), message: { type: 'message', user: 'U0BOB', ts: '1700000100.000003', text: question },
      user: { id: 'U0ALICE', name: 'alice' }, channel: { id: 'C0SOCKET', name: 'socket' }, team: { id: 'T0TEAM', domain: 'acme' },
    });
    const reply = await waitFor(() => slack.responses[0]?.body, 'the private shortcut answer');
    expect(reply.response_type).toBe('ephemeral');

    send('env-w', 'events_api', eventEnvelope({ type: 'function_executed', function: { callback_id: 'answer_question' }, inputs: { question }, function_execution_id: 'Fx0SOCKET', workflow_execution_id: 'Wx1', event_ts: '1700000100.000004', bot_access_token: 'xwfp-socket' }));
    const done = await waitFor(() => api().find((c) => c.method === 'functions.completeSuccess'), 'the completed step');
    expect(done.params.function_execution_id).toBe('Fx0SOCKET');
    expect((done.params.outputs as { status: string }).status).toBe('answered');
  });
});
