import { parseArgs } from 'node:util';
import { resolveCorpusDir } from '../resolve-corpus-dir.ts';
import { FaqbotError } from '../errors.ts';
import { loadEngine } from '../load-engine.ts';
import { ask } from './ask.ts';
import { loadCuratedEngine, openStoreIfReachable } from './cli-store.ts';
import type { CurateCommand } from './curate.ts';
import { check } from './check.ts';
import { runEval } from './eval.ts';
import { writeLine, type CliIo } from './cli-io.ts';

export const USAGE = `usage: faqbot <command> [options]

  ask [--json] [--corpus DIR] [QUESTION]   answer QUESTION, or each line of standard input
  eval FILE.jsonl [--corpus DIR]           score a question set ({"q", "any", "kind"} per line)
  check [--strict] [--corpus DIR]          validate the articles and faq.yml (citations verbatim), then ask
                                           every curated phrasing: those not answered by their own entry
                                           are warnings (errors with --strict)
  draft FILE [--corpus DIR]                propose curated FAQ entries for one article (YAML)
  serve                                    run the bot (what npm start does): Slack or terminal chat
  curate list [--json]                     open suggestions from the store: misses, not-helpful answers, picks
  curate accept ID --entry ENTRY_ID        add suggestion ID's question as a phrasing of ENTRY_ID (live at once)
  curate dismiss ID                        close suggestion ID
  curate export [--out FILE]               write the curations into faq.yml (or FILE), comments kept
  stats [--days N] [--json]                questions, outcomes, votes, time to answer, top entries and misses

The corpus folder is --corpus, else FAQBOT_CORPUS, else the project's seeds/. curate, stats (and ask and
check, when it exists) use the bot's store: DATABASE_URL, else the SQLite file FAQBOT_DB (data/faqbot.db).`;

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
        // With the bot's store, accepted curations answer too; without one nothing is created.
        const store = await openStoreIfReachable(io);
        const engine = await loadCuratedEngine(corpusDir(values.corpus, io), store, io).finally(() => store?.close());
        return await ask(engine, positionals.length ? positionals.join(' ') : undefined, values.json === true, io);
      }
      case 'eval': {
        const { values, positionals } = parse(rest, {});
        if (positionals.length !== 1) return usage(io, 'eval needs exactly one FILE.jsonl');
        const engine = await loadEngine(corpusDir(values.corpus, io));
        return await runEval(engine, positionals[0]!, io);
      }
      case 'check': {
        const { values, positionals } = parse(rest, { strict: { type: 'boolean' } });
        if (positionals.length) return usage(io, `check takes no arguments (got ${positionals.join(' ')})`);
        return await check(corpusDir(values.corpus, io), io, { strict: values.strict === true });
      }
      case 'draft': {
        const { values, positionals } = parse(rest, {});
        if (positionals.length !== 1) return usage(io, 'draft needs exactly one article FILE');
        const { draft } = await import('./draft.ts');
        return await draft(positionals[0]!, corpusDir(values.corpus, io), io);
      }
      case 'curate': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' }, entry: { type: 'string' }, out: { type: 'string' } });
        const { curate } = await import('./curate.ts');
        return await curate(curateCommand(positionals, values), corpusDir(values.corpus, io), io);
      }
      case 'stats': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' }, days: { type: 'string' } });
        if (positionals.length) return usage(io, `stats takes no arguments (got ${positionals.join(' ')})`);
        const days = values.days === undefined ? 7 : /^\d{1,4}$/.test(values.days) && Number(values.days) >= 1 ? Number(values.days) : null;
        if (days === null) return usage(io, `--days must be a whole number of days, at least 1 (got ${values.days})`);
        const { stats } = await import('./stats.ts');
        return await stats(days, values.json === true, corpusDir(values.corpus, io), io);
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

/** `curate ACTION …` as typed: the action, its ID and the options it takes (others are usage errors). */
function curateCommand(positionals: string[], values: { json?: boolean | undefined; entry?: string | undefined; out?: string | undefined }): CurateCommand {
  const [action, id, ...extra] = positionals;
  const only = (allowed: string[]): void => {
    const given = (['json', 'entry', 'out'] as const).filter((k) => values[k] !== undefined && !allowed.includes(k));
    if (given.length) throw new UsageError(`curate ${action} does not take --${given.join(', --')}`);
    if (extra.length) throw new UsageError(`curate ${action}: unexpected ${extra.join(' ')}`);
  };
  switch (action) {
    case 'list':
      if (id !== undefined) throw new UsageError('curate list takes no ID');
      only(['json']);
      return { action, json: values.json === true };
    case 'accept':
      if (!id || !values.entry) throw new UsageError('curate accept needs an ID and --entry ENTRY_ID');
      only(['entry']);
      return { action, id, entryId: values.entry };
    case 'dismiss':
      if (!id) throw new UsageError('curate dismiss needs an ID');
      only([]);
      return { action, id };
    case 'export':
      if (id !== undefined) throw new UsageError('curate export takes no ID (use --out FILE)');
      only(['out']);
      return { action, out: values.out ?? null };
    default:
      throw new UsageError(action ? `unknown curate action "${action}" (list, accept, dismiss, export)` : 'curate needs an action: list, accept, dismiss or export');
  }
}

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
