import { capitalise } from './capitalise.ts';

const CONNECTIVES = String.raw`However|Moreover|Furthermore|Additionally|Also|But|And|So|Still|Meanwhile|Lately|Recently|Indeed|Nevertheless|Nonetheless|Thus|Therefore|Instead|Yet|Then|Likewise|Similarly|Consequently|Finally|Besides|Otherwise|Of course|In fact|That said|As a result|In addition|For example|For instance|In other words|On the other hand|After all|Even so|Now|Overall|Ultimately|Importantly|Notably|Specifically|In short|In turn|Still`;
/** The one-word connectives, lower-cased: never a key phrase. */
export const CONNECTIVE_WORDS: ReadonlySet<string> = new Set(CONNECTIVES.toLowerCase().split('|').filter((w) => !w.includes(' ')));
const LEADING_CONNECTIVES = new RegExp(String.raw`^(?:(?:${CONNECTIVES}),?\s+)+`, 'u');

/** Drops leading connectives ("However, ", "Lately, ") and capitalises what is left. */
export function trimConnectives(sentence: string): string {
  const trimmed = sentence.replace(LEADING_CONNECTIVES, '');
  return trimmed === sentence ? sentence : capitalise(trimmed);
}
