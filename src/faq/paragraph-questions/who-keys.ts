import { cleanName, endClause, NAME } from './english.ts';
import type { Key } from './types.ts';

const ROLE = String.raw`(?:manager|director|president|ceo|cto|cfo|coo|chief|founder|co-founder|head|officer|chairman|chairwoman|chair|producer|editor|analyst|spokesman|spokeswoman|spokesperson|professor|author|engineer|architect|executive|vp|secretary|minister|researcher|scientist|leader|partner|owner|reporter|writer|correspondent|consultant|evangelist|fellow|strategist|developer|designer|governor|senator|mayor|lawyer|economist|historian|general|journalist|poet|novelist|playwright|friend|colleague|inventor|physicist|mathematician|chemist|biologist|astronomer|mystic|propagandist|wife|husband|son|daughter|father|mother|brother|sister|student|teacher|biographer|assistant|actor|actress|singer|musician|artist|painter|composer|philosopher|politician|king|queen|prince|princess|emperor|bishop|priest|pope|soldier|captain|commander|chancellor|judge|doctor|physician|coach|player|quarterback|pilot|astronaut|explorer|entrepreneur|businessman|businesswoman|investor|banker|financier|industrialist|philanthropist|activist|attorney|superintendent|commissioner|ambassador|diplomat)`;

// A role: up to three modifiers, the role noun as head, then only a complement ("of Microsoft's
// Open Solutions Group"). "backed by financier J. P. Morgan" is not a role description.
const ROLE_PHRASE = String.raw`(?:(?:the|a|an)\s+|\p{Lu}\p{L}*'s\s+)?(?:(?!(?:[\p{Ll}]+(?:ed|ing)|by|in|of|with|which|who|from|for|at|on)\s)[\p{Ll}\p{N}][\p{L}\p{N}'-]*\s+){0,3}?${ROLE}s?(?:\s+(?:of|at|for|with|in|to|from|on|and|who|whom|whose|that)\s+[^,;]*)?`;
const APPOSITIVE_ROLE = new RegExp(String.raw`(${NAME}),\s+(${ROLE_PHRASE})(?=[,;]|[.!?"]*$)`, 'gu');
const COPULA_ROLE = new RegExp(String.raw`^(${NAME})\s+(?:is|was)\s+(${ROLE_PHRASE})(?=[,;]|[.!?"]*$)`, 'u');

const ROLE_WORD = new RegExp(String.raw`\b${ROLE}s?\b`, 'i');

/** A cheap test that rules out most sentences before the full patterns run (10x faster on big corpora). */
export function mayHaveWhoKey(text: string): boolean {
  return ROLE_WORD.test(text);
}

/**
 * "Who is X?" for every person the sentence describes by a role: an appositive anywhere in `text`
 * ("Ted MacLean, general manager of …") or a copula opening `body` ("Ted MacLean is the …").
 * A person needs two or more name words.
 */
export function whoKeys(text: string, body: string, sentence: number, namesInText: ReadonlySet<string>): Key[] {
  const keys: Key[] = [];
  for (const m of text.matchAll(APPOSITIVE_ROLE)) {
    const name = cleanName(m[1]!, namesInText);
    if (name && name.split(/\s+/).length >= 2) keys.push(whoKey(name, endClause(m[2]!), sentence));
  }
  const copula = COPULA_ROLE.exec(body);
  if (copula) {
    const name = cleanName(copula[1]!, namesInText);
    if (name && name.split(/\s+/).length >= 2) keys.push(whoKey(name, endClause(copula[2]!), sentence));
  }
  return keys;
}

function whoKey(name: string, role: string, sentence: number): Key {
  const last = name.split(/\s+/).at(-1)!;
  return {
    kind: 'who',
    question: `Who is ${name}?`,
    variants: [`${name.toLowerCase()} role`, `What does ${name} do?`, `who is ${last}`],
    answer: `${name} is ${role}.`,
    phrase: name,
    sentence,
  };
}
