import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { mentionEvent, signedPost } from './helpers/run-serve.ts';
import { startChildBot } from './helpers/spawn-serve.ts';

const cleanups = useCleanups();

/** A bot child process with a fault planter preloaded: SIGUSR2 plants `fault`. */
function startBot(fault: 'rejection' | 'exception') {
  return startChildBot(cleanups, { preload: 'test/runtime/fixtures/plant-fault.mjs', env: { FAQBOT_TEST_FAULT: fault } });
}

describe('last-resort process handlers (a real child process)', () => {
  it('an unhandled rejection is logged and the bot keeps answering', async () => {
    const { child, port, api } = await startBot('rejection');
    child.process.kill('SIGUSR2');
    const logged = await waitFor(() => child.lines.find((l) => String(l['msg']).startsWith('Unhandled promise rejection')), 'the rejection to be logged');
    expect(logged).toMatchObject({ level: 'error', error: { message: 'planted rejection' } });

    await signedPost(port, mentionEvent('CAFTER', 'Who founded OpenStack?'));
    await waitFor(() => api.callsTo('chat.postMessage', { channel: 'CAFTER' }).length === 1, 'an answer after the rejection');
    child.process.kill('SIGTERM');
    expect(await child.exit).toBe(0);
  }, 120_000);

  it('an uncaught exception is logged, then the bot shuts down cleanly with exit code 1', async () => {
    const { child } = await startBot('exception');
    child.process.kill('SIGUSR2');
    expect(await child.exit).toBe(1);
    const messages = child.lines.map((l) => l['msg']);
    expect(messages).toContain('Uncaught exception; shutting down');
    expect(child.lines.find((l) => l['msg'] === 'Uncaught exception; shutting down')).toMatchObject({ error: { message: 'planted exception' } });
    expect(messages.at(-1)).toBe('faqbot stopped');
  }, 120_000);
});
