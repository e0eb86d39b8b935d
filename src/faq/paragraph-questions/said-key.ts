import { cleanName, NAME } from './english.ts';
import type { Key } from './types.ts';

const QUOTED_SPEAKER = new RegExp(String.raw`^"[^"]{20,}[,.!?]"\s*,?\s+(?:said|says|stated|added|explained|noted|wrote|told)\s+(${NAME})`, 'u');
const SPEAKER_FIRST = new RegExp(String.raw`^(${NAME})\s+(?:said|says|stated|added|explained|noted|wrote)(?:\s+that)?[,:]?\s+"`, 'u');

/** "What did X say?" from a quotation of 20 or more characters with its speaker, before or after it. */
export function saidKey(body: string, sentence: number, namesInText: ReadonlySet<string>): Key | null {
  const speaker = QUOTED_SPEAKER.exec(body) ?? SPEAKER_FIRST.exec(body);
  if (!speaker) return null;
  const name = cleanName(speaker[1]!, namesInText);
  const quoted = /"([^"]{20,})"/.exec(body)?.[1]?.replace(/,$/, '.');
  if (!name || !quoted) return null;
  const last = name.split(/\s+/).at(-1)!;
  return {
    kind: 'said',
    question: `What did ${name} say?`,
    variants: [`${name.toLowerCase()} quote`, `What was ${name}'s comment?`, `what did ${last} say`],
    answer: `${name} said: "${quoted}"`,
    phrase: name,
    sentence,
  };
}
