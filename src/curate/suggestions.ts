import type { FeedbackVote, QuestionPick, QuestionRow, SuggestionDecision } from '../store/store.ts';
import type { Suggestion } from './curation-service.ts';
import { groupQuestions, suggestionId, type Asked } from './question-groups.ts';

export interface SuggestionInputs {
  readonly questions: readonly QuestionRow[];
  readonly votes: ReadonlyArray<Pick<FeedbackVote, 'verdict' | 'entryId' | 'user' | 'at' | 'question'>>;
  readonly picks: readonly QuestionPick[];
  readonly decisions: readonly SuggestionDecision[];
  /** An entry's question, for "what the bot answered"; null when the entry is unknown. */
  readonly entryQuestion: (entryId: string) => string | null;
}

/**
 * Open suggestions from what people asked: questions the bot could not answer (near-duplicates
 * grouped), answers voted not helpful (per entry and question), and "did you mean" picks (a person
 * asked X and chose entry Y, counted in distinct people). Decided ones are left out. Most frequent
 * first, then most recent.
 */
export function buildSuggestions(inputs: SuggestionInputs): Suggestion[] {
  const decided = new Set(inputs.decisions.map((d) => d.suggestionId));
  const answered = (entryId: string | null, status: Suggestion['answered']['status']): Suggestion['answered'] => ({
    status,
    entryId,
    entryQuestion: entryId === null ? null : inputs.entryQuestion(entryId),
  });
  const suggestions: Suggestion[] = [];

  const unknown = inputs.questions.filter((q): q is QuestionRow & { text: string } => q.status === 'unknown' && q.text !== null && q.text.trim() !== '');
  for (const group of groupQuestions(unknown.map((q) => ({ text: q.text, at: q.receivedAt })))) {
    suggestions.push({ id: suggestionId('unanswered', group.key, null), kind: 'unanswered', question: group.latest.text, count: group.members.length, entryId: null, answered: answered(null, 'unknown'), lastAskedAt: group.latest.at });
  }

  const downVotes = inputs.votes.filter((v) => v.verdict === 'not_helpful' && v.entryId && v.question);
  for (const [entryId, votes] of byEntry(downVotes.map((v) => ({ entryId: v.entryId!, text: v.question!, at: v.at, user: v.user })))) {
    for (const group of groupQuestions(votes)) {
      suggestions.push({ id: suggestionId('not_helpful', group.key, entryId), kind: 'not_helpful', question: group.latest.text, count: distinctUsers(group.members), entryId, answered: answered(entryId, 'answered'), lastAskedAt: group.latest.at });
    }
  }

  for (const [entryId, picks] of byEntry(inputs.picks.map((p) => ({ entryId: p.entryId, text: p.question, at: p.at, user: p.user })))) {
    for (const group of groupQuestions(picks)) {
      suggestions.push({ id: suggestionId('picked', group.key, entryId), kind: 'picked', question: group.latest.text, count: distinctUsers(group.members), entryId, answered: answered(null, 'ambiguous'), lastAskedAt: group.latest.at });
    }
  }

  return suggestions.filter((s) => !decided.has(s.id)).sort((a, b) => b.count - a.count || b.lastAskedAt - a.lastAskedAt);
}

function byEntry<T extends Asked & { entryId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.entryId);
    if (list) list.push(item);
    else map.set(item.entryId, [item]);
  }
  return map;
}

/** People, not clicks: the same person picking twice (or an unknown voter) counts once. */
function distinctUsers(items: readonly Asked[]): number {
  return new Set(items.map((i) => i.user ?? '')).size;
}
