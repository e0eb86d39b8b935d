/**
 * `npm run bench -- --startup [--runs N]`: how long faqbot takes to be useful from a cold process,
 * as ratios to `node -e 0` measured in the same run (so a busy machine slows both alike). Each
 * round runs, one after another: `node -e 0`; `faqbot ask QUESTION` on seeds/ to its exit; HTTP
 * mode (`node bin/faqbot.js serve`, what `npm start` execs) from spawn until GET /healthz answers
 * 200 (index built, token checked against the Slack stand-in); and the same through `npm start`.
 * Medians over the rounds. Every command gets this process's environment (NODE_EXTRA_CA_CERTS, for
 * one, costs every node process alike). Targets (issue 12): ask ≤ 4× node; HTTP mode to 200 ≤ 1 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeSlackApi } from '../../test/slack-stand-in/fake-slack-api.ts';
import { freePort } from '../../test/slack-stand-in/free-port.ts';
import { percentile } from './measure.ts';
import { ms, type TargetCheck } from './table.ts';

const QUESTION = 'Who founded OpenStack?';

interface StartupTimes {
  readonly node: number;
  readonly ask: number;
  readonly http: number;
  readonly npmStart: number;
}

export async function benchStartup(repo: string, runs: number): Promise<TargetCheck[]> {
  const api = await new FakeSlackApi(undefined, { record: false }).start();
  const samples: StartupTimes[] = [];
  try {
    // One unmeasured round first: the OS file cache, not faqbot, would otherwise decide round 1.
    for (let round = 0; round <= runs; round += 1) {
      const times: StartupTimes = {
        node: timeExit(process.execPath, ['-e', '0'], repo),
        ask: timeExit(process.execPath, ['bin/faqbot.js', 'ask', QUESTION], repo),
        http: await timeHealthy(process.execPath, ['bin/faqbot.js', 'serve'], repo, api.url),
        npmStart: await timeHealthy('npm', ['start', '--silent'], repo, api.url),
      };
      if (round > 0) samples.push(times);
      process.stderr.write(`bench: startup round ${round || 'warm-up'}: node ${ms(times.node)}, ask ${ms(times.ask)}, HTTP ${ms(times.http)}, npm start ${ms(times.npmStart)}\n`);
    }
  } finally {
    await api.stop();
  }
  const median = (key: keyof StartupTimes): number => percentile([...samples.map((s) => s[key])].sort((a, b) => a - b), 0.5);
  const node = median('node');
  const rows: Array<[string, number]> = [
    ['`node -e 0`', node],
    [`\`faqbot ask "${QUESTION}"\``, median('ask')],
    ['HTTP mode: `node bin/faqbot.js serve` to /healthz 200', median('http')],
    ['HTTP mode: `npm start` to /healthz 200', median('npmStart')],
  ];
  console.log(`\n## faqbot startup (medians of ${runs} rounds, seeds/)\n`);
  console.log('| command | median | × node -e 0 |\n|---|---:|---:|');
  for (const [label, value] of rows) console.log(`| ${label} | ${ms(value)} | ${(value / node).toFixed(1)}× |`);
  return [
    { label: 'faqbot ask ≤ 4× node -e 0', pass: median('ask') <= 4 * node, actual: `${(median('ask') / node).toFixed(2)}×` },
    { label: 'HTTP mode start to /healthz 200 ≤ 1 s', pass: median('http') <= 1000, actual: ms(median('http')) },
  ];
}

function timeExit(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - started;
}

/** Spawns an HTTP-mode bot and polls /healthz every 5 ms; the time until it answers 200. */
async function timeHealthy(command: string, args: string[], cwd: string, apiUrl: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      FAQBOT_DB: path.join(os.tmpdir(), `faqbot-bench-startup-${process.pid}.sqlite`),
    },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode} before /healthz answered 200`);
      if (performance.now() - started > 30_000) throw new Error('/healthz did not answer 200 within 30 s');
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
      if (status === 200) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
