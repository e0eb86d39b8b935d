import type { PassageDoc } from '../match/faq-index.ts';

const LABEL_WORDS = 10;

/** The id of the generated entry for a paragraph: `<source>#<paragraph>`, stable across restarts. */
export function generatedEntryId(passage: PassageDoc): string {
  return `${passage.article.source}#${passage.paragraph.number}`;
}

/** Parses a generated entry id back into its parts; null if it is not one. */
export function parseGeneratedEntryId(id: string): { source: string; paragraph: number } | null {
  const match = /^(.+)#(\d+)$/.exec(id);
  return match ? { source: match[1]!, paragraph: Number(match[2]) } : null;
}

/**
 * A short label for offering a passage as a "did you mean" choice: its best sentence's opening
 * words with the article title, e.g. `Cloud.com and Anso Labs provided the support… (Hyper-V To Be…)`.
 */
export function generatedQuestion(passage: PassageDoc, window: { first: number }): string {
  const sentence = passage.paragraph.sentences[window.first] ?? passage.paragraph;
  const words = passage.article.text.slice(sentence.start, sentence.end).split(/\s+/);
  const opening = words.length > LABEL_WORDS ? `${words.slice(0, LABEL_WORDS).join(' ')}…` : words.join(' ');
  return `${opening} (${passage.article.title}, ¶${passage.paragraph.number})`;
}
