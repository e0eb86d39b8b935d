import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../engine.ts';
import { renderText } from '../render/text.ts';

export interface ChatIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
}

const PROMPT = 'faqbot> ';

/**
 * The terminal chat: one question a line, answered by the same engine the Slack bot uses. `help`
 * lists what it knows, `quit` / `exit` or Ctrl-D (end of input) leaves. Works the same with a
 * keyboard and with piped input (`printf 'q1\nq2\n' | npm start`). Resolves with the exit code.
 */
export async function chat(engine: Engine, io: ChatIo): Promise<number> {
  const terminal = (io.stdin as { isTTY?: boolean }).isTTY === true;
  const rl = readline.createInterface({ input: io.stdin, output: io.stdout, terminal, prompt: PROMPT });
  // Ctrl-C at the prompt leaves like Ctrl-D, instead of readline's default of ignoring it.
  rl.on('SIGINT', () => rl.close());
  const write = (text: string): void => {
    io.stdout.write(`${text}\n`);
  };

  write('Ask a question about the articles (help for examples, quit to leave).');
  rl.prompt();
  for await (const raw of rl) {
    // Piped input is not echoed by a terminal: echo it, so the output reads as a transcript.
    if (!terminal) write(raw);
    const line = raw.trim();
    const command = line.toLowerCase();
    if (command === 'quit' || command === 'exit') break;
    if (command === 'help' || command === '?') write(helpText(engine));
    else if (line !== '') write(`${answerText(engine, line)}\n`);
    rl.prompt();
  }
  rl.close();
  // Leave the shell prompt on a fresh line after Ctrl-D.
  if (terminal) write('');
  return 0;
}

function answerText(engine: Engine, question: string): string {
  try {
    return renderText(engine.ask(question));
  } catch {
    // The engine promises never to throw; if it does, one bad question must not end the session.
    return 'Sorry, something went wrong answering that. Try rephrasing it.';
  }
}

function helpText(engine: Engine): string {
  return [
    'I answer questions about these articles, quoting them word for word:',
    ...engine.articles.map((a) => `  - ${a.title}`),
    'For example:',
    ...engine.examples.slice(0, 5).map((q) => `  ${q}`),
    'Commands: help, quit (or exit, or Ctrl-D).',
  ].join('\n');
}
