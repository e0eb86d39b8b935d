import type { Span } from '../corpus/types.ts';
import type { PassageDoc } from '../match/faq-index.ts';
import { sentenceFits, type AnswerType } from '../match/answer-type.ts';

/** Total length of all quotes in one answer: enough for two or three sentences, never a page. */
export const QUOTE_BUDGET = 700;

/**
 * The verbatim span to quote from a passage: the best-matching window of one or two sentences,
 * widened by one neighbour when the window lacks what the question asks for (a date for "when", a
 * name for "who", a number for "how many") and the neighbour has it, and by the sentence before or
 * after when that one points back to the window ("It was…", "This…"). Never longer than `budget`;
 * a sentence longer than that is cut at a word boundary, so no word is ever broken.
 */
export function selectQuote(passage: PassageDoc, window: { first: number; last: number }, answerType: AnswerType, budget = QUOTE_BUDGET): Span {
  const { sentences } = passage.paragraph;
  const text = passage.article.text;
  let { first, last } = window;
  const fits = (i: number): boolean => sentenceFits(text.slice(sentences[i]!.start, sentences[i]!.end), answerType);
  const length = (a: number, b: number): number => sentences[b]!.end - sentences[a]!.start;
  if (answerType !== 'other') {
    let fitsNow = false;
    for (let i = first; i <= last; i++) fitsNow ||= fits(i);
    if (!fitsNow) {
      if (last + 1 < sentences.length && fits(last + 1) && length(first, last + 1) <= budget) last += 1;
      else if (first > 0 && fits(first - 1) && length(first - 1, last) <= budget) first -= 1;
    }
  }
  // A next sentence that opens by pointing back ("It was re-established in April 1991.") goes on
  // with what the window says: quoted without it, the window stops halfway through its story.
  if (last + 1 < sentences.length && POINTS_BACK.test(text.slice(sentences[last + 1]!.start, sentences[last + 1]!.end)) && length(first, last + 1) <= CONTINUED_QUOTE) last += 1;
  // Likewise a window that opens by pointing back needs the sentence it points to, to be read alone.
  if (first > 0 && POINTS_BACK.test(text.slice(sentences[first]!.start, sentences[first]!.end)) && length(first - 1, last) <= CONTINUED_QUOTE) first -= 1;
  while (last > first && length(first, last) > budget) last -= 1;
  return clip(text, { start: sentences[first]!.start, end: sentences[last]!.end }, budget);
}

const POINTS_BACK = /^(?:It|Its|This|These|That|Those|He|His|She|Her|They|Their)\b/;
/** At most this long with the continuing sentence: room must stay for a second passage's quote. */
const CONTINUED_QUOTE = 400;

/**
 * Cuts a span to at most `budget` characters at a word boundary (keeping its start). A span that
 * opens with a quotation mark whose closing one is cut off starts after the mark instead: a quote
 * is a verbatim slice, so it cannot gain the closing mark, and must not show a dangling opening one.
 */
export function clip(text: string, span: Span, budget: number): Span {
  if (span.end - span.start <= budget) return span;
  const head = text.slice(span.start, span.start + budget + 1);
  const cut = head.search(/\s\S*$/);
  const end = span.start + (cut > 0 ? cut : budget);
  let trimmed = end;
  while (trimmed > span.start && /[\s,;:(–—-]/.test(text[trimmed - 1]!)) trimmed--;
  let start = span.start;
  if (/["“]/.test(text[start] ?? '') && !/["”]/.test(text.slice(start + 1, trimmed))) {
    start++;
    while (start < trimmed && /\s/.test(text[start]!)) start++;
  }
  return { start, end: trimmed };
}
