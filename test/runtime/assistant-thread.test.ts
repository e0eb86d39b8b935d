import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { nowSeconds } from '../slack-stand-in/slack-signing.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { signedPost, startHttpBot } from './helpers/run-serve.ts';

const cleanups = useCleanups();

/** A person's message in an assistant thread, as message.im delivers it (a DM with a thread_ts). */
function assistantMessage(text: string, ts: string): string {
  return JSON.stringify({
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvAsst${ts}`, event_time: nowSeconds(),
    event: { type: 'message', channel_type: 'im', channel: 'D0PANEL', user: 'UALICE', text, ts, thread_ts: '1700000000.000900', event_ts: ts },
  });
}

/**
 * In the bot itself, questions in the assistant panel go through the durable inbox like every DM:
 * they still get the panel's status while answering and the thread's title from its first question.
 */
describe('assistant threads, answered from the inbox', () => {
  it('status before each answer, the title from the first question only, the second read in context', async () => {
    const { api, port } = await startHttpBot(cleanups);
    await signedPost(port, assistantMessage('What is the interoperability pledge?', '1700000000.000901'));
    await waitFor(() => api.callsTo('chat.postMessage', { channel: 'D0PANEL' }).length === 1, 'the first answer');
    await signedPost(port, assistantMessage('and when was that?', '1700000000.000902'));
    await waitFor(() => api.callsTo('chat.postMessage', { channel: 'D0PANEL' }).length === 2, 'the second answer');

    const order = api.calls.filter((c) => c.method.startsWith('assistant.threads.') || c.method === 'chat.postMessage').map((c) => c.method);
    expect(order).toEqual(['assistant.threads.setStatus', 'assistant.threads.setTitle', 'chat.postMessage', 'assistant.threads.setStatus', 'chat.postMessage']);
    expect(api.callsTo('assistant.threads.setStatus')[0]?.params).toMatchObject({ channel_id: 'D0PANEL', thread_ts: '1700000000.000900', status: 'is looking through the articles…' });
    expect(api.callsTo('assistant.threads.setTitle')[0]?.params).toMatchObject({ title: 'What is the interoperability pledge?' });
    const second = api.callsTo('chat.postMessage', { channel: 'D0PANEL' })[1];
    expect(second?.params).toMatchObject({ thread_ts: '1700000000.000900' });
    expect(second?.params['text']).toMatch(/2008/);
  });
});
