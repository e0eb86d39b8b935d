import type { Article } from '../../corpus/types.ts';
import { TOKEN } from './token.ts';

/**
 * Words the article capitalises mid-sentence far more often than not: its names. A
 * sentence-initial capital says nothing, so those occurrences are not counted.
 */
export function namesOf(article: Article): Set<string> {
  const capitalised = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const paragraph of article.paragraphs) {
    for (const span of paragraph.sentences) {
      const text = article.text.slice(span.start, span.end).replace(/[’]/g, "'");
      let first = true;
      for (const m of text.matchAll(TOKEN)) {
        const word = m[0].replace(/'s$/, '');
        if (/^\p{Ll}/u.test(word)) lower.set(word, (lower.get(word) ?? 0) + 1);
        else if (!first) capitalised.set(word, (capitalised.get(word) ?? 0) + 1);
        first = false;
      }
    }
  }
  // "Tesla" is a name though "the tesla" (the unit) occurs once; "Often" after a missed sentence
  // break is not, since "often" is mostly written in lower case.
  return new Set([...capitalised].filter(([word, n]) => n > 2 * (lower.get(word.toLowerCase()) ?? 0)).map(([word]) => word));
}
