import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewQuestion, Store } from '../../src/store/store.ts';
import { backends, noticePostgresSkipped, type Backend } from './store-backends.ts';

noticePostgresSkipped();

const T0 = 1_700_000_000_000;
const LEASE = 30_000;

let seq = 0;
function question(overrides: Partial<NewQuestion> = {}): NewQuestion {
  seq += 1;
  const ts = `1700000000.${String(seq).padStart(6, '0')}`;
  return {
    key: `T1:C1:${ts}`,
    team: 'T1',
    channel: 'C1',
    ts,
    threadTs: null,
    replyThreadTs: ts,
    user: 'U1',
    surface: 'mention',
    text: 'What is Hyper-V?',
    responseUrl: null,
    receivedAt: T0,
    ...overrides,
  };
}

describe.each(backends())('Store contract: $name', (backend: Backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const extra: Store[] = [];

  beforeEach(async () => {
    ({ store, dispose } = await backend.open());
  });
  afterEach(async () => {
    for (const s of extra.splice(0)) await s.close();
    await dispose();
  });

  const sibling = async (): Promise<Store> => {
    const s = await backend.openSibling(store);
    extra.push(s);
    return s;
  };

  it('migrates once, also when two replicas start at the same moment', async () => {
    const [a, b] = [await sibling(), await sibling()];
    await Promise.all([a.migrate(), b.migrate(), store.migrate()]);
    expect(await a.enqueue(question())).toBe('new');
  });

  it('a question key is stored once: a retry, a duplicate delivery or another replica finds it', async () => {
    const q = question();
    expect(await store.enqueue(q)).toBe('new');
    expect(await store.enqueue({ ...q, text: 'changed?' })).toBe('duplicate');
    const other = await sibling();
    const results = await Promise.all([other.enqueue(q), store.enqueue(q)]);
    expect(results).toEqual(['duplicate', 'duplicate']);
    const fresh = question();
    const race = await Promise.all([other.enqueue(fresh), store.enqueue(fresh)]);
    expect(race.sort()).toEqual(['duplicate', 'new']);
    const [claimed] = await store.claim({ owner: 'a', limit: 10, leaseMs: LEASE, now: T0 });
    expect(claimed?.text).toBe('What is Hyper-V?');
  });

  it('a burst of questions, a retry among them racing its original, are each stored once', async () => {
    const burst = Array.from({ length: 60 }, () => question());
    const racing = burst[7]!;
    const results = await Promise.all([...burst, racing, racing].map((q) => store.enqueue(q)));
    expect(results.filter((r) => r === 'new')).toHaveLength(60);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(2);
    const claimed = await store.claim({ owner: 'a', limit: 100, leaseMs: LEASE, now: T0 });
    expect(claimed).toHaveLength(60);
  });

  it('outcomes recorded at the same moment are each kept as given; one for a question edited meanwhile leaves it to answer again', async () => {
    const burst = Array.from({ length: 12 }, (_, i) => question({ receivedAt: T0 + i }));
    for (const q of burst) await store.enqueue(q);
    const claimed = await store.claim({ owner: 'a', limit: 20, leaseMs: LEASE, now: T0 + 100 });
    expect(claimed).toHaveLength(12);
    const edited = claimed[3]!;
    expect(await store.applyEdit(edited.key, 'What is OpenStack?', '1700000001.000001', T0 + 150)).toBe('pending');
    await Promise.all(
      claimed.map((c, i) =>
        i === 5
          ? store.complete(c.key, 'a', { status: 'failed', entryId: null, score: null, answerTs: null, answeredAt: T0 + 200, revision: c.revision, error: 'channel_not_found' })
          : store.complete(c.key, 'a', { status: i % 2 ? 'unknown' : 'answered', entryId: `e${i}`, score: i / 10, answerTs: `1800000000.${String(i).padStart(6, '0')}`, answeredAt: T0 + 200 + i, revision: c.revision }),
      ),
    );
    const rows = new Map((await store.questionsSince(T0)).map((r) => [r.key, r]));
    claimed.forEach((c, i) => {
      const row = rows.get(c.key);
      if (i === 5) expect(row).toMatchObject({ state: 'failed', status: 'failed' });
      else if (c.key === edited.key) expect(row).toMatchObject({ state: 'pending' });
      else expect(row).toMatchObject({ state: 'answered', status: i % 2 ? 'unknown' : 'answered', entryId: `e${i}`, score: i / 10, latencyMs: 200 });
    });
    const [again] = await store.claim({ owner: 'a', limit: 20, leaseMs: LEASE, now: T0 + 300 });
    expect(again).toMatchObject({ key: edited.key, text: 'What is OpenStack?', answerTs: '1800000000.000003' });
  });

  it('claims each due question for one owner at a time, oldest first, with a lease', async () => {
    const first = question({ receivedAt: T0 });
    const second = question({ receivedAt: T0 + 5 });
    await store.enqueue(second);
    await store.enqueue(first);
    const claimed = await store.claim({ owner: 'a', limit: 10, leaseMs: LEASE, now: T0 + 10 });
    expect(claimed.map((c) => c.key)).toEqual([first.key, second.key]);
    expect(claimed[0]).toMatchObject({ attempts: 1, revision: 0, answerTs: null, channel: 'C1', replyThreadTs: first.ts, surface: 'mention' });
    expect(await store.claim({ owner: 'b', limit: 10, leaseMs: LEASE, now: T0 + 20 })).toEqual([]);
    // Not yet due: a question received "later" than now waits.
    await store.enqueue(question({ receivedAt: T0 + 100_000 }));
    expect(await store.claim({ owner: 'b', limit: 10, leaseMs: LEASE, now: T0 + 20 })).toEqual([]);
  });

  it('a dead replica\'s claims are taken over once its lease runs out; a live one keeps its by renewing', async () => {
    const q = question();
    const kept = question();
    await store.enqueue(q);
    await store.enqueue(kept);
    await store.claim({ owner: 'dead', limit: 1, leaseMs: LEASE, now: T0 });
    await store.claim({ owner: 'alive', limit: 1, leaseMs: LEASE, now: T0 });
    expect(await store.renewLeases('alive', LEASE, T0 + LEASE - 1)).toBe(1);
    const other = await sibling();
    const taken = await other.claim({ owner: 'b', limit: 10, leaseMs: LEASE, now: T0 + LEASE + 1 });
    expect(taken.map((c) => [c.key, c.attempts])).toEqual([[q.key, 2]]);
  });

  it('a restarted replica resumes its own claims at once', async () => {
    const q = question();
    await store.enqueue(q);
    await store.claim({ owner: 'r1', limit: 1, leaseMs: LEASE, now: T0 });
    expect(await store.releaseOwn('r2', T0 + 1)).toBe(0);
    expect(await store.releaseOwn('r1', T0 + 1)).toBe(1);
    const [again] = await store.claim({ owner: 'r1', limit: 1, leaseMs: LEASE, now: T0 + 2 });
    expect(again).toMatchObject({ key: q.key, attempts: 2 });
  });

  it('two replicas claiming at once never get the same question', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const q = question();
      keys.push(q.key);
      await store.enqueue(q);
    }
    const other = await sibling();
    const rounds = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).claim({ owner: `o${i}`, limit: 7, leaseMs: LEASE, now: T0 + 1 })),
    );
    const claimed = rounds.flat().map((c) => c.key);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual(keys.sort());
  });

  it('a released claim is due again at the given time; a rate-limited one keeps its attempt count', async () => {
    const q = question();
    await store.enqueue(q);
    await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 });
    await store.release(q.key, 'a', T0 + 61_000, { countAttempt: false, error: 'rate limited' });
    expect(await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 + 60_000 })).toEqual([]);
    const [again] = await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 + 61_000 });
    expect(again?.attempts).toBe(1);
    await store.release(q.key, 'someone-else', T0, {});
    expect(await store.claim({ owner: 'b', limit: 1, leaseMs: LEASE, now: T0 + 62_000 })).toEqual([]);
  });

  it('records the answer, and how long it took', async () => {
    const q = question();
    await store.enqueue(q);
    const [c] = await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 });
    await store.complete(q.key, 'a', { status: 'answered', entryId: 'what-is-hyper-v', score: 0.91, answerTs: '1800000000.000001', answeredAt: T0 + 250, revision: c!.revision });
    expect(await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 + LEASE * 2 })).toEqual([]);
    expect(await store.oldestPendingAgeMs(T0 + 1000)).toBeNull();
    const [row] = await store.questionsSince(T0);
    expect(row).toMatchObject({ key: q.key, state: 'answered', status: 'answered', entryId: 'what-is-hyper-v', score: 0.91, latencyMs: 250, text: 'What is Hyper-V?', surface: 'mention' });
  });

  it('an edit before the answer is answered once with the new text; after it, it queues an update', async () => {
    const q = question();
    await store.enqueue(q);
    expect(await store.applyEdit(q.key, 'What is OpenStack?', '1700000100.000001', T0 + 1)).toBe('pending');
    const [c] = await store.claim({ owner: 'a', limit: 5, leaseMs: LEASE, now: T0 + 2 });
    expect(c).toMatchObject({ text: 'What is OpenStack?', revision: 1 });
    // The same edit delivered again, or an older one, changes nothing.
    expect(await store.applyEdit(q.key, 'What is OpenStack?', '1700000100.000001', T0 + 3)).toBe('stale');
    await store.complete(q.key, 'a', { status: 'answered', entryId: 'e', score: 1, answerTs: '1800000000.000009', answeredAt: T0 + 4, revision: 1 });
    expect(await store.applyEdit(q.key, 'Who founded OpenStack?', '1700000200.000001', T0 + 5)).toBe('reanswer');
    const [update] = await store.claim({ owner: 'a', limit: 5, leaseMs: LEASE, now: T0 + 6 });
    expect(update).toMatchObject({ text: 'Who founded OpenStack?', revision: 2, answerTs: '1800000000.000009' });
    expect(await store.applyEdit('T1:C1:nope', 'x', '1700000300.000001', T0)).toBe('unknown');
  });

  it('an edit while the answer is being posted sends the question round again', async () => {
    const q = question();
    await store.enqueue(q);
    const [c] = await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 });
    expect(await store.applyEdit(q.key, 'Who founded OpenStack?', '1700000100.000001', T0 + 1)).toBe('pending');
    await store.complete(q.key, 'a', { status: 'answered', entryId: 'e', score: 1, answerTs: '1800000000.000001', answeredAt: T0 + 2, revision: c!.revision });
    const [again] = await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 + 3 });
    expect(again).toMatchObject({ text: 'Who founded OpenStack?', answerTs: '1800000000.000001' });
  });

  it('says how long the oldest unanswered question has waited', async () => {
    expect(await store.oldestPendingAgeMs(T0)).toBeNull();
    await store.enqueue(question({ receivedAt: T0 }));
    await store.enqueue(question({ receivedAt: T0 + 10_000 }));
    await store.claim({ owner: 'a', limit: 1, leaseMs: LEASE, now: T0 + 10_000 });
    expect(await store.oldestPendingAgeMs(T0 + 61_000)).toBe(61_000);
  });

  it('knows the threads the bot answered in, and the first question asked there', async () => {
    const root = question({ channel: 'C7', ts: '1700000000.100000', replyThreadTs: '1700000000.100000', text: 'What did Microsoft pledge to competitors?' });
    const later = question({ channel: 'C7', ts: '1700000000.200000', threadTs: '1700000000.100000', replyThreadTs: '1700000000.100000', surface: 'thread', text: 'and when was that?' });
    const dm = question({ channel: 'D7', replyThreadTs: null, surface: 'dm', text: 'Who founded OpenStack?' });
    // The follow-up is answered first: the thread's context is still its opening question.
    for (const q of [later, root, dm]) await store.enqueue(q);
    expect(await store.threadQuestion('C7', '1700000000.100000')).toBeNull();
    const claimed = await store.claim({ owner: 'a', limit: 5, leaseMs: LEASE, now: T0 });
    for (const c of claimed) await store.complete(c.key, 'a', { status: 'answered', entryId: null, score: null, answerTs: c.channel === 'D7' ? '1800000000.000077' : `1800000000.0000${c.ts.slice(-6, -4)}`, answeredAt: T0, revision: 0 });
    expect(await store.threadQuestion('C7', '1700000000.100000')).toBe('What did Microsoft pledge to competitors?');
    // A reply under a DM answer posted inline.
    expect(await store.threadQuestion('D7', '1800000000.000077')).toBe('Who founded OpenStack?');
    expect(await store.threadQuestion('C7', '1700000000.999999')).toBeNull();
    expect(await (await sibling()).threadQuestion('C7', '1700000000.100000')).toBe('What did Microsoft pledge to competitors?');
  });

  it('records a question answered outside the inbox (/faq): in the record, never claimed, recorded once', async () => {
    const command = question({ key: 'T1:C1:cmd:trig1', surface: 'command', replyThreadTs: null, text: 'Who founded OpenStack?', receivedAt: T0 });
    await store.recordAnswered(command, { status: 'answered', entryId: 'who-founded-openstack', score: 0.9, answerTs: null, answeredAt: T0 + 40 });
    await store.recordAnswered({ ...command, text: 'again' }, { status: 'unknown', entryId: null, score: 0.1, answerTs: null, answeredAt: T0 + 90 });
    expect(await store.claim({ owner: 'a', limit: 5, leaseMs: LEASE, now: T0 + 1000 })).toEqual([]);
    expect(await store.oldestPendingAgeMs(T0 + 1000)).toBeNull();
    const rows = await store.questionsSince(T0);
    expect(rows).toEqual([expect.objectContaining({ key: 'T1:C1:cmd:trig1', surface: 'command', state: 'answered', status: 'answered', entryId: 'who-founded-openstack', text: 'Who founded OpenStack?', latencyMs: 40 })]);
  });

  it('keeps one vote per (answer, user), changeable', async () => {
    const vote = { answerChannel: 'C1', answerTs: '1800000000.000001', user: 'UALICE', verdict: 'helpful' as const, entryId: 'e1', question: 'q', at: T0 };
    expect(await store.recordVote(vote)).toBe('new');
    expect(await store.recordVote({ ...vote, at: T0 + 1 })).toBe('unchanged');
    expect(await store.recordVote({ ...vote, verdict: 'not_helpful', at: T0 + 2 })).toBe('changed');
    expect(await store.recordVote({ ...vote, user: 'UBOB', at: T0 + 3 })).toBe('new');
    const votes = await store.votesSince(T0);
    expect(votes.map((v) => [v.user, v.verdict]).sort()).toEqual([['UALICE', 'not_helpful'], ['UBOB', 'helpful']]);
    // The entry and the question as asked come back too: a not-helpful vote is a curation suggestion.
    expect(votes.map((v) => [v.entryId, v.question])).toEqual([['e1', 'q'], ['e1', 'q']]);
  });

  it('sees a signed request once until it expires, also across replicas', async () => {
    const other = await sibling();
    expect(await store.firstSight('sig-1', T0 + 300_000, T0)).toBe(true);
    expect(await other.firstSight('sig-1', T0 + 300_000, T0 + 1)).toBe(false);
    expect(await other.firstSight('sig-1', T0 + 700_000, T0 + 300_000)).toBe(true);
    const race = await Promise.all([store.firstSight('sig-2', T0 + 10, T0), other.firstSight('sig-2', T0 + 10, T0)]);
    expect(race.sort()).toEqual([false, true]);
  });

  it('a key forgotten (what it guarded failed) is a first sight again, on every replica', async () => {
    const other = await sibling();
    expect(await store.firstSight('choice:C1:1', T0 + 300_000, T0)).toBe(true);
    await store.forgetSight('choice:C1:1');
    expect(await other.firstSight('choice:C1:1', T0 + 300_000, T0 + 1)).toBe(true);
    expect(await store.firstSight('choice:C1:1', T0 + 300_000, T0 + 2)).toBe(false);
  });

  it('purges question texts older than the retention period, keeping the record', async () => {
    const old = question({ receivedAt: T0, text: 'old secret question', responseUrl: 'https://hooks.slack.com/commands/x' });
    const recent = question({ receivedAt: T0 + 90 * 86_400_000 });
    for (const q of [old, recent]) await store.enqueue(q);
    for (const c of await store.claim({ owner: 'a', limit: 5, leaseMs: LEASE, now: T0 + 90 * 86_400_000 })) {
      await store.complete(c.key, 'a', { status: 'unknown', entryId: null, score: 0.1, answerTs: null, answeredAt: c.receivedAt + 5, revision: 0 });
    }
    expect(await store.purge(T0 + 1, T0 + 90 * 86_400_000)).toBe(1);
    const rows = await store.questionsSince(0);
    expect(rows.map((r) => [r.key, r.text, r.status])).toEqual([
      [old.key, null, 'unknown'],
      [recent.key, 'What is Hyper-V?', 'unknown'],
    ]);
  });
  it('keeps one "did you mean" pick per (user, question, entry)', async () => {
    await store.recordPick({ user: 'UALICE', question: 'how do I move a VM', entryId: 'live-migration', at: T0 });
    await store.recordPick({ user: 'UALICE', question: 'how do I move a VM', entryId: 'live-migration', at: T0 + 5 });
    await store.recordPick({ user: 'UBOB', question: 'how do I move a VM', entryId: 'live-migration', at: T0 + 1 });
    await store.recordPick({ user: 'UOLD', question: 'old', entryId: 'x', at: T0 - 1 });
    const picks = await store.picksSince(T0);
    expect(picks).toEqual([
      { user: 'UALICE', question: 'how do I move a VM', entryId: 'live-migration', at: T0 },
      { user: 'UBOB', question: 'how do I move a VM', entryId: 'live-migration', at: T0 + 1 },
    ]);
  });

  it('stores curations with growing ids, seen by another replica, and polls their version', async () => {
    const other = await sibling();
    expect(await other.curationVersion()).toBe(0);
    const phrasing = await store.addCuration({ kind: 'phrasing', entryId: 'what-is-hyper-v', question: 'hyperv??', suggestionId: 's1', by: 'UALICE', at: T0 });
    const citations = [{ source: 'hyper-v.md', quote: 'Hyper-V is a hypervisor.' }];
    const entry = await store.addCuration({ kind: 'entry', entryId: 'new-one', question: 'Is it new?', answer: 'Yes.', citations, suggestionId: null, by: 'UBOB', at: T0 + 1 });
    expect(entry.id).toBeGreaterThan(phrasing.id);
    expect(await other.curationVersion()).toBe(entry.id);
    expect(await other.curations()).toEqual([phrasing, entry]);
    // Two replicas adding at the same moment get different ids.
    const race = await Promise.all([store, other].map((s, i) => s.addCuration({ kind: 'phrasing', entryId: 'e', question: `q${i}`, suggestionId: null, by: 'U', at: T0 + 2 })));
    expect(new Set(race.map((c) => c.id)).size).toBe(2);
    expect((await store.curations()).map((c) => c.id)).toEqual([phrasing.id, entry.id, ...race.map((c) => c.id).sort((a, b) => a - b)]);
  });

  it('keeps the first decision on a suggestion', async () => {
    const other = await sibling();
    expect(await store.decideSuggestion({ suggestionId: 's1', decision: 'dismissed', by: 'UALICE', at: T0 })).toBe(true);
    expect(await other.decideSuggestion({ suggestionId: 's1', decision: 'accepted', by: 'UBOB', at: T0 + 1 })).toBe(false);
    expect(await other.suggestionDecisions()).toEqual([{ suggestionId: 's1', decision: 'dismissed', by: 'UALICE', at: T0 }]);
  });
});
