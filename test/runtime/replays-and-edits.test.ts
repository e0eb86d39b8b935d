import { describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import { renderAnswer } from '../../src/slack/blocks/render-answer.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { nowSeconds, slackSignature } from '../slack-stand-in/slack-signing.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { SIGNING_SECRET, signedPost, startHttpBot } from './helpers/run-serve.ts';

const cleanups = useCleanups();

/** A signed request exactly as given (same timestamp and signature), to be sent again verbatim. */
function signedRequest(port: number, body: string, contentType: string, timestamp = nowSeconds()): () => Promise<Response> {
  const signature = slackSignature(SIGNING_SECRET, timestamp, body);
  return () =>
    fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
      body,
    });
}

function faqCommand(responseUrl: string, text: string): string {
  return new URLSearchParams({
    token: 'legacy', team_id: 'T1', channel_id: 'C1', user_id: 'UALICE', command: '/faq', text,
    api_app_id: 'A1', response_url: responseUrl, trigger_id: `trig${Math.random()}`,
  }).toString();
}

describe('replays and clocks', () => {
  it('a replayed signed /faq is handled once', async () => {
    const { api, port } = await startHttpBot(cleanups);
    const send = signedRequest(port, faqCommand(`${api.url}respond/replayed`, 'Who founded OpenStack?'), 'application/x-www-form-urlencoded');
    expect((await send()).status).toBe(200);
    await waitFor(() => api.callsTo('respond/replayed').length === 1, 'the answer to the command');
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    // A different command afterwards is answered, so the replays had their chance.
    const other = signedRequest(port, faqCommand(`${api.url}respond/other`, 'What is Hyper-V?'), 'application/x-www-form-urlencoded');
    await other();
    await waitFor(() => api.callsTo('respond/other').length === 1, 'the other command');
    expect(api.callsTo('respond/replayed')).toHaveLength(1);
  });

  it('a replayed button click is handled once', async () => {
    const { api, port } = await startHttpBot(cleanups);
    const payload = {
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'UALICE' }, api_app_id: 'A1', token: 'legacy', trigger_id: 'trig-click',
      container: { type: 'message', channel_id: 'C1', message_ts: '1700000000.000001', is_ephemeral: true },
      channel: { id: 'C1' }, response_url: `${api.url}respond/click`,
      actions: [{ type: 'button', action_id: 'faq_choose_0', block_id: 'faq_choices', value: JSON.stringify({ e: null, q: 'Who founded OpenStack?' }), action_ts: '1700000001.000001' }],
    };
    const send = signedRequest(port, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    expect((await send()).status).toBe(200);
    await waitFor(() => api.callsTo('respond/click').length >= 1, 'the click to be answered');
    await send();
    await settle(300);
    expect(api.callsTo('respond/click')).toHaveLength(1);
  });

  it.each([
    ['6 minutes ahead', 6 * 60],
    ['24 hours ahead', 24 * 3600],
    ['6 minutes behind', -6 * 60],
  ])('a correctly signed request timestamped %s is refused (401) and not handled', async (_, offset) => {
    const { api, port } = await startHttpBot(cleanups);
    const send = signedRequest(port, faqCommand(`${api.url}respond/skewed`, 'Who founded OpenStack?'), 'application/x-www-form-urlencoded', nowSeconds() + offset);
    expect((await send()).status).toBe(401);
    await settle(200);
    expect(api.callsTo('respond/skewed')).toHaveLength(0);
  });
});

function dm(channel: string, ts: string, text: string): string {
  return JSON.stringify({
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${ts}`, event_time: 1700000000,
    event: { type: 'message', channel_type: 'im', channel, user: 'UALICE', text, ts, event_ts: ts },
  });
}

function dmEdit(channel: string, ts: string, text: string, editedTs: string): string {
  return JSON.stringify({
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvEdit${editedTs}`, event_time: 1700000000,
    event: {
      type: 'message', subtype: 'message_changed', channel_type: 'im', channel, hidden: true, ts: editedTs, event_ts: editedTs,
      message: { type: 'message', user: 'UALICE', text, ts, edited: { user: 'UALICE', ts: editedTs } },
      previous_message: { type: 'message', user: 'UALICE', text: 'before', ts },
    },
  });
}

describe('edits', () => {
  it('an edit of an answered question updates that answer in place, once per edit', async () => {
    const engine = await seedsEngine();
    const { api, port } = await startHttpBot(cleanups);
    await signedPost(port, dm('D1EDIT', '1700000000.000100', 'What is Hyper-V?'));
    await waitFor(() => api.callsTo('chat.postMessage').length === 1, 'the answer');
    const answerTs = api.messages.get('D1EDIT')?.[0]?.ts;

    const edit = dmEdit('D1EDIT', '1700000000.000100', 'Who founded OpenStack?', '1700000050.000001');
    await signedPost(port, edit);
    const [update] = await waitFor(() => api.callsTo('chat.update').length === 1 && api.callsTo('chat.update'), 'the answer to be updated');
    expect(update?.params).toMatchObject({ channel: 'D1EDIT', ts: answerTs, text: renderAnswer(engine.ask('Who founded OpenStack?'), { examples: engine.examples }).text });
    // The same edit delivered again changes nothing; no new message either way.
    await signedPost(port, edit, { retryNum: 1 });
    await settle(300);
    expect(api.callsTo('chat.update')).toHaveLength(1);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('an edit while the answer is being posted: that answer is updated to the edited text, no second message', async () => {
    const engine = await seedsEngine();
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { api, port } = await startHttpBot(cleanups, {}, async (call) => {
      if (call.method === 'chat.postMessage' && call.params['channel'] === 'D1HOLD') await gate;
      return undefined;
    });
    await signedPost(port, dm('D1HOLD', '1700000000.000200', 'What is Hyper-V?'));
    await waitFor(() => api.callsTo('chat.postMessage').length === 1, 'the first answer to be posting');
    await signedPost(port, dmEdit('D1HOLD', '1700000000.000200', 'Who founded OpenStack?', '1700000060.000001'));
    open();
    await waitFor(() => api.callsTo('chat.update').length === 1, 'the edited question answered');
    await settle(300);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(api.callsTo('chat.update')[0]?.params['text']).toBe(renderAnswer(engine.ask('Who founded OpenStack?'), { examples: engine.examples }).text);
  });
});

describe('health', () => {
  it('/healthz says 503 and why when Slack refuses the token; the question waits in the store', async () => {
    const { api, port } = await startHttpBot(cleanups, {}, (call) => (call.method === 'chat.postMessage' ? { ok: false, error: 'token_revoked' } : undefined));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await signedPost(port, dm('D1REVOKED', '1700000000.000300', 'What is Hyper-V?'));
    await waitFor(() => api.callsTo('chat.postMessage').length === 1, 'the refused post');
    let response = await fetch(`http://127.0.0.1:${port}/healthz`);
    for (let i = 0; i < 50 && response.status === 200; i += 1) {
      await settle(20);
      response = await fetch(`http://127.0.0.1:${port}/healthz`);
    }
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unhealthy', reasons: ['Slack refuses the bot token: token_revoked'] });
  });
});
