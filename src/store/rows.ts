import type { ClaimedQuestion, Curation, FeedbackVote, NewCuration, QuestionPick, QuestionRow, QuestionStatus, SuggestionDecision, Surface } from './store.ts';

/** A `questions` row as either driver returns it (PostgreSQL gives BIGINT as a string). */
export type RawRow = Record<string, unknown>;

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function toClaimed(row: RawRow): ClaimedQuestion {
  return {
    key: String(row['key']),
    team: String(row['team']),
    channel: String(row['channel']),
    ts: String(row['ts']),
    threadTs: str(row['thread_ts']),
    replyThreadTs: str(row['reply_thread_ts']),
    user: str(row['user_id']),
    surface: String(row['surface']) as Surface,
    text: str(row['text']) ?? '',
    responseUrl: str(row['response_url']),
    receivedAt: Number(row['received_at']),
    attempts: Number(row['attempts']),
    revision: Number(row['revision']),
    answerTs: str(row['answer_ts']),
  };
}

export function toQuestionRow(row: RawRow): QuestionRow {
  const answeredAt = num(row['answered_at']);
  const receivedAt = Number(row['received_at']);
  return {
    key: String(row['key']),
    surface: String(row['surface']) as Surface,
    state: String(row['state']) as QuestionRow['state'],
    status: str(row['status']) as QuestionStatus | null,
    entryId: str(row['entry_id']),
    score: num(row['score']),
    text: str(row['text']),
    receivedAt,
    latencyMs: answeredAt === null ? null : answeredAt - receivedAt,
  };
}

/** Slack ts strings are fixed-width (10 digits, a dot, 6 digits): text order is time order. */
export function isLaterTs(candidate: string, than: string | null): boolean {
  return than === null || candidate > than;
}

export function toPick(row: RawRow): QuestionPick {
  return { user: String(row['user_id']), question: String(row['question']), entryId: String(row['entry_id']), at: Number(row['picked_at']) };
}

/** The columns of a curation, in `curations`' insert order (citations as JSON text). */
export function curationColumns(id: number, c: NewCuration): unknown[] {
  const entry = c.kind === 'entry' ? c : null;
  return [id, c.kind, c.entryId, c.question, entry?.answer ?? null, entry ? JSON.stringify(entry.citations) : null, c.suggestionId, c.by, c.at];
}

export function toCuration(row: RawRow): Curation {
  const common = { id: Number(row['id']), entryId: String(row['entry_id']), question: String(row['question']), suggestionId: str(row['suggestion_id']), by: String(row['by_user']), at: Number(row['created_at']) };
  if (row['kind'] === 'entry') {
    return { ...common, kind: 'entry', answer: String(row['answer'] ?? ''), citations: JSON.parse(String(row['citations'] ?? '[]')) as Array<{ source: string; quote: string }> };
  }
  return { ...common, kind: 'phrasing' };
}

export function toDecision(row: RawRow): SuggestionDecision {
  return { suggestionId: String(row['suggestion_id']), decision: String(row['decision']) as SuggestionDecision['decision'], by: String(row['by_user']), at: Number(row['decided_at']) };
}

export function toVote(r: RawRow): Pick<FeedbackVote, 'verdict' | 'entryId' | 'user' | 'at' | 'question'> {
  return { verdict: r['verdict'] as FeedbackVote['verdict'], entryId: str(r['entry_id']), user: String(r['user_id']), at: Number(r['voted_at']), question: str(r['question']) };
}
