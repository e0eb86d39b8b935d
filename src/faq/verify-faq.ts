import { findLineStartingWith } from '../corpus/load-corpus.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import { FaqFileError } from '../errors.ts';
import type { FaqFile } from './read-faq-file.ts';
import type { FaqEntry, ResolvedCitation } from './types.ts';

/**
 * Checks every curated entry against the corpus: each citation's source must be an article and its
 * quote must appear verbatim, within one body paragraph (never in page chrome). Reports every
 * problem at once, each naming file, line and entry.
 */
export function verifyFaq(faq: FaqFile, corpus: Corpus): FaqEntry[] {
  const bySource = new Map(corpus.articles.map((a) => [a.source, a]));
  const problems: string[] = [];
  const name = faq.file;
  for (const meta of faq.articles) {
    const article = bySource.get(meta.source);
    const where = `${name}${meta.line ? `:${meta.line}` : ''}: article "${meta.source}": `;
    if (!article) problems.push(`${where}listed under "articles" but is not in ${corpus.dir}.`);
    // A marker that matches nothing would silently let the page chrome it was meant to cut into the body.
    else if (meta.bodyEndsBefore && findLineStartingWith(article.text, meta.bodyEndsBefore, 0) < 0) {
      problems.push(`${where}body_ends_before "${meta.bodyEndsBefore}" matches no line of ${meta.source}; copy the first line of its page chrome exactly.`);
    }
  }
  const entries: FaqEntry[] = [];
  for (const entry of faq.entries) {
    const citations: ResolvedCitation[] = [];
    for (const citation of entry.citations) {
      const article = bySource.get(citation.source);
      const where = `${name}:${citation.line}: entry "${entry.id}": `;
      if (!article) {
        problems.push(`${where}source "${citation.source}" is not an article in ${corpus.dir}.`);
        continue;
      }
      const resolved = locateQuote(article, citation.quote);
      if (resolved === 'missing') problems.push(`${where}quote not found verbatim in ${citation.source}: "${preview(citation.quote)}"`);
      else if (resolved === 'outside-body') problems.push(`${where}quote is not inside one body paragraph of ${citation.source} (page chrome or across paragraphs): "${preview(citation.quote)}"`);
      else citations.push(resolved);
    }
    if (entry.about) {
      // An answer about the article itself: from its credits, which are never quoted.
      const where = `${name}:${entry.about.line}: entry "${entry.id}": `;
      if (!bySource.has(entry.about.source)) problems.push(`${where}about "${entry.about.source}" is not an article in ${corpus.dir}.`);
      else if (entry.citations.length > 0) problems.push(`${where}an entry "about" an article answers from its credits and has no citations; remove one or the other.`);
      else entries.push({ id: entry.id, question: entry.question, variants: entry.variants, answer: entry.answer, citations: [], curated: true, about: entry.about.source });
      continue;
    }
    if (citations.length === entry.citations.length && citations.length > 0) {
      entries.push({ id: entry.id, question: entry.question, variants: entry.variants, answer: entry.answer, citations, curated: true });
    }
  }
  if (problems.length) throw new FaqFileError(problems);
  return entries;
}

/** Where a verbatim quote sits in an article's body; the first occurrence inside a paragraph wins. */
export function locateQuote(article: Article, quote: string): ResolvedCitation | 'missing' | 'outside-body' {
  let at = article.text.indexOf(quote);
  if (at === -1) return 'missing';
  while (at !== -1) {
    const end = at + quote.length;
    const paragraph = article.paragraphs.find((p) => p.start <= at && end <= p.end);
    if (paragraph) return { source: article.source, quote, paragraph: paragraph.number, start: at, end };
    at = article.text.indexOf(quote, at + 1);
  }
  return 'outside-body';
}

/** A quote shortened for a one-line message. */
export function preview(quote: string): string {
  return quote.length > 60 ? `${quote.slice(0, 57)}...` : quote;
}
