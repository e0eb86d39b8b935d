import type { Paragraph, Span } from './types.ts';

// Words that end with a dot without ending the sentence ("Mr. Smith", "U.S. agency", "Jan. 5").
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e u.s u.k u.n no vol fig gen gov sen rep col
  lt sgt capt mt ft jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ ave blvd`.split(/\s+/),
);

/**
 * Splits `text[start, end)` into body paragraphs. Blank lines separate paragraphs when the body has
 * any; otherwise every line is one (plain-text exports often put one paragraph a line). Markdown
 * headings and short heading-like lines ("About the Author") are not paragraphs: they are never
 * worth quoting. Paragraphs are numbered from 1.
 */
export function splitParagraphs(text: string, start: number, end: number): Paragraph[] {
  const body = text.slice(start, end);
  const separator = /\n[ \t]*\n/.test(body) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const paragraphs: Paragraph[] = [];
  let blockStart = 0;
  const pushBlock = (from: number, to: number): void => {
    const span = trimSpan(text, start + from, start + to);
    if (span.end <= span.start || isHeadingLike(text.slice(span.start, span.end))) return;
    paragraphs.push({ ...span, number: paragraphs.length + 1, sentences: splitSentences(text, span.start, span.end) });
  };
  for (const match of body.matchAll(separator)) {
    pushBlock(blockStart, match.index);
    blockStart = match.index + match[0].length;
  }
  pushBlock(blockStart, body.length);
  return paragraphs;
}

/** True for a markdown heading, or a short line with no sentence punctuation at its end. */
export function isHeadingLike(line: string): boolean {
  const trimmed = line.trim();
  if (/^#{1,6}\s/.test(trimmed)) return true;
  const words = trimmed.split(/\s+/).length;
  return words <= 6 && !/[.!?:;"”’)\]]$/.test(trimmed);
}

/**
 * Splits `text[start, end)` into sentences: a sentence ends at `.`, `!` or `?` (with any closing
 * quotes or brackets) followed by white space and a capital, digit or opening quote — unless the
 * word before the dot is a known abbreviation or a single initial, or the stop is inside a
 * quotation that closes later: `"Until today… products. Now it works," stated Ted MacLean.` is
 * one sentence, so a quote of it has both its quotation marks and its speaker.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const sentences: Span[] = [];
  const region = text.slice(start, end);
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  const quoted = quotations(region);
  let sentenceStart = 0;
  for (const match of region.matchAll(boundary)) {
    const stop = match.index + match[0].length;
    if (match[0].startsWith('.') && match[0].length === 1 && endsWithAbbreviation(region.slice(Math.max(sentenceStart, match.index - 24), match.index))) {
      continue;
    }
    if (quoted.some((q) => q.start < match.index && stop <= q.end)) continue;
    const span = trimSpan(text, start + sentenceStart, start + stop);
    if (span.end > span.start) sentences.push(span);
    sentenceStart = stop;
  }
  const last = trimSpan(text, start + sentenceStart, end);
  if (last.end > last.start) sentences.push(last);
  return sentences;
}

/** A quotation longer than this may still be split: one sentence must fit in a quote. */
const LONGEST_QUOTATION = 500;

/**
 * The double quotations of a text that close in it, as spans from the opening mark to the closing
 * one (straight marks pair up in turn; “ opens and ” closes). An unclosed mark starts none.
 */
function quotations(region: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < region.length; i++) {
    const c = region[i];
    if (c === '“' || (c === '"' && open < 0)) open = i;
    else if ((c === '”' || c === '"') && open >= 0) {
      if (i - open <= LONGEST_QUOTATION) spans.push({ start: open, end: i });
      open = -1;
    }
  }
  return spans;
}

function endsWithAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. K. Rowling"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
