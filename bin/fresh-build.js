// Keeps dist/ (the compiled CLI that bin/faqbot.js runs) in step with src/. A build older than any
// file in src/ or the build's tsconfig never runs silently: it is rebuilt first, with a line on
// stderr saying so, or, where TypeScript is not installed (a production install), refused with
// what to do. Plain JavaScript, so it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Written by every tsc build of tsconfig.build.json: its mtime is when dist/ was last brought up to date. */
const STAMP = path.join('dist', '.tsbuildinfo');
const INPUTS = ['src', 'tsconfig.build.json', 'tsconfig.base.json'];

/**
 * Why dist/ under `root` cannot be run as it is, or null when it is up to date: missing, or older
 * than the newest file or folder (a deleted file changes its folder) among the build's inputs.
 * A copy without src/ (dist/ shipped alone) is taken as it is.
 */
export function staleReason(root = ROOT) {
  let built;
  try {
    built = fs.statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    return 'dist/ has not been built';
  }
  if (!fs.existsSync(path.join(root, 'src'))) return null;
  const newest = INPUTS.reduce((max, input) => Math.max(max, newestMtime(path.join(root, input))), 0);
  return newest > built ? 'src/ has changed since dist/ was built' : null;
}

/** @param {string} file @returns {number} */
function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) max = Math.max(max, newestMtime(path.join(file, name)));
  return max;
}

/**
 * The TypeScript compiler's entry script, or null where devDependencies are not installed.
 * @param {string} root
 */
function tscPath(root) {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return null;
  }
}

/**
 * `tsc -b tsconfig.build.json` (incremental: only what changed is compiled again). Returns the exit
 * code; `quiet` keeps tsc's own output for failures only.
 */
export function build(root = ROOT) {
  const tsc = tscPath(root);
  if (tsc === null) return null;
  const result = spawnSync(process.execPath, [tsc, '-b', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

/**
 * Rebuilds dist/ if it is stale; exits the process with a message if it cannot be made fresh.
 * `announce` is false for `npm install` (prepare), where building is expected, not news.
 */
export function ensureFreshBuild({ root = ROOT, announce = true } = {}) {
  const reason = staleReason(root);
  if (reason === null) return;
  if (tscPath(root) === null) {
    process.stderr.write(`faqbot: ${reason}, and TypeScript is not installed to build it: run \`npm install\` (with devDependencies), then \`npm run build\`.\n`);
    process.exit(1);
  }
  if (announce) process.stderr.write(`faqbot: ${reason}; building it first (npm run build)…\n`);
  const code = build(root);
  if (code !== 0) {
    process.stderr.write('faqbot: the build failed (see above); fix the TypeScript errors, then run `npm run build`.\n');
    process.exit(1);
  }
}

// `node bin/fresh-build.js` (npm's prepare): build when TypeScript is there, else keep what exists.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (tscPath(ROOT) === null) {
    if (staleReason(ROOT) !== null) process.stderr.write('faqbot: TypeScript is not installed, so dist/ was not built: install with devDependencies, then `npm run build`.\n');
  } else {
    process.exitCode = build(ROOT) ?? 1;
  }
}
