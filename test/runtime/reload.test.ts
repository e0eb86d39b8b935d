import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { FaqIndex } from '../../src/match/faq-index.ts';
import { loadEngineSharingSeeds } from '../helpers/seeds-engine.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, mentionEvent, runServe, signedPost } from './helpers/run-serve.ts';
import { breakFirstQuote, copySeeds } from './helpers/temp-corpus.ts';

const cleanups = useCleanups();

const ZEBRAS = '# Zebras of Zanzibar\n\nThe zebra population of Zanzibar reached 4,200 in 2011, according to the island wildlife office.\n';
const QUESTION = 'How many zebras live in Zanzibar?';

async function startBot(options: Parameters<typeof runServe>[1] = {}): Promise<{ api: FakeSlackApi; corpus: string; port: number; bot: ReturnType<typeof runServe> }> {
  const corpus = copySeeds();
  const api = await new FakeSlackApi().start();
  const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, FAQBOT_CORPUS: corpus }, options);
  cleanups.push(async () => {
    bot.signals.emit('SIGTERM');
    await bot.exit;
    await api.stop();
    fs.rmSync(corpus, { recursive: true, force: true });
  });
  const { port } = await bot.ready;
  if (port === undefined) throw new Error('no port');
  return { api, corpus, port, bot };
}

/** Asks in a fresh channel and returns what the bot posted there (text and blocks). */
async function ask(api: FakeSlackApi, port: number, channel: string): Promise<string> {
  expect((await signedPost(port, mentionEvent(channel, QUESTION))).status).toBe(200);
  const post = await waitFor(() => api.callsTo('chat.postMessage', { channel })[0], `an answer in ${channel}`);
  return `${post.params['text']} ${post.params['blocks']}`;
}

function logged(bot: ReturnType<typeof runServe>, msg: string): Array<Record<string, unknown>> {
  return bot.stdout.entries.filter((e) => String(e['msg']).startsWith(msg));
}

describe('corpus reload', () => {
  it('SIGHUP: a bad edit keeps the last good index serving and logs why (file and line); a good one takes over', async () => {
    const { api, corpus, port, bot } = await startBot();
    const good = fs.readFileSync(path.join(corpus, 'faq.yml'), 'utf8');

    breakFirstQuote(corpus);
    fs.writeFileSync(path.join(corpus, '004_zebras.md'), ZEBRAS);
    bot.signals.emit('SIGHUP');
    const failure = await waitFor(() => logged(bot, 'Corpus reload failed')[0], 'the failed reload to be logged');
    expect(failure).toMatchObject({ level: 'error', error: { code: 'faq_invalid' } });
    expect(String(failure['msg'])).toMatch(new RegExp(`still serving the last good index\\. ${corpus}/faq\\.yml:\\d+: entry "[^"]+": quote not found`));

    // Still answering, from the old index (which knows no zebras).
    expect(await ask(api, port, 'CAFTERBAD')).not.toContain('population of Zanzibar');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    fs.writeFileSync(path.join(corpus, 'faq.yml'), good);
    bot.signals.emit('SIGHUP');
    await waitFor(() => logged(bot, 'Corpus reloaded').find((e) => e['articles'] === 3), 'the good reload');
    expect(await ask(api, port, 'CAFTERGOOD')).toContain('population of Zanzibar');
  });

  it('a change in the corpus folder reloads by itself; a broken article file keeps the old index', async () => {
    const { api, corpus, port, bot } = await startBot();
    fs.writeFileSync(path.join(corpus, '004_zebras.md'), ZEBRAS);
    const reloaded = await waitFor(() => logged(bot, 'Corpus reloaded')[0], 'a reload after the folder changed');
    expect(reloaded).toMatchObject({ reason: 'corpus folder changed', articles: 3 });
    expect(await ask(api, port, 'CWATCHED')).toContain('population of Zanzibar');

    // An article that cannot be read as UTF-8 text… or a directory named like an article.
    fs.mkdirSync(path.join(corpus, '005_not-a-file.txt'));
    await waitFor(() => logged(bot, 'Corpus reload failed')[0], 'the failed reload to be logged');
    expect(await ask(api, port, 'CSTILL')).toContain('population of Zanzibar');
  });

  it("a reload's heavy work runs in a worker thread: the serving thread neither reads the folder nor calibrates, and the engine answers exactly like a direct build", async () => {
    const built: Engine[] = [];
    const { api, corpus, port, bot } = await startBot({ loadEngine: async (dir, options) => built[built.push(await loadEngineSharingSeeds(dir, options)) - 1]! });
    const calibrate = vi.spyOn(FaqIndex.prototype as unknown as { calibrate: () => number }, 'calibrate');
    const readdir = vi.spyOn(fsp, 'readdir');
    cleanups.push(() => {
      calibrate.mockRestore();
      readdir.mockRestore();
    });
    fs.writeFileSync(path.join(corpus, '004_zebras.md'), ZEBRAS);
    await waitFor(() => logged(bot, 'Corpus reloaded').find((e) => e['articles'] === 3), 'the reload');
    expect(await ask(api, port, 'CWORKER')).toContain('population of Zanzibar');
    const readsOfTheFolder = (): unknown[] => readdir.mock.calls.filter(([dir]) => path.resolve(String(dir)) === path.resolve(corpus));
    expect(readsOfTheFolder()).toEqual([]);
    expect(calibrate).not.toHaveBeenCalled();

    const reloaded = built.at(-1) as Engine & { uncoveredConfidence?: number };
    const direct = (await loadEngine(corpus)) as Engine & { uncoveredConfidence?: number };
    // The spies do see a build on this thread.
    expect(readsOfTheFolder()).not.toEqual([]);
    expect(calibrate).toHaveBeenCalled();
    expect(reloaded.uncoveredConfidence).toBe(direct.uncoveredConfidence);
    const questions = [QUESTION, ...fs.readFileSync('eval/seeds.jsonl', 'utf8').split('\n').filter(Boolean).map((line) => String(JSON.parse(line).q))];
    for (const question of questions) expect(reloaded.ask(question), question).toEqual(direct.ask(question));
  });

  it("while a reload's build on the serving thread is held between two steps, questions are acked and answered from the old index; then the new one serves", async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold the build well past the worker's pieces (a handful): inside the index build itself.
    const reloadPause = (): Promise<void> | undefined => (++calls === 40 ? held : undefined);
    cleanups.push(() => release());
    const { api, corpus, port, bot } = await startBot({ timers: { reloadPause } });
    fs.writeFileSync(path.join(corpus, '004_zebras.md'), ZEBRAS);
    await waitFor(() => calls >= 40 || undefined, 'the reload to reach its 40th step');

    expect(await ask(api, port, 'CHELD')).not.toContain('population of Zanzibar');
    expect(logged(bot, 'Corpus reload')).toEqual([]);
    expect(calls).toBe(40); // still held: the answer came from the old index while the build waited

    release();
    await waitFor(() => logged(bot, 'Corpus reloaded').find((e) => e['articles'] === 3), 'the reload to finish');
    expect(calls).toBeGreaterThan(40);
    expect(await ask(api, port, 'CRELEASED')).toContain('population of Zanzibar');
  });

  it('acks and answers go on while the reload worker runs; one that never answers hits the time limit and the last good index keeps serving', async () => {
    const limits: Array<() => void> = [];
    const prepareLimit = (): Promise<void> => new Promise<void>((resolve) => limits.push(resolve));
    cleanups.push(() => limits.forEach((release) => release()));
    const { api, corpus, port, bot } = await startBot({ timers: { prepareLimit }, prepareWorker: new URL('./fixtures/silent-prepare-worker.mjs', import.meta.url) });
    fs.writeFileSync(path.join(corpus, '004_zebras.md'), ZEBRAS);
    await waitFor(() => limits.length > 0 || undefined, 'the reload worker to start');

    // The reload is under way (its worker silent): questions are acked and answered from the old index.
    expect(await ask(api, port, 'CDURING')).not.toContain('population of Zanzibar');
    expect(logged(bot, 'Corpus reload')).toEqual([]);

    limits.forEach((release) => release());
    const failure = await waitFor(() => logged(bot, 'Corpus reload failed')[0], 'the reload to be given up');
    expect(String(failure['msg'])).toContain('still serving the last good index. Building the index took too long and was given up.');
    expect(await ask(api, port, 'CAFTER')).not.toContain('population of Zanzibar');
  });
});
