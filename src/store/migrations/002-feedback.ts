/** One vote per (answer, user): a second click changes it rather than adding another. */
export const sql = `
CREATE TABLE feedback (
  answer_channel TEXT NOT NULL,
  answer_ts      TEXT NOT NULL,
  user_id        TEXT NOT NULL,
  verdict        TEXT NOT NULL,
  entry_id       TEXT,
  question       TEXT,
  voted_at       BIGINT NOT NULL,
  PRIMARY KEY (answer_channel, answer_ts, user_id)
);
CREATE INDEX feedback_voted ON feedback (voted_at);
`;
