#!/usr/bin/env node
// The `faqbot` command. Runs the TypeScript sources through tsx's loader so that what runs is
// always what is in src/ (no stale build output), then hands over to the CLI entry point.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
