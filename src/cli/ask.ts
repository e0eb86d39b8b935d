import readline from 'node:readline';
import type { Engine } from '../engine.ts';
import { renderJson } from '../render/json.ts';
import { renderText } from '../render/text.ts';
import { writeLine, type CliIo } from './cli-io.ts';

/**
 * `faqbot ask [--json] [QUESTION]`: answers QUESTION, or with none every line of standard input,
 * one answer a line (JSON) or one block a question (text).
 */
export async function ask(engine: Engine, question: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const answerOne = (q: string): void => {
    const answer = engine.ask(q);
    writeLine(io.stdout, json ? renderJson(answer) : renderText(answer));
  };
  if (question !== undefined) {
    answerOne(question);
    return 0;
  }
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    answerOne(line);
    if (!json) writeLine(io.stdout, '');
  }
  return 0;
}
