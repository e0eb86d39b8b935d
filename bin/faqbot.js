#!/usr/bin/env node
// The `faqbot` command: the compiled CLI in dist/ (`npm install` and `npm run build` make it). A
// dist/ older than src/ is rebuilt first, never run as it is.
import { ensureFreshBuild } from './fresh-build.js';

ensureFreshBuild();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
