import { parseArgs } from 'node:util';
import { resolveCorpusDir } from '../resolve-corpus-dir.ts';
import { FaqbotError } from '../errors.ts';
import { loadEngine } from '../load-engine.ts';
import { ask } from './ask.ts';
import { check } from './check.ts';
import { runEval } from './eval.ts';
import { writeLine, type CliIo } from './cli-io.ts';

export const USAGE = `usage: faqbot <command> [options]

  ask [--json] [--corpus DIR] [QUESTION]   answer QUESTION, or each line of standard input
  eval FILE.jsonl [--corpus DIR]           score a question set ({"q", "any", "kind"} per line)
  check [--corpus DIR]                     validate the articles and faq.yml (citations verbatim)
  draft FILE [--corpus DIR]                propose curated FAQ entries for one article (YAML)
  serve                                    run the bot (what npm start does): Slack or terminal chat

The corpus folder is --corpus, else FAQBOT_CORPUS, else the project's seeds/.`;

/** Exit codes: 0 success, 1 the corpus, FAQ or input is bad, 2 the command line is. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Runs one CLI command with injected streams and environment; returns the exit code. Errors meant
 * for people (FaqbotError) are printed as their message; anything else is a bug and shows its stack.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ask': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
        const engine = await loadEngine(corpusDir(values.corpus, io));
        return await ask(engine, positionals.length ? positionals.join(' ') : undefined, values.json === true, io);
      }
      case 'eval': {
        const { values, positionals } = parse(rest, {});
        if (positionals.length !== 1) return usage(io, 'eval needs exactly one FILE.jsonl');
        const engine = await loadEngine(corpusDir(values.corpus, io));
        return await runEval(engine, positionals[0]!, io);
      }
      case 'check': {
        const { values, positionals } = parse(rest, {});
        if (positionals.length) return usage(io, `check takes no arguments (got ${positionals.join(' ')})`);
        return await check(corpusDir(values.corpus, io), io);
      }
      case 'draft': {
        const { values, positionals } = parse(rest, {});
        if (positionals.length !== 1) return usage(io, 'draft needs exactly one article FILE');
        const { draft } = await import('./draft.ts');
        return await draft(positionals[0]!, corpusDir(values.corpus, io), io);
      }
      case 'serve':
      case undefined: {
        // Loaded only here: serve brings in Bolt (about a third of a second), which ask, eval,
        // check and draft never need.
        const { serve } = await import('./serve.ts');
        return await serve(io);
      }
      case 'help':
      case '--help':
      case '-h':
        writeLine(io.stdout, USAGE);
        return EXIT.ok;
      default:
        return usage(io, `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    if (error instanceof FaqbotError) {
      writeLine(io.stderr, `faqbot: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
}

/** The process entry point used by bin/faqbot.js. */
export function main(argv: readonly string[]): Promise<number> {
  return run(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
}

class UsageError extends Error {}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, corpus: { type: 'string' } } as O & { corpus: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function corpusDir(flag: string | boolean | undefined, io: CliIo): string {
  return resolveCorpusDir(typeof flag === 'string' ? flag : io.env.FAQBOT_CORPUS);
}

function usage(io: CliIo, problem: string): number {
  writeLine(io.stderr, `faqbot: ${problem}\n\n${USAGE}`);
  return EXIT.usage;
}
