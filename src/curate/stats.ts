import type { FeedbackVote, QuestionRow } from '../store/store.ts';
import type { Stats } from './curation-service.ts';
import { groupQuestions } from './question-groups.ts';

const TOP = 5;

/**
 * The figures of `faqbot stats` and App Home over `days` days of recorded questions and votes:
 * how many were asked and how they were answered, how the answers were judged, how long an
 * answer took (median and p99, nearest rank), and what is asked most, answered or not.
 */
export function computeStats(
  days: number,
  questions: readonly QuestionRow[],
  votes: ReadonlyArray<Pick<FeedbackVote, 'verdict'>>,
  entryQuestion: (entryId: string) => string | null,
): Stats {
  const count = (status: QuestionRow['status']): number => questions.filter((q) => q.status === status).length;
  const answered = count('answered');
  const helpful = votes.filter((v) => v.verdict === 'helpful').length;
  const notHelpful = votes.filter((v) => v.verdict === 'not_helpful').length;
  const latencies = questions.map((q) => q.latencyMs).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);

  const perEntry = new Map<string, number>();
  for (const q of questions) if (q.status === 'answered' && q.entryId) perEntry.set(q.entryId, (perEntry.get(q.entryId) ?? 0) + 1);
  const topEntries = [...perEntry]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP)
    .map(([entryId, n]) => ({ entryId, question: entryQuestion(entryId), count: n }));

  const unknown = questions.filter((q) => q.status === 'unknown' && q.text !== null).map((q) => ({ text: q.text!, at: q.receivedAt }));
  const topUnanswered = groupQuestions(unknown)
    .sort((a, b) => b.members.length - a.members.length || b.latest.at - a.latest.at)
    .slice(0, TOP)
    .map((g) => ({ question: g.latest.text, count: g.members.length }));

  return {
    days,
    questions: questions.length,
    answered,
    ambiguous: count('ambiguous'),
    unknown: count('unknown'),
    failed: count('failed'),
    answeredRate: questions.length === 0 ? 0 : answered / questions.length,
    helpful,
    notHelpful,
    helpfulRate: helpful + notHelpful === 0 ? null : helpful / (helpful + notHelpful),
    medianLatencyMs: percentile(latencies, 0.5),
    p99LatencyMs: percentile(latencies, 0.99),
    topEntries,
    topUnanswered,
  };
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
