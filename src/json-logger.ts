import type { Writable } from 'node:stream';
import { LogLevel, type Logger } from '@slack/bolt';
import type { LogLevelName } from './config.ts';
import { describeError } from './describe-error.ts';
import { redactSecrets } from './redact-secrets.ts';

const SEVERITY: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const REDACTED = '[REDACTED]';

/**
 * Returns a function that removes every known secret (exact values, also in their JSON-escaped
 * form) and anything shaped like a Slack token from a string. Applied to every log line last, so
 * nothing a caller or a library logs can carry a secret out.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is replaced whole.
  const forms = [...new Set(secrets.filter((s) => s.length >= 4).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => {
    let out = text;
    for (const secret of forms) out = out.split(secret).join(REDACTED);
    // Slack token shapes are caught even when they are not this process's own secrets, e.g. a
    // token a person pasted into a question that ends up in a log.
    return redactSecrets(out, REDACTED);
  };
}

export interface JsonLoggerOptions {
  readonly stream: Writable;
  readonly level?: LogLevelName;
  readonly name?: string;
  readonly secrets?: readonly string[];
  /** Injected for tests; defaults to the wall clock. */
  readonly now?: () => Date;
}

/** A Bolt `Logger` that also accepts structured fields: `logger.event('feedback', { ... })`. */
export interface JsonLogger extends Logger {
  /** One structured line: `{"level":…,"msg":msg,…fields}`. */
  log(level: LogLevelName, msg: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger implementing Bolt's `Logger` interface that writes one JSON object per line
 * (`{"time","level","name","msg",…}`), so logs can be grepped and shipped as they are. Every line
 * goes through the redactor before it is written.
 *
 * @example createJsonLogger({ stream: process.stdout, secrets: [token] }).info('started', { port: 3000 })
 */
export function createJsonLogger(options: JsonLoggerOptions): JsonLogger {
  let level: LogLevelName = options.level ?? 'info';
  let name = options.name ?? 'faqbot';
  const redact = createRedactor(options.secrets ?? []);
  const now = options.now ?? (() => new Date());

  const write = (entryLevel: LogLevelName, args: readonly unknown[], fields?: Record<string, unknown>): void => {
    if (SEVERITY[entryLevel] < SEVERITY[level]) return;
    const entry: Record<string, unknown> = { time: now().toISOString(), level: entryLevel, name, ...describeArgs(args), ...fields };
    let line: string;
    try {
      line = JSON.stringify(entry, jsonReplacer());
    } catch {
      line = JSON.stringify({ time: entry['time'], level: entryLevel, name, msg: String(entry['msg']) });
    }
    // A logger must never be the thing that crashes the process (e.g. EPIPE on a closed stdout).
    try {
      options.stream.write(`${redact(line)}\n`);
    } catch {
      /* nowhere left to report it */
    }
  };

  return {
    debug: (...msg: unknown[]) => write('debug', msg),
    info: (...msg: unknown[]) => write('info', msg),
    warn: (...msg: unknown[]) => write('warn', msg),
    error: (...msg: unknown[]) => write('error', msg),
    log: (entryLevel, msg, fields) => write(entryLevel, [msg], fields),
    setLevel: (next: LogLevel) => {
      const wanted = String(next).toLowerCase();
      const found = (Object.keys(SEVERITY) as LogLevelName[]).find((l) => l === wanted);
      if (found) level = found;
    },
    getLevel: () => toBoltLevel(level),
    setName: (next: string) => {
      name = next;
    },
  };
}

function toBoltLevel(level: LogLevelName): LogLevel {
  return { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[level];
}

/**
 * Bolt and web-api log with console-style arguments (`logger.error('msg', err)`): strings join into
 * `msg`, a trailing plain object becomes fields, errors become `{error: {name, message, code}}`.
 */
function describeArgs(args: readonly unknown[]): Record<string, unknown> {
  const words: string[] = [];
  const out: Record<string, unknown> = {};
  for (const arg of args) {
    if (arg instanceof Error) {
      out['error'] = describeError(arg);
      if (words.length === 0) words.push(arg.message);
    } else if (typeof arg === 'object' && arg !== null && !Array.isArray(arg)) {
      Object.assign(out, arg);
    } else {
      words.push(typeof arg === 'string' ? arg : safeString(arg));
    }
  }
  return { msg: words.join(' '), ...out };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'bigint' ? value.toString() : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** JSON.stringify replacer that survives cycles, bigints and nested errors. */
function jsonReplacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (_key, value) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) return describeError(value);
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
    }
    return value;
  };
}
