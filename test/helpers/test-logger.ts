import { LogLevel, type Logger } from '@slack/bolt';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly text: string;
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
    return this.lines.map((l) => `${l.level}: ${l.text}`).join('\n');
  }

  #push(level: LogLine['level'], msg: unknown[]): void {
    this.lines.push({ level, text: msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? `${m.name}: ${m.message}` : JSON.stringify(m))).join(' ') });
  }
}
