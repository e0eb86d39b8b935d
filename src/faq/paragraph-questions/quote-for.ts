import type { Article } from '../../corpus/types.ts';
import type { Sentence } from './types.ts';

/** A faq.yml quote must stay under this; a longer sentence is cut at a clause boundary. */
export const MAX_QUOTE = 350;

/**
 * The verbatim text to cite for a key sentence: the sentence, with the next one when it is short
 * and both fit in MAX_QUOTE (context for a terse sentence). A sentence longer than MAX_QUOTE
 * (often two that the splitter could not tell apart) is cut to a window that holds `focus` (the
 * name or phrase the question is about), starting after a sentence or clause boundary and ending
 * at one (else at a word boundary): still verbatim text, never a broken word.
 */
export function quoteFor(article: Article, sentences: readonly Sentence[], index: number, focus: string): string {
  const sentence = sentences[index]!;
  const { span } = sentence;
  const next = sentences[index + 1]?.span;
  if (next && span.end - span.start < 60 && next.end - span.start <= MAX_QUOTE) return article.text.slice(span.start, next.end);
  const text = article.text.slice(span.start, span.end);
  if (text.length <= MAX_QUOTE) return text;
  const at = Math.max(0, sentence.text.indexOf(focus));
  let start = 0;
  if (at + focus.length > MAX_QUOTE * 0.6) {
    const boundaries = [...text.slice(0, at + 1).matchAll(/(?:[.!?;]["”’)\]]*|:\d[\d–, ]*|,)\s+(?=\S)/g)].map((m) => m.index + m[0].length);
    start = boundaries.reverse().find((b) => at - b < MAX_QUOTE / 2) ?? text.indexOf(' ', Math.max(0, at - 100)) + 1;
  }
  if (text.length - start <= MAX_QUOTE) return text.slice(start).trim();
  // One character past the budget, so a word ending exactly at the budget is kept whole.
  const window = text.slice(start, start + MAX_QUOTE + 1);
  const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
  const cut = clause > Math.max(MAX_QUOTE / 2, at - start + focus.length) ? clause : window.search(/\s+\S*$/);
  return window.slice(0, cut > 0 ? cut : MAX_QUOTE).replace(/[\s,;:]+$/, '');
}
