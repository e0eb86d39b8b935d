import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, runServe } from './helpers/run-serve.ts';

const APP_TOKEN = 'xapp-1-A1-2-runtimeapptoken';

const cleanups = useCleanups();

/** The stand-in Web API speaking Socket Mode, stopped after the test; `appTokenAccepted: false` refuses every app token. */
async function localSlack(appTokenAccepted = true): Promise<FakeSlackApi> {
  const slack = await new FakeSlackApi().socketMode(appTokenAccepted ? APP_TOKEN : 'xapp-not-this-one').start();
  cleanups.push(() => slack.stop());
  return slack;
}

describe('serve in Socket Mode', () => {
  it('connects, acks an envelope, answers it, and on SIGTERM disconnects and exits 0', async () => {
    const slack = await localSlack();
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.url });
    expect(await bot.ready).toEqual({ mode: 'socket' });
    expect(slack.calls.map((c) => c.method)).toEqual(['auth.test', 'apps.connections.open']);

    const ts = '1700000009.000100';
    slack.sockets[0]?.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: {
          type: 'event_callback',
          team_id: 'T1',
          api_app_id: 'A1',
          event_id: 'EvSOCKET1',
          event_time: 1700000009,
          authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
          event: { type: 'app_mention', user: 'UASKER', text: '<@UBOT> Who founded OpenStack?', ts, channel: 'CSOCKET', event_ts: ts },
        },
      }),
    );
    await waitFor(() => slack.acks.some((a) => (a as { envelope_id?: string }).envelope_id === 'env-1'), 'the ack');
    const post = await waitFor(() => slack.callsTo('chat.postMessage')[0], 'the answer');
    expect(post.params).toMatchObject({ channel: 'CSOCKET', thread_ts: ts });
    expect(post.authorization).toBe(`Bearer ${BOT_TOKEN}`);

    bot.signals.emit('SIGTERM');
    expect(await bot.exit).toBe(0);
    await waitFor(() => slack.sockets.every((s) => s.readyState === s.CLOSED), 'the socket to close');
    expect(bot.stdout.text).not.toContain(APP_TOKEN);
    expect(bot.stdout.text).not.toContain(BOT_TOKEN);
  });

  it('answers get the per-call 429 handling too: a channel waiting out Retry-After holds up no other', async () => {
    const slack = await localSlack();
    const socketApi = slack.handler;
    slack.handler = (call) =>
      call.method === 'chat.postMessage' && call.params['channel'] === 'CLIMITED' ? { status: 429, headers: { 'retry-after': '30' } } : socketApi?.(call);
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.url });
    await bot.ready;
    const ask = (id: string, channel: string, ts: string): void =>
      slack.sockets[0]?.send(
        JSON.stringify({
          envelope_id: id,
          type: 'events_api',
          accepts_response_payload: false,
          payload: {
            type: 'event_callback',
            event_id: `Ev${id}`,
            authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
            event: { type: 'app_mention', user: 'UASKER', text: '<@UBOT> Who founded OpenStack?', ts, channel, event_ts: ts },
          },
        }),
      );

    ask('env-limited', 'CLIMITED', '1700000010.000100');
    await waitFor(() => slack.callsTo('chat.postMessage', { channel: 'CLIMITED' }).length === 1, 'the rate-limited post');
    await new Promise((resolve) => setTimeout(resolve, 200));
    ask('env-other', 'COTHER', '1700000010.000200');
    await waitFor(() => slack.callsTo('chat.postMessage', { channel: 'COTHER' }).length === 1, 'the other channel’s answer', 3_000);
    expect(slack.callsTo('chat.postMessage', { channel: 'CLIMITED' })).toHaveLength(1);
    // The connection itself is untouched: one apps.connections.open, the socket still open.
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
    expect(slack.sockets[0]?.readyState).toBe(slack.sockets[0]?.OPEN);

    bot.signals.emit('SIGTERM');
    bot.signals.emit('SIGTERM');
    expect(await bot.exit).toBe(0);
  });

  it('an app token Slack refuses: one clear line naming SLACK_APP_TOKEN, exit 1', async () => {
    const slack = await localSlack(false);
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.url });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr.text).toBe(
      'faqbot: Slack rejected SLACK_APP_TOKEN (invalid_auth): the token is not valid. Copy an app-level token (xapp-…) with the connections:write scope from Basic Information → App-Level Tokens.\n',
    );
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
  });
});
