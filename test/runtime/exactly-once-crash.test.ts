import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { mentionEvent, signedPost } from './helpers/run-serve.ts';
import { startChildBot, startSharedApi } from './helpers/spawn-serve.ts';

const cleanups = useCleanups();
const QUESTION = 'Who founded OpenStack?';

// Bot child processes (what npm start runs), one SIGKILLed, sharing one SQLite store. Its own file,
// so that it runs beside the rest of the suite rather than after it.
describe('every acked question answered exactly once across a SIGKILL (SQLite, child processes)', () => {
  it('SIGKILL with acked questions unanswered: the next start answers every one, once', async () => {
    let hold = true;
    const api = await startSharedApi(cleanups, (call) => (call.method === 'chat.postMessage' && hold ? 'hang' : undefined));
    const db = tempDbFile();
    const first = await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1' } });
    const channels = Array.from({ length: 12 }, (_, i) => `CKILL${i}`);
    const acks = await Promise.all(channels.map((channel) => signedPost(first.port, mentionEvent(channel, QUESTION))));
    expect(acks.map((r) => r.status)).toEqual(channels.map(() => 200));
    await waitFor(() => api.callsTo('chat.postMessage').length > 0, 'answering to start');
    first.child.process.kill('SIGKILL');
    await first.child.exit;

    // Slack never sends an acked event again: only the store remembers them.
    hold = false;
    const attemptedBefore = new Set(api.callsTo('chat.postMessage').map((c) => c.params['channel'] ?? ''));
    await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1' } });
    await waitFor(() => channels.every((c) => api.messages.get(c)?.length === 1), 'every question answered after the restart', 45_000);
    await settle(300);
    for (const channel of channels) expect(api.messages.get(channel)).toHaveLength(1);
    // The ones the killed process had started on were looked for before being posted again.
    for (const channel of attemptedBefore) expect(api.callsTo('conversations.replies', { channel }).length).toBeGreaterThan(0);
  }, 120_000);
});
