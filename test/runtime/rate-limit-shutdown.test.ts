import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { mentionEvent, signedPost } from './helpers/run-serve.ts';
import { startChildBot } from './helpers/spawn-serve.ts';

const cleanups = useCleanups();

describe('shutdown while a call waits out a 429 (a real child process)', () => {
  it('a 60 s Retry-After is waited out in the store, not in the process: SIGTERM exits at once, and nothing is posted late', async () => {
    const { api, port, child } = await startChildBot(cleanups, {
      env: { HOST: '127.0.0.1' },
      handler: (call) => (call.method === 'chat.postMessage' ? { status: 429, headers: { 'retry-after': '60' } } : undefined),
    });

    await signedPost(port, mentionEvent('CLIMITED', 'Who founded OpenStack?'));
    await waitFor(() => child.output.includes('"retryInMs":60000'), 'the answer to be postponed by 60 s');
    const stopping = Date.now();
    child.process.kill('SIGTERM');
    expect(await child.exit).toBe(0);
    // Far below the 60 s wait it would sit out if it waited in the process (a loaded machine slows the exit).
    expect(Date.now() - stopping).toBeLessThan(30_000);
    expect(child.output).not.toContain('Stopped before every answer was sent');
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  }, 120_000);
});
