import type { QuestionStatus, Store } from '../../src/store/store.ts';

let seq = 0;

/**
 * Records a question the way the bot does: enqueued before the ack, claimed by the worker, then
 * completed with what the engine decided.
 */
export async function recordQuestion(
  store: Store,
  text: string,
  outcome: { status: QuestionStatus; entryId?: string | null; at: number; latencyMs?: number; user?: string },
): Promise<string> {
  seq += 1;
  const ts = `${Math.floor(outcome.at / 1000)}.${String(seq).padStart(6, '0')}`;
  const key = `T1:D1:${ts}`;
  await store.enqueue({ key, team: 'T1', channel: 'D1', ts, threadTs: null, replyThreadTs: null, user: outcome.user ?? 'UASKER', surface: 'dm', text, responseUrl: null, receivedAt: outcome.at });
  const claimed = await store.claim({ owner: 'test', limit: 100, leaseMs: 30_000, now: outcome.at });
  for (const c of claimed) {
    if (c.key !== key) continue;
    await store.complete(key, 'test', { status: outcome.status, entryId: outcome.entryId ?? null, score: 0.5, answerTs: null, answeredAt: outcome.at + (outcome.latencyMs ?? 10), revision: c.revision });
  }
  return key;
}
