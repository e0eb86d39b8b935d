import type { Article } from '../corpus/types.ts';
import type { FaqEntry } from '../faq/types.ts';
import type { Candidate, FaqIndex, PassageCandidate, Ranking } from '../match/faq-index.ts';
import { SCORING } from '../match/scoring.ts';
import { QUOTE_BUDGET, selectQuote } from './select-quote.ts';
import type { Answer, Citation, Suggestion } from './types.ts';
import { generatedEntryId, generatedQuestion } from './generated-entry.ts';

export interface AnswerContext {
  readonly index: FaqIndex;
  readonly articles: ReadonlyMap<string, Article>;
  readonly examples: readonly Suggestion[];
}

/**
 * Answers a question from the ranking: `answered` when the best candidate clears the calibrated
 * threshold and no different candidate is within the ambiguity margin of it; `ambiguous` (with the
 * close candidates as suggestions) when one is; `unknown` (with example questions) otherwise.
 */
export function answerQuestion(question: string, context: AnswerContext): Answer {
  const ranking = context.index.rank(question);
  const [best, ...rest] = ranking.candidates;
  if (!best || best.score < SCORING.answerAt) return unknown(question, best?.score ?? 0, context.examples);
  const rivals = distinctRivals(best, rest).filter((c) => c.score >= best.score - SCORING.ambiguousMargin);
  if (rivals.length > 0 && best.score < SCORING.clearAt) {
    return {
      question,
      status: 'ambiguous',
      answer: null,
      citations: [],
      suggestions: [best, ...rivals.slice(0, 2)].map(suggestionOf),
      score: round(best.score),
      entryId: null,
    };
  }
  return answerFrom(best, question, ranking, context);
}

/** The answer for one candidate; a second passage is quoted too when it scored almost as well. */
export function answerFrom(best: Candidate, question: string, ranking: Ranking, context: AnswerContext): Answer {
  if (best.kind === 'curated') {
    return {
      question,
      status: 'answered',
      answer: best.entry.answer,
      citations: best.entry.citations.map((c) => citationOf(context.articles.get(c.source)!, c.paragraph, c.quote)),
      suggestions: [],
      score: round(best.score),
      entryId: best.entry.id,
    };
  }
  const span = selectQuote(best.passage, best.window, ranking.query.answerType);
  const article = best.passage.article;
  const citations = [citationOf(article, best.passage.paragraph.number, article.text.slice(span.start, span.end))];
  const runnerUp = ranking.candidates.find((c): c is PassageCandidate => c.kind === 'passage' && c.passage !== best.passage);
  if (runnerUp && runnerUp.score >= best.score * SCORING.secondQuoteAt) {
    const room = QUOTE_BUDGET - (span.end - span.start) - 1;
    if (room > 80) {
      const second = selectQuote(runnerUp.passage, runnerUp.window, ranking.query.answerType, room);
      const text = runnerUp.passage.article.text.slice(second.start, second.end);
      if (text.length <= room) citations.push(citationOf(runnerUp.passage.article, runnerUp.passage.paragraph.number, text));
    }
  }
  return {
    question,
    status: 'answered',
    answer: citations[0]!.quote,
    citations,
    suggestions: [],
    score: round(best.score),
    entryId: generatedEntryId(best.passage),
  };
}

function distinctRivals(best: Candidate, rest: readonly Candidate[]): Candidate[] {
  const cited = (c: Candidate): Set<string> =>
    c.kind === 'curated' ? new Set(c.entry.citations.map((x) => `${x.source}#${x.paragraph}`)) : new Set([`${c.passage.article.source}#${c.passage.paragraph.number}`]);
  const bestPlaces = cited(best);
  const seen = new Set<string>();
  const rivals: Candidate[] = [];
  for (const c of rest) {
    // A passage that the best entry itself quotes is the same answer, not a rival.
    if (c.kind === 'passage' && [...cited(c)].some((p) => bestPlaces.has(p))) continue;
    if (best.kind === 'passage' && c.kind === 'curated' && [...cited(c)].some((p) => bestPlaces.has(p))) continue;
    const key = c.kind === 'curated' ? c.entry.id : generatedEntryId(c.passage);
    if (seen.has(key)) continue;
    seen.add(key);
    rivals.push(c);
  }
  return rivals;
}

function suggestionOf(candidate: Candidate): Suggestion {
  return candidate.kind === 'curated'
    ? { question: candidate.entry.question, entryId: candidate.entry.id }
    : { question: generatedQuestion(candidate.passage, candidate.window), entryId: generatedEntryId(candidate.passage) };
}

export function unknown(question: string, score: number, examples: readonly Suggestion[]): Answer {
  return { question, status: 'unknown', answer: null, citations: [], suggestions: examples.slice(0, 3), score: round(score), entryId: null };
}

export function citationOf(article: Article, paragraph: number, quote: string): Citation {
  return {
    source: article.source,
    title: article.title,
    quote,
    paragraph,
    ...(article.url ? { url: article.url } : {}),
    ...(article.date ? { date: article.date } : {}),
  };
}

export function curatedAnswer(entry: FaqEntry, question: string, context: AnswerContext): Answer {
  return answerFrom({ kind: 'curated', entry, score: 1 }, question, { query: context.index.rank('').query, candidates: [] }, context);
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
