import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer, Suggestion } from '../answer/types.ts';
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
 * keyboard and with piped input (`printf 'q1\nq2\n' | npm start`). After "Did you mean", typing
 * a choice's number answers that choice (as a click on its button does in Slack); any other line
 * is a new question. Resolves with the exit code.
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
  // The choices of the last reply, what a number typed next picks from.
  let choices: readonly Choice[] = [];
  for await (const raw of rl) {
    // Piped input is not echoed by a terminal: echo it, so the output reads as a transcript.
    if (!terminal) write(raw);
    const line = raw.trim();
    const command = line.toLowerCase();
    if (command === 'quit' || command === 'exit') break;
    const picked = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
    if (command === 'help' || command === '?') {
      write(helpText(engine));
      choices = [];
    } else if (picked) {
      choices = reply(() => engine.answerEntry(picked.entryId, picked.question) ?? engine.ask(picked.question), write);
    } else if (line !== '') {
      choices = reply(() => engine.ask(line), write);
    }
    rl.prompt();
  }
  rl.close();
  // Leave the shell prompt on a fresh line after Ctrl-D.
  if (terminal) write('');
  return 0;
}

/** A numbered "did you mean" choice: the entry to answer, and the question to answer it for. */
interface Choice {
  readonly entryId: string;
  readonly question: string;
}

/** Writes one answer and returns its numbered choices. */
function reply(answer: () => Answer, write: (text: string) => void): Choice[] {
  let given: Answer;
  try {
    given = answer();
  } catch {
    // The engine promises never to throw; if it does, one bad question must not end the session.
    write('Sorry, something went wrong answering that. Try rephrasing it.\n');
    return [];
  }
  const choices = given.suggestions.map((s: Suggestion) => ({
    entryId: s.entryId,
    // As in Slack: a "did you mean" choice answers the question asked, an example answers itself.
    question: given.status === 'ambiguous' ? given.question : s.question,
  }));
  const hint = choices.length === 0 ? '' : `\n(Type ${choices.length === 1 ? '1' : `a number, 1 to ${choices.length},`} to get that answer.)`;
  write(`${renderText(given)}${hint}\n`);
  return choices;
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
