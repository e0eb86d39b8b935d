import { cleanName, DESCRIBED_BY, NAME } from './english.ts';
import type { Key } from './types.ts';

const MADE_BY = String.raw`(founded|co-founded|created|started|established|launched|developed|built|invented|designed|acquired|bought|formed|written|introduced)`;
const PASSIVE_BY = new RegExp(String.raw`(${NAME})(?:,\s+${DESCRIBED_BY}\s+[^,;]*?)?\s+(?:(?:was|were|has been|had been)\s+)?${MADE_BY}\s+(?:in\s+\d{4}\s+)?by\s+([^,;]+)`, 'gu');
const BY_STOP = /\s+(?:using|with|in|on|at|to|for|as|which|who|that|after|before|when|while|from|because)\s.*$/;

const AGENT: Readonly<Record<string, string>> = { founded: 'founder', 'co-founded': 'founders', started: 'founder', established: 'founder', created: 'creator', developed: 'developer', designed: 'designer', invented: 'inventor', built: 'builder', acquired: 'buyer', bought: 'buyer', written: 'author', introduced: 'introduction', launched: 'launch', formed: 'founder' };
const PAST: Readonly<Record<string, string>> = { written: 'wrote' };

const MADE_BY_WORD = new RegExp(String.raw`\b${MADE_BY}\s+(?:in\s+\d{4}\s+)?by\b`);

/** A cheap test that rules out most sentences before the full pattern runs. */
export function mayHaveMadeByKey(text: string): boolean {
  return MADE_BY_WORD.test(text);
}

/** "Who founded X?" (or created, built, acquired, …) from "X was founded by Y"; Y is the answer, at most eight words. */
export function madeByKeys(text: string, sentence: number, namesInText: ReadonlySet<string>): Key[] {
  const keys: Key[] = [];
  for (const m of text.matchAll(PASSIVE_BY)) {
    const name = cleanName(m[1]!, namesInText, false);
    const by = m[3]!.replace(BY_STOP, '').replace(/[.!?"]+$/, '').trim();
    if (name && by && by.split(/\s+/).length <= 8) keys.push(madeByKey(name, m[2]!, by, sentence));
  }
  return keys;
}

function madeByKey(name: string, participle: string, by: string, sentence: number): Key {
  const past = PAST[participle] ?? participle;
  return {
    kind: 'founded',
    question: `Who ${past} ${name}?`,
    variants: [`${name.toLowerCase()} ${AGENT[participle] ?? participle}`, `By whom was ${name} ${participle}?`, `${name} ${participle} by`],
    answer: `${name} was ${participle} by ${by}.`,
    phrase: name,
    sentence,
  };
}
