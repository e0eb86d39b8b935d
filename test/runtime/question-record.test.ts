import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { signedPost, startHttpBot } from './helpers/run-serve.ts';

const cleanups = useCleanups();
const FORM = { contentType: 'application/x-www-form-urlencoded' };

/**
 * Every question is in the record (stats, the curator's inbox), whichever surface it came from:
 * mentions and DMs through the inbox, and /faq and "Ask faqbot" answered at once.
 */
describe('the question record', () => {
  it('/faq and the message shortcut are recorded with surface, outcome and entry; a /faq help is not a question', async () => {
    const db = tempDbFile();
    const { api, port } = await startHttpBot(cleanups, { FAQBOT_DB: db });
    const command = (text: string, trigger: string) =>
      new URLSearchParams({ token: 'legacy', team_id: 'T1', channel_id: 'C1', user_id: 'UALICE', command: '/faq', text, api_app_id: 'A1', response_url: `${api.url}respond/${trigger}`, trigger_id: trigger }).toString();
    await signedPost(port, command('Who founded OpenStack?', 'trig-1'), FORM);
    await signedPost(port, command('What is the capital of France?', 'trig-2'), FORM);
    await signedPost(port, command('help', 'trig-3'), FORM);
    const shortcut = {
      type: 'message_action', callback_id: 'faq_ask_about_message', trigger_id: 'trig-4', team: { id: 'T1' }, user: { id: 'UBOB' }, channel: { id: 'C2' },
      message: { type: 'message', text: 'What is Hyper-V?', ts: '1700000000.000400', user: 'UCAROL' }, response_url: `${api.url}respond/trig-4`, token: 'legacy', api_app_id: 'A1',
    };
    await signedPost(port, new URLSearchParams({ payload: JSON.stringify(shortcut) }).toString(), FORM);
    await waitFor(() => ['trig-1', 'trig-2', 'trig-3', 'trig-4'].every((t) => api.callsTo(`respond/${t}`).length === 1), 'every reply');

    const store = new SqliteStore(db);
    cleanups.push(() => store.close());
    let rows = await store.questionsSince(0);
    // Recorded just after each reply is sent.
    for (let i = 0; i < 100 && rows.length < 3; i += 1) {
      await settle(20);
      rows = await store.questionsSince(0);
    }
    const seen = rows.map((r) => [r.surface, r.text, r.status, r.state]).sort();
    expect(seen).toEqual([
      ['command', 'What is the capital of France?', 'unknown', 'answered'],
      ['command', 'Who founded OpenStack?', 'answered', 'answered'],
      ['shortcut', 'What is Hyper-V?', 'answered', 'answered'],
    ]);
    expect(rows.find((r) => r.text === 'Who founded OpenStack?')?.entryId).toEqual(expect.any(String));
  });
});
