import type { Article } from '../../corpus/types.ts';
import { dedupeVariants } from './dedupe-variants.ts';
import { documentFrequencies } from './document-frequencies.ts';
import { idMaker } from './id-maker.ts';
import { namesOf } from './names-of.ts';
import { pickKeys } from './pick-keys.ts';
import { quoteFor } from './quote-for.ts';
import { sentencesOf } from './sentences-of.ts';
import { shortAnswer } from './short-answer.ts';
import { trimConnectives } from './trim-connectives.ts';
import type { DraftEntry } from './types.ts';

export type { DraftEntry, DraftKind } from './types.ts';
export { MAX_QUOTE } from './quote-for.ts';
export { slugify } from './slugify.ts';
export { trimConnectives } from './trim-connectives.ts';

export interface DraftOptions {
  /** Articles whose paragraphs give the document frequencies for key phrases (default: this one). */
  readonly background?: readonly Article[];
  /** Ids already used (e.g. in faq.yml): drafted ids avoid them. */
  readonly reservedIds?: Iterable<string>;
}

/**
 * Proposes curated entries for every body paragraph of an article: 1–3 each, with a question,
 * three or more variants, a short answer and a verbatim quote, for a curator to review and paste
 * into faq.yml. Questions come from patterns where they are reliable — an appositive
 * ("Ted MacLean, general manager of …" → "Who is Ted MacLean?"), "X was founded by Y", "X is a Y",
 * a date, a count, a quotation — and otherwise from the paragraph's key phrases by tf-idf
 * ("What does the article say about SuSE Linux Enterprise?").
 *
 *   draftEntries(article003).find((e) => e.kind === 'who')
 *   // → { id: 'hyper-v-who-ted-maclean', question: 'Who is Ted MacLean?',
 *   //     answer: "Ted MacLean is general manager of Microsoft's Open Solutions Group.", … }
 */
export function draftEntries(article: Article, options: DraftOptions = {}): DraftEntry[] {
  const stats = documentFrequencies(options.background ?? [article]);
  const idFor = idMaker(article, options.reservedIds ?? []);
  const askedBefore = new Set<string>();
  const namesInText = namesOf(article);
  const entries: DraftEntry[] = [];
  for (const paragraph of article.paragraphs) {
    const sentences = sentencesOf(article, paragraph);
    const keys = pickKeys(sentences, namesInText, stats, askedBefore);
    for (const key of keys) askedBefore.add(key.question.toLowerCase());
    for (const key of keys) {
      const sentence = sentences[key.sentence]!;
      entries.push({
        id: idFor(key, paragraph.number),
        question: key.question,
        variants: dedupeVariants(key.variants, key.question),
        answer: shortAnswer(key.answer ?? trimConnectives(sentence.original)),
        citations: [{ source: article.source, quote: quoteFor(article, sentences, key.sentence, key.phrase) }],
        paragraph: paragraph.number,
        kind: key.kind,
      });
    }
  }
  return entries;
}
