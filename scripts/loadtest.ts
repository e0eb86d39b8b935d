/**
 * `npm run loadtest [-- --events N --concurrency C --replicas R --kill --store sqlite|postgres]`:
 * the bot in HTTP mode, as `npm start` runs it (child processes), against a local stand-in for the
 * Slack Web API, all on 127.0.0.1.
 *
 * With `--replicas 2` two bots share one store (PostgreSQL by default then: DATABASE_URL, else
 * TEST_DATABASE_URL, in a schema of its own) behind a round-robin "load balancer": each original
 * delivery goes to one replica, its retries and duplicate deliveries to the *other*. With `--kill`
 * the first replica is SIGKILLed partway through and restarted (same FAQBOT_REPLICA_ID); deliveries
 * it never acked are sent again as Slack would (to the other replica, or to it once it is back).
 * Before the run, events the inbox does not store (`reaction_added`) are sent through the same
 * bots: their ack latency against the questions' is the store's cost on the ack path.
 *
 * It sends N signed Events API deliveries (default 2,000) at concurrency C (default 50): mentions
 * and DMs, each distinct question with its own (channel, ts), plus 10% Slack retries (the same
 * delivery again with `x-slack-retry-num`) and 5% duplicate deliveries (same message, new
 * `event_id`). Partway through, the stand-in answers every chat.postMessage with 429 and
 * `Retry-After: 1` for a while. Then it waits for the answers to settle and prints ack latency,
 * answers posted, duplicates, losses, errors, the CPU time used and the bot's RSS before and after. Exits 1 unless
 * every distinct question was answered exactly once with 0 errors and ack p99 < 100 ms (and, from
 * 10,000 events, RSS grew < 50 MB).
 *
 * Bounded: at most 100,000 events, concurrency 1–500, and a hard time limit; loopback only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { PostgresStore } from '../src/store/postgres/postgres-store.ts';
import { FakeSlackApi } from '../test/slack-stand-in/fake-slack-api.ts';
import { freePort } from '../test/slack-stand-in/free-port.ts';
import { slackSignature } from '../test/slack-stand-in/slack-signing.ts';

const SIGNING_SECRET = 'loadtest-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-0000-0000-loadtestbottoken';
const QUESTIONS = [
  'Who founded OpenStack?',
  'Is Microsoft joining OpenStack?',
  'What is Hyper-V?',
  'What did Microsoft say about adding Hyper-V to OpenStack?',
  'Which company is writing the Hyper-V code for OpenStack?',
  'What is OpenStack?',
  'Why is Microsoft doing this deal?',
  'hyper v openstack integration',
  'Does OpenStack have an offering like VMware vCloud Director?',
  'What is the capital of France?',
  'tell me about nebula',
  '',
];
/**
 * Deliveries sent before the measured run, of the same mix, in their own channels and left out of
 * every figure but the warm-up line: a freshly started process compiles its hot paths during its
 * first few hundred requests, a start-up cost rather than the steady state the percentiles
 * describe. Its answers are still checked (all posted) before measuring starts.
 */
const WARM_UP = 300;
const BURST = { afterPosts: 0.2, durationMs: 1500, retryAfterSec: 1 } as const;

/** An answer as the stand-in received it. */
interface Post {
  readonly channel: string;
  readonly threadTs: string | undefined;
}

interface Options {
  readonly events: number;
  readonly concurrency: number;
  readonly replicas: number;
  readonly kill: boolean;
  readonly store: 'sqlite' | 'postgres';
}

interface Delivery {
  readonly body: string;
  readonly retryNum?: number;
  /** The replica it is sent to (an index into the bots). */
  readonly replica: number;
}

/** Store-free events sent before the run: their acks are the "without the store" figure. */
const BASELINE = 600;

/** One distinct question: where its answer must be posted. */
interface Question {
  readonly channel: string;
  /** The mention's ts (the answer's thread_ts); null for a DM, answered inline. */
  readonly threadTs: string | null;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '50' },
      replicas: { type: 'string', default: '1' },
      kill: { type: 'boolean', default: false },
      store: { type: 'string' },
    },
    strict: true,
  });
  const events = Number(values.events);
  const concurrency = Number(values.concurrency);
  const replicas = Number(values.replicas);
  if (!Number.isInteger(events) || events < 20 || events > 100_000) throw new Error('--events must be an integer from 20 to 100000');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 500) throw new Error('--concurrency must be an integer from 1 to 500');
  if (replicas !== 1 && replicas !== 2) throw new Error('--replicas must be 1 or 2');
  const store = values.store ?? (replicas > 1 ? 'postgres' : 'sqlite');
  if (store !== 'sqlite' && store !== 'postgres') throw new Error('--store must be sqlite or postgres');
  return { events, concurrency, replicas, kill: values.kill === true, store };
}

/** A deterministic generator, so a run can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The deliveries in sending order: the distinct questions, with each retry and duplicate placed
 * somewhere after its original (sometimes right after, so they race it).
 */
function plan(total: number, rand: () => number, run: 'warm-up' | 'measured' = 'measured', replicas = 1): { deliveries: Delivery[]; questions: Question[]; retries: number; duplicates: number } {
  // Warm-up channels start C9/D9 and are left out of the tally; measured ones start C0/D0.
  const mark = run === 'warm-up' ? '9' : '0';
  const tsBase = run === 'warm-up' ? '1600000000' : '1700000000';
  const retries = Math.round(total * 0.1);
  const duplicates = Math.round(total * 0.05);
  const distinct = total - retries - duplicates;
  const originals: Array<{ key: number; event: Record<string, unknown>; question: Question }> = [];
  for (let i = 0; i < distinct; i += 1) {
    const ts = `${tsBase}.${String(i).padStart(6, '0')}`;
    const text = QUESTIONS[i % QUESTIONS.length] ?? '';
    const isDm = i % 2 === 1;
    const channel = isDm ? `D${mark}${String(i).padStart(8, '0')}` : `C${mark}${String(i % 20).padStart(8, '0')}`;
    const event = isDm
      ? { type: 'message', channel_type: 'im', user: `U${i}`, text, ts, channel, event_ts: ts }
      : { type: 'app_mention', user: `U${i}`, text: `<@UBOT> ${text}`, ts, channel, event_ts: ts };
    originals.push({ key: i, event, question: { channel, threadTs: isDm ? null : ts } });
  }
  const envelope = (event: Record<string, unknown>, eventId: string): string =>
    JSON.stringify({
      token: 'unused-verification-token',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: 1700000000,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event,
    });
  const home = (i: number): number => i % replicas;
  const other = (i: number): number => (i + 1) % replicas;
  const keyed: Array<{ key: number; delivery: Delivery }> = originals.map((o) => ({ key: o.key, delivery: { body: envelope(o.event, `Ev${mark}${o.key}`), replica: home(o.key) } }));
  const later = (i: number): number => i + 0.5 + rand() * Math.min(200, distinct - i);
  for (let r = 0; r < retries; r += 1) {
    const i = Math.floor(rand() * distinct);
    const original = keyed[i];
    if (original) keyed.push({ key: later(i), delivery: { body: original.delivery.body, retryNum: 1 + (r % 3), replica: other(i) } });
  }
  for (let d = 0; d < duplicates; d += 1) {
    const i = Math.floor(rand() * distinct);
    const original = originals[i];
    if (original) keyed.push({ key: later(i), delivery: { body: envelope(original.event, `EvDup${mark}${d}`), replica: other(i) } });
  }
  keyed.sort((a, b) => a.key - b.key);
  return { deliveries: keyed.map((k) => k.delivery), questions: originals.map((o) => o.question), retries, duplicates };
}

/** Resident set size of a process in MB, from /proc (Linux) or ps. */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match?.[1]) return Number(match[1]) / 1024;
  } catch {
    /* not Linux: fall through */
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    // The fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: /proc counts CPU time in these. */
const CLOCK_TICKS = 100;

interface Bot {
  readonly child: ChildProcess;
  readonly errorLines: string[];
  readonly exit: Promise<number | null>;
}

/** One replica: its port and id stay the same across a kill and restart. */
interface Replica {
  readonly index: number;
  readonly port: number;
  readonly id: string;
  bot: Bot;
  /** False from the moment it is killed until it answers /healthz again: the "load balancer" sends elsewhere. */
  up: boolean;
  readonly agent: http.Agent;
}

function startBot(apiUrl: string, port: number, storeEnv: Record<string, string>, replicaId: string): Bot {
  const child = spawn(process.execPath, ['bin/faqbot.js', 'serve'], {
    env: {
      PATH: process.env['PATH'],
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      FAQBOT_REPLICA_ID: replicaId,
      ...storeEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const errorLines: string[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.includes('"level":"error"')) errorLines.push(line);
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, errorLines, exit };
}

async function healthy(port: number): Promise<boolean> {
  return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200;
}

async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Slack's signature of `body` for this second, computed once per body and second: the generator's
 * own work between requests is part of what it measures, so it does as little as it can.
 */
const signatures = new Map<string, { readonly timestamp: number; readonly signature: string }>();
function signedNow(body: string): { readonly timestamp: number; readonly signature: string } {
  const timestamp = Math.floor(Date.now() / 1000);
  const cached = signatures.get(body);
  if (cached?.timestamp === timestamp) return cached;
  const signed = { timestamp, signature: slackSignature(SIGNING_SECRET, timestamp, body) };
  signatures.set(body, signed);
  return signed;
}

/** One signed POST to /slack/events over a keep-alive connection; resolves with the status. */
function post(agent: http.Agent, port: number, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent, timeout: 10_000, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no ack within 10 s')));
    request.on('error', reject);
    request.end(body);
  });
}

interface SendResult {
  /** Ack latency (ms) of every delivery acked 200 on its first try, by kind. */
  readonly latencies: number[];
  readonly baseline: number[];
  readonly failures: string[];
  /** Deliveries not acked (the replica died under them, or was down) and sent again, as Slack does. */
  redelivered: number;
}

/**
 * Sends every delivery with `concurrency` workers over keep-alive connections to its replica, or
 * to another while that one is down (a load balancer's health check), or to it once it is back
 * when there is no other. A delivery that is not acked is sent again, marked as Slack's retry.
 * `onProgress` sees the count sent so far (the kill is timed by it).
 */
async function send(replicas: readonly Replica[], deliveries: readonly Delivery[], concurrency: number, isBaseline: (d: Delivery) => boolean, onProgress: (sent: number) => void = () => undefined): Promise<SendResult> {
  const result: SendResult = { latencies: [], baseline: [], failures: [], redelivered: 0 };
  let next = 0;
  const pick = async (wanted: number): Promise<Replica> => {
    for (;;) {
      const target = replicas[wanted];
      if (target?.up) return target;
      const other = replicas.find((r) => r.up);
      if (other) return other;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const worker = async (): Promise<void> => {
    for (let i = next++; i < deliveries.length; i = next++) {
      const delivery = deliveries[i];
      if (!delivery) continue;
      onProgress(i);
      let retryNum = delivery.retryNum;
      for (let attempt = 0; ; attempt += 1) {
        const replica = await pick(delivery.replica);
        const { timestamp, signature } = signedNow(delivery.body);
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        };
        if (retryNum !== undefined) {
          headers['x-slack-retry-num'] = String(retryNum);
          headers['x-slack-retry-reason'] = 'http_timeout';
        }
        const started = performance.now();
        let status = 0;
        let failure = '';
        try {
          status = await post(replica.agent, replica.port, headers, delivery.body);
        } catch (error) {
          failure = (error as Error).message;
        }
        if (status === 200) {
          if (attempt === 0) (isBaseline(delivery) ? result.baseline : result.latencies).push(performance.now() - started);
          break;
        }
        // Not acked: Slack delivers it again (as a retry). A replica killed under it, or one
        // shutting down (503), is what --kill makes happen; anything else is a failure.
        const expected = !replica.up || status === 503 || /ECONNRESET|ECONNREFUSED|socket hang up/.test(failure);
        if (!expected || attempt >= 20) {
          result.failures.push(failure ? `request failed: ${failure}` : `ack ${status}`);
          break;
        }
        result.redelivered += 1;
        retryNum = (retryNum ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

/** Events the inbox does not store (a reaction): acked without a store write. */
function baselineDeliveries(count: number, replicas: number): Delivery[] {
  return Array.from({ length: count }, (_, i) => ({
    replica: i % replicas,
    body: JSON.stringify({
      token: 'unused-verification-token',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `EvBase${i}`,
      event_time: 1700000000,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'reaction_added', user: `U${i}`, reaction: 'thumbsup', item: { type: 'message', channel: 'C8BASE', ts: '1700000000.000001' }, event_ts: `1700000001.${String(i).padStart(6, '0')}` },
    }),
  }));
}

/** The store the bots share: a fresh SQLite file, or a fresh PostgreSQL schema (dropped afterwards). */
async function prepareStore(kind: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; describe: string; dispose: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-loadtest-'));
    const file = path.join(dir, 'faqbot.db');
    return { env: { FAQBOT_DB: file }, describe: `SQLite ${file}`, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env['DATABASE_URL']?.trim() || process.env['TEST_DATABASE_URL']?.trim();
  if (!url) throw new Error('--store postgres needs DATABASE_URL or TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  const schema = `loadtest_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new PostgresStore({ connectionString: url, schema });
  await admin.migrate();
  const withPath = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    env: { DATABASE_URL: withPath },
    describe: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}, schema ${schema}`,
    dispose: async () => {
      await admin.dropSchema();
      await admin.close();
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Posts per question key, and the posts that answer no question at all. */
function isWarmUp(post: Post): boolean {
  return /^[CD]9/.test(post.channel);
}

function tally(questions: readonly Question[], posts: readonly Post[]): { answered: number; duplicated: number; lost: number; stray: number } {
  const key = (channel: string, threadTs: string | null | undefined): string => `${channel}|${threadTs ?? ''}`;
  const counts = new Map(questions.map((q) => [key(q.channel, q.threadTs), 0]));
  let stray = 0;
  for (const post of posts) {
    if (isWarmUp(post)) continue;
    const k = key(post.channel, post.threadTs);
    const count = counts.get(k);
    if (count === undefined) stray += 1;
    else counts.set(k, count + 1);
  }
  const values = [...counts.values()];
  return { answered: values.filter((c) => c >= 1).length, duplicated: values.filter((c) => c > 1).length, lost: values.filter((c) => c === 0).length, stray };
}

async function main(): Promise<number> {
  const options = parseOptions();
  const hardLimit = setTimeout(() => {
    console.error('loadtest: hard time limit reached, giving up');
    process.exit(1);
  }, 180_000 + options.events * 20);
  hardLimit.unref();

  const rand = random(20251121);
  const planned = plan(options.events, rand, 'measured', options.replicas);
  const { questions, retries, duplicates } = planned;
  // The store-free events go in among the questions, so both are measured under the same load.
  const baselineSet = new Set<Delivery>(baselineDeliveries(BASELINE, options.replicas));
  const deliveries: Delivery[] = [...planned.deliveries];
  for (const extra of baselineSet) deliveries.splice(Math.floor(rand() * (deliveries.length + 1)), 0, extra);

  const burstAt = Math.floor(questions.length * BURST.afterPosts);
  let burstStarted: number | null = null;
  let rateLimited = 0;
  /** Where each answer was posted: all the tally needs (keeping whole calls would load the sender). */
  const successes: Post[] = [];
  const api = await new FakeSlackApi((call) => {
    if (call.method !== 'chat.postMessage') return undefined;
    if (burstStarted === null && call.seq >= burstAt) burstStarted = Date.now();
    if (burstStarted !== null && Date.now() - burstStarted < BURST.durationMs) {
      rateLimited += 1;
      return { status: 429, headers: { 'retry-after': String(BURST.retryAfterSec) } };
    }
    successes.push({ channel: call.params['channel'] ?? '', threadTs: call.params['thread_ts'] });
    return undefined;
  }, { record: false }).start();

  const store = await prepareStore(options.store);
  const replicas: Replica[] = [];
  for (let index = 0; index < options.replicas; index += 1) {
    const port = await freePort();
    const id = `replica-${index + 1}`;
    replicas.push({ index, port, id, bot: startBot(api.url, port, store.env, id), up: false, agent: new http.Agent({ keepAlive: true, maxSockets: options.concurrency }) });
  }
  const allBots: Bot[] = replicas.map((r) => r.bot);
  let killedAt: number | null = null;
  let restartMs: number | null = null;
  let restarted: Promise<void> = Promise.resolve();
  let code = 1;
  try {
    await waitUntil(async () => (await Promise.all(replicas.map((r) => healthy(r.port)))).every(Boolean), 30_000, 'the bots to be ready');
    for (const r of replicas) r.up = true;
    const warmPlan = plan(WARM_UP, rand, 'warm-up', options.replicas);
    const warm = await send(replicas, warmPlan.deliveries, options.concurrency, () => false);
    await waitUntil(() => successes.filter(isWarmUp).length >= warmPlan.questions.length, 30_000, 'the warm-up answers');
    const rssBefore = rssMb(replicas[0]?.bot.child.pid ?? 0);

    // The sender shares the machine and its own event loop with the stand-in: if that loop stalls,
    // measured ack latencies grow though the bot acked in time. Its delay is printed alongside.
    const senderDelay = monitorEventLoopDelay({ resolution: 10 });
    senderDelay.enable();
    // CPU time from here until the answers settle: the work per delivery, which contention from
    // other processes stretches far less than it does latencies.
    const cpuAtStart = new Map<Bot, number | null>(replicas.map((r) => [r.bot, cpuMs(r.bot.child.pid)]));
    let cpuOfKilled: number | null = 0;
    const senderCpuAtStart = process.cpuUsage();
    const sendStarted = performance.now();
    const killPoint = Math.floor(deliveries.length * 0.4);
    const sent = await send(replicas, deliveries, options.concurrency, (d) => baselineSet.has(d), (i) => {
      const victim = replicas[0];
      if (!options.kill || killedAt !== null || i < killPoint || !victim) return;
      killedAt = Date.now();
      victim.up = false;
      const used = cpuMs(victim.bot.child.pid);
      const before = cpuAtStart.get(victim.bot);
      cpuOfKilled = used === null || before === null || before === undefined ? null : used - before;
      victim.bot.child.kill('SIGKILL');
      restarted = (async () => {
        await victim.bot.exit;
        await new Promise((resolve) => setTimeout(resolve, 500));
        victim.agent.destroy();
        victim.bot = startBot(api.url, victim.port, store.env, victim.id);
        allBots.push(victim.bot);
        await waitUntil(() => healthy(victim.port), 30_000, 'the killed replica to come back');
        restartMs = Date.now() - (killedAt ?? Date.now());
        victim.up = true;
      })();
    });
    await restarted;
    const sendMs = performance.now() - sendStarted;
    senderDelay.disable();

    // Settled: every question has an answer, or nothing new arrived for 5 s.
    const settleStarted = performance.now();
    let lastCount = -1;
    let lastChange = Date.now();
    await waitUntil(
      () => {
        if (successes.length !== lastCount) {
          lastCount = successes.length;
          lastChange = Date.now();
        }
        return successes.filter((p) => !isWarmUp(p)).length >= questions.length || Date.now() - lastChange > 5_000;
      },
      60_000 + options.events * 10,
      'the answers to settle',
    );
    // Late duplicates would show up now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const settleMs = performance.now() - settleStarted;
    const rssAfter = rssMb(replicas[0]?.bot.child.pid ?? 0);
    const botCpu = replicas.reduce<number | null>((sum, r) => {
      const used = cpuMs(r.bot.child.pid);
      const before = cpuAtStart.has(r.bot) ? cpuAtStart.get(r.bot) : 0;
      return sum === null || used === null || before === null || before === undefined ? null : sum + used - before;
    }, cpuOfKilled);
    const senderCpu = process.cpuUsage(senderCpuAtStart);
    const senderCpuMs = (senderCpu.user + senderCpu.system) / 1000;

    for (const r of replicas) r.bot.child.kill('SIGTERM');
    const exitCodes = await Promise.all(replicas.map((r) => r.bot.exit));

    const sorted = [...sent.latencies].sort((a, b) => a - b);
    const base = [...sent.baseline].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    const result = tally(questions, successes);
    const errorLines = allBots.flatMap((b) => b.errorLines);
    const errors = sent.failures.length + warm.failures.length + errorLines.length + result.stray;
    const warmSorted = [...warm.latencies].sort((a, b) => a - b);
    const growth = rssAfter - rssBefore;
    const checks = [
      { ok: result.answered === questions.length && result.duplicated === 0, what: 'every distinct question answered exactly once' },
      { ok: result.lost === 0, what: '0 lost' },
      { ok: result.duplicated === 0, what: '0 duplicated' },
      { ok: errors === 0, what: '0 errors' },
      { ok: p99 < 100, what: 'ack p99 < 100 ms' },
      ...(options.kill ? [{ ok: killedAt !== null && restartMs !== null, what: 'a replica SIGKILLed and restarted' }] : []),
      ...(options.events >= 10_000 ? [{ ok: growth < 50, what: 'RSS grew < 50 MB' }] : []),
      { ok: exitCodes.every((c) => c === 0), what: 'SIGTERM -> exit 0' },
    ];

    const ms = (n: number): string => `${n.toFixed(1)} ms`;
    const lines = [
      `faqbot loadtest: ${options.events} deliveries (${questions.length} distinct questions, ${retries} retries, ${duplicates} duplicate deliveries${options.replicas > 1 ? ', retries and duplicates to the other replica' : ''}), concurrency ${options.concurrency}`,
      `  store              ${store.describe}; ${options.replicas} replica(s) in HTTP mode`,
      `  ack latency        p50 ${ms(p50)}   p99 ${ms(p99)}   max ${ms(sorted.at(-1) ?? Number.NaN)}   (questions: stored before the ack)`,
      `  store cost         ${BASELINE} store-free events mixed in: ack p50 ${ms(percentile(base, 50))}   p99 ${ms(percentile(base, 99))}; questions +${ms(p50 - percentile(base, 50))} at p50, +${ms(p99 - percentile(base, 99))} at p99`,
      `  sender loop delay  p99 ${ms(senderDelay.percentile(99) / 1e6)}   max ${ms(senderDelay.max / 1e6)} (time the load generator itself was stalled)`,
      `  warm-up            ${WARM_UP} deliveries first, same mix (${warmPlan.questions.length} questions, all answered), not counted: ack p50 ${ms(percentile(warmSorted, 50))}, max ${ms(warmSorted.at(-1) ?? Number.NaN)}`,
      ...(options.kill
        ? [`  kill               replica-1 SIGKILLed after ${killPoint} deliveries, back after ${((restartMs ?? Number.NaN) / 1000).toFixed(2)} s; ${sent.redelivered} unacked deliveries sent again (as Slack retries them)`]
        : []),
      `  answers posted     ${successes.filter((p) => !isWarmUp(p)).length} for ${questions.length} distinct questions (${result.answered} answered)`,
      `  duplicate answers  ${result.duplicated}`,
      `  lost answers       ${result.lost}`,
      `  errors             ${errors} (acks not 200 or failed: ${sent.failures.length + warm.failures.length}, bot error log lines: ${errorLines.length}, posts answering nothing: ${result.stray})`,
      `  429s from the API  ${rateLimited} (Retry-After: ${BURST.retryAfterSec}, for ${BURST.durationMs} ms from post #${burstAt})`,
      `  CPU                bots ${botCpu === null ? 'n/a (no /proc)' : `${botCpu.toFixed(0)} ms, ${(botCpu / deliveries.length).toFixed(2)} ms per delivery`}${options.kill ? " (the restarted replica's start-up included)" : ''}; load generator and stand-in ${senderCpuMs.toFixed(0)} ms; from sending to settled`,
      `  bot RSS            before ${rssBefore.toFixed(1)} MB, after ${rssAfter.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB${options.kill ? ', replica-1 restarted in between' : ''})`,
      `  time               sending ${(sendMs / 1000).toFixed(2)} s, settling ${(settleMs / 1000).toFixed(2)} s`,
      `  shutdown           SIGTERM -> exit ${exitCodes.join(', ')}`,
      ...[...new Set([...sent.failures, ...warm.failures])].slice(0, 5).map((f) => `  failure: ${f}`),
      ...errorLines.slice(0, 5).map((l) => `  bot error: ${l.slice(0, 300)}`),
      `  ${checks.every((c) => c.ok) ? 'PASS' : 'FAIL'}: ${checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} ${c.what}`).join('; ')}`,
    ];
    console.log(lines.join('\n'));
    code = checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    for (const r of replicas) {
      r.agent.destroy();
      if (r.bot.child.exitCode === null && r.bot.child.signalCode === null) r.bot.child.kill('SIGKILL');
    }
    await api.stop();
    await store.dispose().catch(() => undefined);
  }
  return code;
}

process.exitCode = await main();
