import { LogLevel, type Logger } from '@slack/bolt';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  /** The string arguments, joined. */
  readonly text: string;
  /** Plain-object arguments, merged: the structured fields of the line. */
  readonly fields: Record<string, unknown>;
}

/** A Bolt Logger that keeps every line, for assertions on what was logged. */
export class TestLogger implements Logger {
  readonly lines: LogLine[] = [];
  #level: LogLevel = LogLevel.DEBUG;

  debug(...msg: unknown[]): void {
    this.#push('debug', msg);
  }
  info(...msg: unknown[]): void {
    this.#push('info', msg);
  }
  warn(...msg: unknown[]): void {
    this.#push('warn', msg);
  }
  error(...msg: unknown[]): void {
    this.#push('error', msg);
  }
  setLevel(level: LogLevel): void {
    this.#level = level;
  }
  getLevel(): LogLevel {
    return this.#level;
  }
  setName(): void {}

  /** Lines at `level` whose text matches. */
  find(level: LogLine['level'], pattern: RegExp | string): LogLine[] {
    return this.lines.filter((l) => l.level === level && (typeof pattern === 'string' ? l.text.includes(pattern) : pattern.test(l.text)));
  }

  /** Everything logged, one line each: for failure messages and "never logged X" checks. */
  get text(): string {
    return this.lines.map((l) => `${l.level}: ${l.text} ${JSON.stringify(l.fields)}`).join('\n');
  }

  #push(level: LogLine['level'], msg: unknown[]): void {
    const words: string[] = [];
    const fields: Record<string, unknown> = {};
    for (const m of msg) {
      if (typeof m === 'object' && m !== null && !(m instanceof Error) && !Array.isArray(m)) Object.assign(fields, m);
      else words.push(typeof m === 'string' ? m : m instanceof Error ? `${m.name}: ${m.message}` : String(m));
    }
    this.lines.push({ level, text: words.join(' '), fields });
  }
}
