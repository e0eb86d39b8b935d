import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { recordQuestion } from '../helpers/record-question.ts';
import { runCli } from '../helpers/run-cli.ts';

const MISS = 'where can I download hyper-v';
/** What entry what-is-hyper-v answers (`ask --json` shows the answer and quotes, not the entry id). */
const HYPER_V = {
  answer: "Hyper-V is Microsoft's virtualization technology — its commercial hypervisor.",
  citations: [expect.objectContaining({ quote: 'Microsoft is joining OpenStack through the integration of Hyper-V, its virtualization technology.' }), expect.anything()],
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the seeds and a path for the bot's SQLite store, in a temp folder of their own. */
function workspace(): { corpus: string; db: string; env: NodeJS.ProcessEnv } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-curate-cli-'));
  dirs.push(dir);
  const corpus = path.join(dir, 'corpus');
  fs.cpSync('seeds', corpus, { recursive: true });
  const db = path.join(dir, 'faqbot.db');
  return { corpus, db, env: { FAQBOT_DB: db, FAQBOT_CORPUS: corpus } };
}

/** What the bot does when it cannot answer a DM: the question goes into its store, recorded as unknown. */
async function botRecordsMiss(db: string, text: string, at = Date.now() - 1000): Promise<void> {
  const store = await openStore({ kind: 'sqlite', file: db });
  await recordQuestion(store, text, { status: 'unknown', at, latencyMs: 40 });
  await store.close();
}

const jsonLines = (stdout: string): Array<Record<string, unknown>> => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

// Each step is a whole CLI run that builds the engine, as a user's would: on a loaded, shared machine
// a dozen of them can take longer than the suite's default 20 s.
describe('faqbot curate, end to end', { timeout: 90_000 }, () => {
  it('a miss the bot recorded is listed, accepted as a phrasing, answered by ask, and exported into a faq.yml that check passes', async () => {
    const { corpus, db, env } = workspace();
    await botRecordsMiss(db, MISS);
    expect(jsonLines((await runCli(['ask', '--json', MISS], { env })).stdout)[0]).toMatchObject({ status: 'unknown' });

    const list = await runCli(['curate', 'list', '--json'], { env });
    expect(list.code).toBe(0);
    const suggestions = jsonLines(list.stdout);
    expect(suggestions).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{12}$/), kind: 'unanswered', question: MISS, count: 1, entryId: null }]);

    const accept = await runCli(['curate', 'accept', String(suggestions[0]!['id']), '--entry', 'what-is-hyper-v'], { env });
    expect(accept).toMatchObject({ code: 0, stderr: '' });
    expect(accept.stdout).toContain(`"${MISS}" is now a phrasing of what-is-hyper-v`);
    expect((await runCli(['curate', 'list', '--json'], { env })).stdout).toBe('');

    // Answered with that entry: the same answer and quotes as the entry's own question gets.
    const asked = jsonLines((await runCli(['ask', '--json', MISS], { env })).stdout)[0];
    expect(asked).toMatchObject({ status: 'answered', answer: HYPER_V.answer, citations: HYPER_V.citations });

    const before = fs.readFileSync(path.join(corpus, 'faq.yml'), 'utf8');
    const exported = await runCli(['curate', 'export'], { env });
    expect(exported.code).toBe(0);
    const after = fs.readFileSync(path.join(corpus, 'faq.yml'), 'utf8');
    // Only the phrasing is added: comments, order and the \u00a0 spellings stay as they were.
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(added).toEqual([`      - ${MISS}`]);
    expect(after.split('\n').length).toBe(before.split('\n').length + 1);
    expect(after.startsWith(before.split('\n').slice(0, 30).join('\n'))).toBe(true);

    // faq.yml alone (no store) now answers it, and check passes it.
    const noStore = { FAQBOT_DB: path.join(path.dirname(db), 'none.db'), FAQBOT_CORPUS: corpus };
    const check = await runCli(['check'], { env: noStore });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^check: ok/m);
    expect(check.stdout).not.toContain(`"${MISS}"`);
    expect(jsonLines((await runCli(['ask', '--json', MISS], { env: noStore })).stdout)[0]).toMatchObject({ status: 'answered', answer: HYPER_V.answer });
    expect(fs.existsSync(noStore.FAQBOT_DB)).toBe(false);
    // Exporting again adds nothing.
    expect((await runCli(['curate', 'export', '--out', path.join(corpus, 'again.yml')], { env })).stdout).toMatch(/export: 0 curations written/);
  });

  it('dismiss closes a suggestion; bad IDs and entries are refused with a message, and change nothing', async () => {
    const { db, env } = workspace();
    await botRecordsMiss(db, MISS);
    const [miss] = jsonLines((await runCli(['curate', 'list', '--json'], { env })).stdout);
    const badEntry = await runCli(['curate', 'accept', String(miss!['id']), '--entry', 'no-such-entry'], { env });
    expect(badEntry).toMatchObject({ code: 1, stdout: '' });
    expect(badEntry.stderr).toBe('faqbot: Cannot add the phrasing: there is no curated entry "no-such-entry".\n');
    expect((await runCli(['curate', 'accept', 'feedfeedfeed', '--entry', 'what-is-hyper-v'], { env })).stderr).toMatch(/no open suggestion feedfeedfeed/);
    expect((await runCli(['curate', 'accept', String(miss!['id'])], { env })).code).toBe(2);
    expect(jsonLines((await runCli(['curate', 'list', '--json'], { env })).stdout)).toHaveLength(1);

    expect(await runCli(['curate', 'dismiss', String(miss!['id'])], { env })).toMatchObject({ code: 0, stdout: `dismissed: ${String(miss!['id'])}\n` });
    expect((await runCli(['curate', 'list'], { env })).stdout).toBe('No open suggestions.\n');
    expect((await runCli(['curate', 'dismiss', String(miss!['id'])], { env })).code).toBe(1);
  });

  it('accepting a phrasing that another entry answers says so at once', async () => {
    const { db, env } = workspace();
    await botRecordsMiss(db, 'Who founded OpenStack?');
    const [miss] = jsonLines((await runCli(['curate', 'list', '--json'], { env })).stdout);
    const accept = await runCli(['curate', 'accept', String(miss!['id']), '--entry', 'what-is-hyper-v'], { env });
    expect(accept.code).toBe(0);
    expect(accept.stderr).toMatch(/^faqbot: warning: even so, "Who founded OpenStack\?" (is answered by who-founded-openstack|comes back ambiguous); `faqbot check` lists such phrasings\.\n$/);
  });

  it('without a store, curate says where it looked and creates nothing; ask works as before', async () => {
    const { db, env } = workspace();
    const list = await runCli(['curate', 'list'], { env });
    expect(list.code).toBe(1);
    expect(list.stderr).toContain(`No store at ${db}`);
    expect(jsonLines((await runCli(['ask', '--json', 'What is Hyper-V?'], { env })).stdout)[0]).toMatchObject({ status: 'answered', answer: HYPER_V.answer });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('ask with a store that does not answer warns and answers from faq.yml', async () => {
    const { corpus } = workspace();
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', FAQBOT_CORPUS: corpus };
    const asked = await runCli(['ask', '--json', 'What is Hyper-V?'], { env });
    expect(asked.code).toBe(0);
    expect(jsonLines(asked.stdout)[0]).toMatchObject({ status: 'answered', answer: HYPER_V.answer });
    expect(asked.stderr).toMatch(/^faqbot: warning: answering without the curators' changes: The PostgreSQL store failed/);
    // curate needs the store: the same is an error there.
    expect((await runCli(['curate', 'list'], { env })).code).toBe(1);
  });
});

describe('faqbot stats', () => {
  it('reports the store\'s figures over --days, as text and JSON', async () => {
    const { db, env } = workspace();
    const store = await openStore({ kind: 'sqlite', file: db });
    const now = Date.now();
    await recordQuestion(store, 'What is Hyper-V?', { status: 'answered', entryId: 'what-is-hyper-v', at: now - 3000, latencyMs: 20 });
    await recordQuestion(store, 'how much does hyperv cost', { status: 'unknown', at: now - 2000, latencyMs: 40 });
    await recordQuestion(store, 'How much does Hyper-V cost?', { status: 'unknown', at: now - 1000, latencyMs: 60 });
    await recordQuestion(store, 'an old one', { status: 'unknown', at: now - 3 * 86_400_000 });
    await store.recordVote({ answerChannel: 'D1', answerTs: '1.1', user: 'UA', verdict: 'not_helpful', entryId: 'what-is-hyper-v', question: 'What is Hyper-V?', at: now });
    await store.close();

    const json = JSON.parse((await runCli(['stats', '--days', '1', '--json'], { env })).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ days: 1, questions: 3, answered: 1, unknown: 2, helpful: 0, notHelpful: 1, medianLatencyMs: 40, p99LatencyMs: 60 });
    expect(json['topUnanswered']).toEqual([{ question: 'How much does Hyper-V cost?', count: 2 }]);
    const text = await runCli(['stats'], { env });
    expect(text.stdout).toContain('Last 7 days: 4 questions');
    expect(text.stdout).toMatch(/Most frequent unanswered questions:\n +2 +How much does Hyper-V cost\?/);
    expect((await runCli(['stats', '--days', 'many'], { env })).code).toBe(2);
  });
});

describe('faqbot check: test all', () => {
  it('warns about a curated phrasing that another entry now takes, and fails on it with --strict', async () => {
    const { corpus, env } = workspace();
    const file = path.join(corpus, 'faq.yml');
    // A new variant on another entry that is exactly what-is-hyper-v's question steals it.
    const yaml = fs.readFileSync(file, 'utf8').replace(/(  - id: hyper-v-proprietary\n    question: [^\n]*\n    variants:\n)/, '$1      - What is Hyper-V?\n');
    expect(yaml).toContain('      - What is Hyper-V?\n');
    fs.writeFileSync(file, yaml);
    const stolen = /check: (warning|error): "What is Hyper-V\?" \((question of what-is-hyper-v|variant of hyper-v-proprietary)\) comes back/;
    const lenient = await runCli(['check'], { env });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(stolen);
    expect(lenient.stdout).toMatch(/check: \d+ of \d+ curated phrasings do not come back to their own entry \(warnings; --strict makes them errors\)/);
    const strict = await runCli(['check', '--strict'], { env });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(stolen);
    expect(strict.stderr).toMatch(/check: failed — /);
  });

  it('with a store, asks the accepted phrasings too', async () => {
    const { db, env } = workspace();
    const store = await openStore({ kind: 'sqlite', file: db });
    await store.addCuration({ kind: 'phrasing', entryId: 'what-is-hyper-v', question: 'Who founded OpenStack?', suggestionId: null, by: 'U', at: 1 });
    await store.close();
    const check = await runCli(['check'], { env });
    expect(check.stdout).toContain('(with 1 curation from the store)');
    expect(check.stdout).toMatch(/check: warning: "Who founded OpenStack\?" \((accepted of what-is-hyper-v|question of who-founded-openstack)\)/);
  });
});
