import type { Article } from '../../corpus/types.ts';
import { termsOf } from '../../match/normalize.ts';

/** How many paragraphs (the documents, for idf) hold each term. */
export interface Frequencies {
  readonly docs: number;
  readonly df: ReadonlyMap<string, number>;
}

/** Document frequencies of the articles' terms, each body paragraph one document. */
export function documentFrequencies(articles: readonly Article[]): Frequencies {
  const df = new Map<string, number>();
  let docs = 0;
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      docs++;
      for (const term of new Set(termsOf(article.text.slice(paragraph.start, paragraph.end)))) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return { docs, df };
}

/** Inverse document frequency of a term (an unseen term counts as seen once). */
export function idf(stats: Frequencies, term: string): number {
  return Math.log(1 + stats.docs / Math.max(1, stats.df.get(term) ?? 0));
}
