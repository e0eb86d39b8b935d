import type { Article, Paragraph } from '../../corpus/types.ts';
import type { Sentence } from './types.ts';

/**
 * The paragraph's sentences (as the corpus split them), each with a folded copy for analysis.
 * Curly quotes and no-break spaces become their plain forms, one code unit for one, so offsets
 * into `text` are offsets into the article; questions are written with the plain forms.
 */
export function sentencesOf(article: Article, paragraph: Paragraph): Sentence[] {
  return paragraph.sentences.map((span) => {
    const original = article.text.slice(span.start, span.end);
    return { span, original, text: original.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ') };
  });
}
