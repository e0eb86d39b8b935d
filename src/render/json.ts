import type { Answer } from '../answer/types.ts';

/**
 * The CLI's JSON contract (docs/how-it-works.md), one line per answer:
 * `{question, status, answer, citations: [{source, title, quote, paragraph}], suggestions: [{question}], score}`.
 */
export function renderJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    status: answer.status,
    answer: answer.answer,
    citations: answer.citations.map((c) => ({ source: c.source, title: c.title, quote: c.quote, paragraph: c.paragraph })),
    suggestions: answer.suggestions.map((s) => ({ question: s.question })),
    score: answer.score,
  });
}
