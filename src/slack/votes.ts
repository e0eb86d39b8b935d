import type { FeedbackVote, Verdict, VoteResult } from '../store/store.ts';

/** Keeps one vote per (answer, user), changeable: the store's recordVote, or memory for an app on its own. */
export type RecordVote = (vote: FeedbackVote) => Promise<VoteResult>;

/** For an app built without a store (tests, a one-off): votes last as long as the process. */
export function inMemoryVotes(): RecordVote {
  const votes = new Map<string, Verdict>();
  return async (vote) => {
    const key = `${vote.answerChannel}:${vote.answerTs}:${vote.user}`;
    const before = votes.get(key);
    votes.set(key, vote.verdict);
    return before === undefined ? 'new' : before === vote.verdict ? 'unchanged' : 'changed';
  };
}

/** What the voter alone is told: that the vote counted, and that it can be changed. */
export function voteReceipt(verdict: Verdict, result: VoteResult): string {
  const said = verdict === 'helpful' ? 'helpful' : 'not helpful';
  if (result === 'changed') return `Vote changed: you now mark this answer as ${said}.`;
  if (result === 'unchanged') return `You had already marked this answer as ${said}.`;
  return `Thanks for the feedback: you marked this answer as ${said}. Click the other button to change your vote.`;
}
