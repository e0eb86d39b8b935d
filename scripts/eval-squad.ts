// `npm run eval:squad [-- --half A|B]`: writes one half of SQuAD v1.1 dev as a corpus (with the
// shared make-corpus.mjs) into a temporary folder, then runs `faqbot eval` on it and prints the
// summary with the time taken, index build included. Half B is for the transfer check only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { run } from '../src/cli/main.ts';

const { values } = parseArgs({ options: { half: { type: 'string', default: 'A' }, squad: { type: 'string', default: path.resolve('..', 'shared', 'bench', 'squad') } } });
const maker = path.join(values.squad, 'make-corpus.mjs');
if (!fs.existsSync(maker)) {
  console.error(`eval:squad: ${maker} not found; pass --squad DIR (the folder holding make-corpus.mjs and dev-v1.1.json).`);
  process.exit(2);
}
const out = fs.mkdtempSync(path.join(os.tmpdir(), `faqbot-squad-${values.half}-`));
execFileSync(process.execPath, [maker, '--half', values.half, '--out', out], { stdio: 'inherit' });
const started = performance.now();
const code = await run(['eval', path.join(out, 'questions.jsonl'), '--corpus', path.join(out, 'articles')], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
console.log(`eval:squad half ${values.half}: ${((performance.now() - started) / 1000).toFixed(1)} s for build + 2,000 questions`);
fs.rmSync(out, { recursive: true, force: true });
process.exitCode = code;
