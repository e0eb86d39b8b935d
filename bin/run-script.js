#!/usr/bin/env node
// Runs one of the TypeScript scripts in scripts/ (bench, loadtest, eval:squad) with its arguments.
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

register();
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: run-script.js SCRIPT.ts [ARGS...]');
  process.exit(2);
}
process.argv = [process.execPath, script, ...rest];
await import(pathToFileURL(path.resolve(script)).href);
