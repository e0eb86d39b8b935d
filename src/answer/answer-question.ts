import type { Article } from '../corpus/types.ts';
import type { FaqEntry } from '../faq/types.ts';
import type { Candidate, FaqIndex, PassageCandidate, RankOptions, Ranking } from '../match/faq-index.ts';
import { citeSameParagraph, quotesAlike, rivalAfter } from '../match/entry-ranker.ts';
import { SCORING } from '../match/scoring.ts';
import { normalizeText } from '../match/normalize.ts';
import { questionForm } from '../match/query.ts';
import { clip, QUOTE_BUDGET, selectQuote } from './select-quote.ts';
import type { Answer, Citation, Suggestion } from './types.ts';
import { generatedEntryId, generatedQuestion } from './generated-entry.ts';
import { splitQuestion } from './split-question.ts';
import { phrasingKey } from './exact-phrasings.ts';

const MAX_QUOTES = 3;
/** A generated answer is one sentence, cut (at a word) if longer than this. */
const SHORT_ANSWER = 300;
/** A further quote shorter than this would be a fragment, not a passage worth reading. */
const MIN_EXTRA_QUOTE = 80;

export interface AnswerContext {
  readonly index: FaqIndex;
  readonly articles: ReadonlyMap<string, Article>;
  readonly examples: readonly Suggestion[];
  /** Articles that entries (curated, or titles that are questions) cite: their passages answer alone only when strong. */
  readonly entrySources: ReadonlySet<string>;
  /** Curated phrasings (question, variants, accepted phrasings) → their entry: see exact-phrasings.ts. */
  readonly exactPhrasings: ReadonlyMap<string, FaqEntry>;
}

/**
 * Answers a question from the ranking: `answered` when the best curated entry is probably right
 * (its confidence clears both the global line and what uncovered questions reach in this corpus),
 * or the answer is surely one of the two best and both cite the same paragraph, or else the best
 * passage clears the calibrated passage line; `ambiguous` when the model is sure it is one of the
 * two best entries but not which; `unknown` (with the nearest entries as "did you mean", or
 * example questions) otherwise.
 */
export function answerQuestion(question: string, context: AnswerContext, options: RankOptions = {}, exactWording = true): Answer {
  const curatedWording = exactWording ? context.exactPhrasings.get(phrasingKey(question)) : undefined;
  if (curatedWording) return curatedAnswer(curatedWording, question, context);
  const parts = splitQuestion(question);
  return parts.length > 1 ? answerParts(question, parts, context, options) : answerOne(question, context, options);
}

/**
 * A question of several parts: each part is answered on its own (a later part that points back,
 * "…and when was it founded?", read with the first as context). All answered: one answer, each part's quote. Some
 * answered: those, and a plain line naming what the articles do not say. None: as one question.
 */
function answerParts(question: string, parts: readonly string[], context: AnswerContext, options: RankOptions): Answer {
  // A later part leans on the first only when it points back to it ("…and when was it founded?").
  const answers = parts.map((part, i) => answerOne(part, context, i === 0 ? options : POINTS_BACK.test(part) ? { context: parts[0]! } : {}));
  const answered = answers.filter((a) => a.status === 'answered');
  if (answered.length === 0) return answerOne(question, context, options);
  const citations: Citation[] = [];
  let used = 0;
  for (const a of answered) {
    // Each part keeps at least its first quote; further quotes only while the budget lasts.
    for (const [k, c] of a.citations.entries()) {
      if (citations.length >= MAX_QUOTES || citations.some((x) => x.quote === c.quote)) continue;
      if (k > 0 && used + c.quote.length > QUOTE_BUDGET) continue;
      citations.push(c);
      used += c.quote.length;
    }
  }
  const missing = parts.filter((_, i) => answers[i]!.status !== 'answered');
  const text = [...new Set(answered.map((a) => a.answer!))].join(' ');
  return {
    question,
    status: 'answered',
    answer: missing.length ? `${text} The articles don't say ${missing.map((m) => `“${m.replace(/\?$/, '')}”`).join(' or ')}.` : text,
    citations,
    suggestions: [],
    score: Math.min(...answered.map((a) => a.score)),
    entryId: answered[0]!.entryId,
  };
}

const POINTS_BACK = /\b(?:it|its|they|them|their|that|this|those|he|him|his|she|her)\b/i;

function answerOne(question: string, context: AnswerContext, options: RankOptions): Answer {
  const ranking = context.index.rank(question, options);
  const { curated, passages } = ranking;
  const bestCurated = curated[0];
  const bestPassage = passages[0];
  const { passageConfidence } = ranking;
  const entryLine = Math.max(SCORING.entryAnswerAt, Math.min(SCORING.uncoveredCap, context.index.uncoveredConfidence));
  const second = curated[1];
  // Sure it is one of two entries, not which: ask — unless one's quote holds the other's (they answer alike).
  // Asked first: two entries this close are a coin toss, however sure the pair is.
  if (bestCurated && second && bestCurated.logit - second.logit <= SCORING.ambiguousLogitMargin && ranking.pairConfidence >= entryLine && !quotesAlike(bestCurated.entry, second.entry) && second.features.typeFits > 0) {
    return ambiguous(question, ranking.pairConfidence, [bestCurated, second]);
  }
  // "When…?" or "How many…?" answered with no date or number is a confident wrong answer.
  if (bestCurated && ranking.entryConfidence >= entryLine && bestCurated.features.typeFits > 0) {
    return { ...answerFrom(bestCurated, question, context), score: round(ranking.entryConfidence) };
  }
  // Sure it is one of two entries that cite the same paragraph, and the best is ahead: the reply
  // quotes the passage both answer from, so the better-ranked one answers ("What did the 2008
  // pledge do?": its terms, not its reason, whose quote holds the date).
  const rival = rivalAfter(curated);
  if (bestCurated && rival && bestCurated.features.typeFits > 0 && ranking.pairConfidence >= entryLine && citeSameParagraph(bestCurated.entry, rival.entry)) {
    return { ...answerFrom(bestCurated, question, context), score: round(ranking.pairConfidence) };
  }
  // In an article entries cite, the entry model has already weighed its passages (its `passage`
  // feature): a passage answering on its own there must be stronger. Other articles keep the line.
  const passageLine = bestPassage && context.entrySources.has(bestPassage.passage.article.source) ? Math.max(SCORING.passageAnswerAt, SCORING.curatedPassageAnswerAt) : SCORING.passageAnswerAt;
  // "How many…?" answered by a passage with no number in reach is a guess (a missing date costs only
  // its penalty: on SQuAD a hard rule there lost more right answers than wrong ones).
  if (bestPassage && passageConfidence >= passageLine && (bestPassage.typeFits || ranking.query.answerType !== 'number')) {
    // An entry quoting that very passage answers it in words written for people.
    const quotesBest = curated.find((c) => c.score >= SCORING.adoptAt && c.entry.citations.some((x) => x.source === bestPassage.passage.article.source && x.paragraph === bestPassage.passage.paragraph.number));
    if (quotesBest) return { ...answerFrom(quotesBest, question, context), score: round(passageConfidence) };
    return { ...answerFrom(bestPassage, question, context, ranking), score: round(passageConfidence) };
  }
  const confidence = Math.max(ranking.entryConfidence, passageConfidence);
  if (confidence >= SCORING.suggestAt || (bestCurated && bestCurated.score >= SCORING.suggestAt)) {
    // Unsure: say so, but offer the nearest entries as "did you mean" rather than examples.
    const near: Candidate[] = [...curated.filter((c) => c.score >= SCORING.suggestAt).slice(0, 3), ...(bestPassage && passageConfidence >= SCORING.suggestAt * SCORING.passageAnswerAt ? [bestPassage] : [])];
    return { ...unknown(question, confidence, near.slice(0, 3).map(suggestionOf)), nearMatches: true };
  }
  return unknown(question, confidence, context.examples);
}

function ambiguous(question: string, score: number, candidates: readonly Candidate[]): Answer {
  return { question, status: 'ambiguous', answer: null, citations: [], suggestions: candidates.map(suggestionOf), score: round(score), entryId: null };
}

/** The answer for one candidate; a second passage is quoted too when it scored almost as well. */
export function answerFrom(best: Candidate, question: string, context: AnswerContext, ranking?: Ranking): Answer {
  if (best.kind === 'curated') return { ...curatedReply(best.entry, question, context), score: round(best.score) };
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

function curatedReply(entry: FaqEntry, question: string, context: AnswerContext): Omit<Answer, 'score'> {
  return {
    question,
    status: 'answered',
    answer: wordedFor(question, entry.answer),
    citations: entry.citations.map((c) => citationOf(context.articles.get(c.source)!, c.paragraph, c.quote)),
    suggestions: [],
    entryId: entry.id,
    ...(entry.about ? { about: { source: entry.about, title: context.articles.get(entry.about)?.title ?? entry.about } } : {}),
  };
}

/**
 * A curated answer written for a yes/no question ("Yes — Microsoft is joining…") keeps its "Yes —"
 * only when asked as one: "microsoft openstack" or "How is Microsoft joining?" gets the rest.
 */
function wordedFor(question: string, answer: string): string {
  const reply = /^(?:yes|no)\s*[—–-]+\s*(\S)/i.exec(answer);
  if (!reply || questionForm(normalizeText(question)) === '?yesno') return answer;
  return reply[1]!.toUpperCase() + answer.slice(reply[0].length);
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
  return { ...curatedReply(entry, question, context), score: 1 };
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
