import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { nativeFeedback } from '../helpers/blocks.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { blockAction } from '../helpers/slack-payloads.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { mentionEvent, signedPost, startHttpBot } from './helpers/run-serve.ts';

const cleanups = useCleanups();

/**
 * Feedback on an answer the bot posted: each person's vote is kept in the store (one per answer
 * and user, changeable) and acknowledged to that person alone; everyone else still sees the buttons.
 */
describe('feedback votes, kept in the store', () => {
  it('a vote and a change of mind by one user: one vote stored, with the latest verdict; receipts only to the voter', async () => {
    const db = tempDbFile();
    const { api, port } = await startHttpBot(cleanups, { FAQBOT_DB: db });
    await signedPost(port, mentionEvent('CVOTE', 'Who founded OpenStack?', '1700000000.500001'));
    await waitFor(() => api.callsTo('chat.postMessage', { channel: 'CVOTE' }).length === 1, 'the answer');
    const answer = api.callsTo('chat.postMessage', { channel: 'CVOTE' })[0];
    const answerTs = api.messages.get('CVOTE')?.[0]?.ts ?? '';
    const [buttons] = nativeFeedback(JSON.parse(answer?.params['blocks'] ?? '[]'));
    expect(buttons).toBeDefined();

    const click = (value: string) =>
      signedPost(port, new URLSearchParams({ payload: JSON.stringify(blockAction({ actionId: buttons!.actionId, value, responseUrl: `${api.url}respond/vote`, channel: 'CVOTE', messageTs: answerTs, threadTs: '1700000000.500001', user: 'U0BOB' })) }).toString(), {
        contentType: 'application/x-www-form-urlencoded',
      });
    expect((await click(buttons!.positive.value)).status).toBe(200);
    await waitFor(() => api.callsTo('chat.postEphemeral').length === 1, 'the receipt');
    expect((await click(buttons!.negative.value)).status).toBe(200);
    await waitFor(() => api.callsTo('chat.postEphemeral').length === 2, 'the second receipt');
    expect(api.callsTo('chat.postEphemeral').map((c) => c.params['user'])).toEqual(['U0BOB', 'U0BOB']);
    expect(api.callsTo('chat.update')).toEqual([]);

    const store = new SqliteStore(db);
    cleanups.push(() => store.close());
    const votes = await store.votesSince(0);
    expect(votes).toEqual([expect.objectContaining({ user: 'U0BOB', verdict: 'not_helpful', entryId: expect.any(String) })]);
  });
});
