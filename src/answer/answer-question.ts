import type { Article } from '../corpus/types.ts';
import type { FaqEntry } from '../faq/types.ts';
import type { Candidate, CuratedCandidate, FaqIndex, PassageCandidate, Ranking } from '../match/faq-index.ts';
import { SCORING } from '../match/scoring.ts';
import { clip, QUOTE_BUDGET, selectQuote } from './select-quote.ts';
import type { Answer, Citation, Suggestion } from './types.ts';
import { generatedEntryId, generatedQuestion } from './generated-entry.ts';

const MAX_QUOTES = 3;
/** A generated answer is one sentence, cut (at a word) if longer than this. */
const SHORT_ANSWER = 300;
/** A further quote shorter than this would be a fragment, not a passage worth reading. */
const MIN_EXTRA_QUOTE = 80;

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
  const curated = ranking.candidates.filter((c): c is CuratedCandidate => c.kind === 'curated');
  const passages = ranking.candidates.filter((c): c is PassageCandidate => c.kind === 'passage');
  const bestCurated = curated[0];
  const bestPassage = passages[0];
  const passageScore = bestPassage?.score ?? 0;
  // Against the threshold a passage match counts for less when the question says little.
  const passageConfidence = passageScore * ranking.specificity;
  // A curated entry wins when it matches about as well as the best passage, or when it quotes
  // that very passage: its answer is written for people, the passage's is raw text.
  const quotesBestPassage = (c: CuratedCandidate): boolean =>
    bestPassage !== undefined && c.entry.citations.some((x) => x.source === bestPassage.passage.article.source && x.paragraph === bestPassage.passage.paragraph.number);
  if (bestCurated && bestCurated.score >= SCORING.answerAt && (bestCurated.score >= passageScore - SCORING.curatedPreference || quotesBestPassage(bestCurated))) {
    // Entries quoting the same words give the same answer: only a different one is a rival.
    const bestQuotes = new Set(bestCurated.entry.citations.map((x) => x.quote));
    const rivals = curated.slice(1).filter((c) => c.score >= bestCurated.score - SCORING.ambiguousMargin && !c.entry.citations.some((x) => bestQuotes.has(x.quote)));
    if (rivals.length > 0 && bestCurated.score < SCORING.clearAt) {
      return ambiguous(question, bestCurated.score, [bestCurated, ...rivals.slice(0, 2)]);
    }
    return answerFrom(bestCurated, question, context);
  }
  if (bestPassage && passageConfidence >= SCORING.passageAnswerAt) {
    const adopted = curated.find((c) => c.score >= SCORING.adoptAt && quotesBestPassage(c));
    if (adopted) return answerFrom(adopted, question, context);
    return { ...answerFrom(bestPassage, question, context, ranking), score: round(passageConfidence) };
  }
  const best = ranking.candidates[0];
  if (best && best.score >= SCORING.suggestAt) {
    // Unsure: say so, but offer the nearest entries as "did you mean" rather than examples.
    const near = [...(bestCurated && bestCurated.score >= SCORING.suggestAt ? curated.slice(0, 3) : []), ...(bestPassage ? [bestPassage] : [])];
    return { ...unknown(question, best.score, near.slice(0, 3).map(suggestionOf)), nearMatches: true };
  }
  return unknown(question, best?.score ?? 0, context.examples);
}

function ambiguous(question: string, score: number, candidates: readonly Candidate[]): Answer {
  return { question, status: 'ambiguous', answer: null, citations: [], suggestions: candidates.map(suggestionOf), score: round(score), entryId: null };
}

/** The answer for one candidate; a second passage is quoted too when it scored almost as well. */
export function answerFrom(best: Candidate, question: string, context: AnswerContext, ranking?: Ranking): Answer {
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
  // Without a ranking (a "did you mean" click on a passage) there are no runners-up to quote.
  const answerType = ranking?.query.answerType ?? 'other';
  const span = selectQuote(best.passage, best.window, answerType);
  const article = best.passage.article;
  const citations = [citationOf(article, best.passage.paragraph.number, article.text.slice(span.start, span.end))];
  // Runners-up that scored almost as well are quoted too (a sentence or two each), while the
  // quotes fit the budget: when two passages are this close, the reader should see both.
  let used = span.end - span.start;
  for (const runnerUp of ranking?.candidates ?? []) {
    if (citations.length >= MAX_QUOTES || runnerUp.score < best.score * SCORING.secondQuoteAt) break;
    if (runnerUp.kind !== 'passage' || runnerUp.passage === best.passage) continue;
    const room = QUOTE_BUDGET - used;
    if (room < MIN_EXTRA_QUOTE) break;
    const extra = selectQuote(runnerUp.passage, runnerUp.window, answerType, room);
    const text = runnerUp.passage.article.text.slice(extra.start, extra.end);
    if (text.length < MIN_EXTRA_QUOTE / 2 || citations.some((c) => c.quote === text)) continue;
    citations.push(citationOf(runnerUp.passage.article, runnerUp.passage.paragraph.number, text));
    used += text.length;
  }
  return {
    question,
    status: 'answered',
    answer: best.keyAnswer ?? shortAnswer(best),
    citations,
    suggestions: [],
    score: round(best.score),
    entryId: generatedEntryId(best.passage),
  };
}

/** The best-matching sentence of a passage, cut at a word if long: the short answer. */
function shortAnswer(candidate: PassageCandidate): string {
  const { article, paragraph } = candidate.passage;
  const sentence = paragraph.sentences[candidate.window.focus] ?? paragraph;
  const text = article.text.slice(sentence.start, sentence.end);
  const span = clip(text, { start: 0, end: text.length }, SHORT_ANSWER);
  const clipped = text.slice(span.start, span.end);
  return clipped.length < text.length ? `${clipped}…` : clipped;
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
  return answerFrom({ kind: 'curated', entry, score: 1 }, question, context);
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
