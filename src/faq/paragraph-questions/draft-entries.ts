import type { Article } from '../../corpus/types.ts';
import { documentFrequencies } from './document-frequencies.ts';
import { namesOf, sentencesOf, trimConnectives } from './english.ts';
import { idMaker } from './id-maker.ts';
import { pickKeys } from './pick-keys.ts';
import { quoteFor } from './quote-for.ts';
import type { DraftEntry } from './types.ts';

export type { DraftEntry, DraftKind } from './types.ts';
export { MAX_QUOTE } from './quote-for.ts';
export { slugify, trimConnectives } from './english.ts';

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

const MAX_ANSWER = 300;

/** An entry's answer: ordinary white space folded, cut at a word boundary with "…" past MAX_ANSWER characters. */
function shortAnswer(text: string): string {
  // Only ordinary white space is folded: no-break spaces and curly quotes stay as written.
  const clean = text.replace(/[ \t\r\n]+/g, ' ').trim();
  if (clean.length <= MAX_ANSWER) return clean;
  return `${clean.slice(0, MAX_ANSWER).replace(/\s+\S*$/, '')}…`;
}

/** The variants without repeats or the question itself, compared case-insensitively; the first spelling is kept. */
function dedupeVariants(variants: readonly string[], question: string): string[] {
  const seen = new Set([question.toLowerCase()]);
  return variants.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
