import { howManyKey } from './how-many-key.ts';
import { madeByKeys } from './made-by-keys.ts';
import { saidKey } from './said-key.ts';
import { trimConnectives } from './english.ts';
import type { Key } from './types.ts';
import { whatKeys } from './what-keys.ts';
import { whenKey } from './when-key.ts';
import { whoKeys } from './who-keys.ts';

/**
 * Every question-shaped key the sentence supports. Each pattern works on one sentence and returns
 * nothing unless its shape is clear. `text` is the sentence as analysed (quotes folded); the
 * patterns anchored at its start read it with leading connectives dropped.
 */
export function patternKeys(text: string, sentence: number, namesInText: ReadonlySet<string>): Key[] {
  const keys: Key[] = [];
  const body = trimConnectives(text);

  const who = whoKeys(text, body, sentence, namesInText);
  keys.push(...who);
  keys.push(...madeByKeys(text, sentence, namesInText));
  // A person's appositive ("Ted MacLean, general manager of …") is not also a "What is" key.
  const persons = new Set(who.map((k) => k.phrase));
  keys.push(...whatKeys(text, body, sentence, namesInText, persons));
  const when = whenKey(body, sentence, namesInText);
  if (when) keys.push(when);
  const count = howManyKey(body, sentence);
  if (count) keys.push(count);
  const said = saidKey(body, sentence, namesInText);
  if (said) keys.push(said);
  return keys;
}
