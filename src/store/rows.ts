import type { ClaimedQuestion, QuestionRow, QuestionStatus, Surface } from './store.ts';

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
