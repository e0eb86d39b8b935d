import { describe, expect, it } from 'vitest';
import { DRAIN_TIMEOUT_MS } from '../../src/runtime/run-slack-bot.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { mentionEvent, signedPost } from './helpers/run-serve.ts';
import { startChildBot, startSharedApi } from './helpers/spawn-serve.ts';

const cleanups = useCleanups();

// A bot child process (what npm start runs), stopped while a post hangs, then a second one on the same
// SQLite store. Its own file, so its drain wait runs beside the rest of the suite, not after it.
describe('SIGTERM while Slack hangs (SQLite, child processes)', () => {
  it('SIGTERM with Slack hanging on every post: the bot exits well inside a 10 s grace, and the next start answers', async () => {
    let hang = true;
    const api = await startSharedApi(cleanups, (call) => (call.method === 'chat.postMessage' && hang ? 'hang' : undefined));
    const db = tempDbFile();
    const first = await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1', SLACK_TIMEOUT_MS: '60000' } });
    await signedPost(first.port, mentionEvent('CSLOW', 'Who founded OpenStack?'));
    await waitFor(() => api.callsTo('chat.postMessage', { channel: 'CSLOW' }).length === 1, 'the post to hang');
    const stopping = Date.now();
    first.child.process.kill('SIGTERM');
    expect(await first.child.exit).toBe(0);
    // It gave up on the hanging post at the drain limit, not at the post's own 60 s timeout (a wide
    // bound: a loaded machine slows the exit, not the choice); the limit itself sits inside the grace.
    expect(Date.now() - stopping).toBeLessThan(30_000);
    expect(DRAIN_TIMEOUT_MS).toBeLessThan(10_000 - 2_000);
    expect(first.child.output).toContain('unanswered questions stay in the store');

    hang = false;
    await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1' } });
    await waitFor(() => api.messages.get('CSLOW')?.length === 1, 'the answer after the restart', 45_000);
  }, 120_000);
});
