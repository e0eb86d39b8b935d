import { cleanName, DESCRIBED_BY, endClause, NAME } from './english.ts';
import type { Key } from './types.ts';

const APPOSITIVE_THING = new RegExp(String.raw`(${NAME}),\s+(${DESCRIBED_BY}\s+[^,;]+)(,\s+(?:and|or)\s)?`, 'gu');
const WHICH_IS = new RegExp(String.raw`(${NAME}),\s+which\s+(?:is|are|was)\s+((?:part of|a|an|the|one of)\s+[^,;]+)`, 'gu');
const DEFINITION = new RegExp(String.raw`^(${NAME})\s+(is|are)\s+((?:a|an|the)\s+[^,;]+)`, 'u');

/**
 * "What is X?" from a description: an appositive ("OpenStack, the open source …") or a "which is"
 * clause anywhere in `text`, or a definition opening `body` ("Gizmodrome is a museum of …").
 * Names in `persons` (already asked "Who is") are skipped.
 */
export function whatKeys(text: string, body: string, sentence: number, namesInText: ReadonlySet<string>, persons: ReadonlySet<string>): Key[] {
  const keys: Key[] = [];
  for (const m of [...text.matchAll(APPOSITIVE_THING), ...text.matchAll(WHICH_IS)]) {
    const name = cleanName(m[1]!, namesInText);
    const description = endClause(m[2]!);
    if (!name || persons.has(name) || m[3] || !describes(description)) continue;
    keys.push(whatKey(name, description.replace(/^(?:its|their|his|her|our)\s/, 'a '), sentence));
  }
  const definition = DEFINITION.exec(body);
  if (definition) {
    const name = cleanName(definition[1]!, namesInText, false);
    const description = endClause(definition[3]!);
    if (name && !persons.has(name) && describes(description)) keys.push(whatKey(name, description, sentence, definition[2] === 'are'));
  }
  return keys;
}

/** The description of an appositive must read as one: a determiner and a lowercase word after it. */
function describes(description: string): boolean {
  const words = description.split(/\s+/);
  const head = words[1] ?? '';
  if (words.length < 2 || words.length > 20) return false;
  if (/^(?:same|other|first|second|one|last|next|deal|idea|case|company|companies)$/.test(head)) return false;
  return /^[\p{Ll}\p{N}]/u.test(head) || /^(?:\p{Lu}\.)+\p{Lu}?\.?$/u.test(head);
}

function whatKey(name: string, description: string, sentence: number, plural = false): Key {
  const be = plural ? 'are' : 'is';
  return {
    kind: 'what',
    question: `What ${be} ${name}?`,
    variants: [`${name.toLowerCase()} definition`, `Can you explain what ${name} ${be}?`, `${name}?`],
    answer: `${name} ${be} ${description}.`,
    phrase: name,
    sentence,
  };
}
