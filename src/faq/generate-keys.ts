import type { Article } from '../corpus/types.ts';
import { namesOf, sentencesOf, trimConnectives } from './paragraph-questions/english.ts';
import { madeByKeys, mayHaveMadeByKey } from './paragraph-questions/made-by-keys.ts';
import { mayHaveWhoKey, whoKeys } from './paragraph-questions/who-keys.ts';

/** A question a paragraph answers, found by a reliable pattern in one of its sentences. */
export interface GeneratedKey {
  readonly source: string;
  readonly paragraph: number;
  /** Index of the sentence (in the paragraph) the question was drawn from: the answer. */
  readonly sentence: number;
  readonly question: string;
  readonly variants: readonly string[];
  /** A short answer built from the sentence ("Ted MacLean is general manager of …"), when the pattern gives one. */
  readonly answer?: string;
}

/**
 * Question-shaped keys for the paragraphs no curated entry covers, so a corpus nobody curated is
 * still matched question to question where the text makes that safe: an appositive
 * ("Ted MacLean, general manager of …" → "Who is Ted MacLean?") and "X was founded by Y"
 * ("Who founded X?"). `faqbot draft` uses the same patterns, and more, for curators to review.
 * `covered` holds `source#paragraph` for curated paragraphs.
 */
export function generateKeys(articles: readonly Article[], covered: ReadonlySet<string>): GeneratedKey[] {
  const keys: GeneratedKey[] = [];
  for (const article of articles) {
    const open = article.paragraphs.filter((p) => !covered.has(`${article.source}#${p.number}`));
    if (open.length === 0) continue;
    // Finding an article's names reads all of it: only done once a sentence may need them.
    let names: Set<string> | undefined;
    const namesHere = (): Set<string> => (names ??= namesOf(article));
    for (const paragraph of open) {
      sentencesOf(article, paragraph).forEach((sentence, i) => {
        // Only the patterns that name who someone is or who made something: measured on SQuAD, the
        // looser ones ("What is X?", dates, counts) matched unrelated questions as often as
        // related ones and lowered the share answered at the same refusal rate.
        const found = [
          ...(mayHaveWhoKey(sentence.text) ? whoKeys(sentence.text, trimConnectives(sentence.text), i, namesHere()) : []),
          ...(mayHaveMadeByKey(sentence.text) ? madeByKeys(sentence.text, i, namesHere()) : []),
        ];
        for (const key of found) {
          keys.push({
            source: article.source,
            paragraph: paragraph.number,
            sentence: i,
            question: key.question,
            variants: key.variants,
            ...(key.answer ? { answer: key.answer } : {}),
          });
        }
      });
    }
  }
  return keys;
}
