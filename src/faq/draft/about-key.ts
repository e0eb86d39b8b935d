import type { Key } from './types.ts';

/** The key-phrase question: "What does the article say about <phrase>?"; `context` is a partner phrase for the keyword variant. */
export function aboutKey(phrase: string, sentence: number, context: string): Key {
  return {
    kind: 'about',
    question: `What does the article say about ${phrase}?`,
    // Without a partner phrase the keyword form is the bare phrase, so a rephrasing takes its place.
    variants: context ? [`${phrase.toLowerCase()} ${context}`, `Tell me about ${phrase}.`, `${phrase}?`] : [phrase.toLowerCase(), `Tell me about ${phrase}.`, `What is said about ${phrase}?`],
    phrase,
    sentence,
  };
}
