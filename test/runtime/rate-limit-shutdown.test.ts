import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { mentionEvent, signedPost } from './helpers/run-serve.ts';
import { startChildBot } from './helpers/spawn-serve.ts';

const cleanups = useCleanups();

describe('shutdown while a call waits out a 429 (a real child process)', () => {
  it('the wait does not keep the process alive: it exits at once on "stop now", and posts nothing late', async () => {
    const { api, port, child } = await startChildBot(cleanups, {
      env: { HOST: '127.0.0.1' },
      handler: (call) => (call.method === 'chat.postMessage' ? { status: 429, headers: { 'retry-after': '60' } } : undefined),
    });

    await signedPost(port, mentionEvent('CLIMITED', 'Who founded OpenStack?'));
    await waitFor(() => child.output.includes('"retryAfterSec":60'), 'the 60 s wait to start');
    const stopping = Date.now();
    // The second signal means "stop now": the answer waiting out its 60 s is abandoned.
    child.process.kill('SIGTERM');
    await waitFor(() => child.output.includes('Shutting down'), 'shutdown to start');
    child.process.kill('SIGTERM');
    expect(await child.exit).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(child.output).toContain('Stopped without finishing every answer in flight');
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  }, 20_000);
});
