/**
 * The durable inbox and the record of every question. One row per question key; `state` walks
 * pending → claimed → answered (or failed). For a claimed row `available_at` is its lease's end,
 * so "due" is one condition for new work and for claims of a replica that died.
 * Written in the SQL both SQLite and PostgreSQL accept.
 */
export const sql = `
CREATE TABLE questions (
  key            TEXT PRIMARY KEY,
  team           TEXT NOT NULL,
  channel        TEXT NOT NULL,
  ts             TEXT NOT NULL,
  thread_ts      TEXT,
  reply_thread_ts TEXT,
  user_id        TEXT,
  surface        TEXT NOT NULL,
  text           TEXT,
  response_url   TEXT,
  received_at    BIGINT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'pending',
  available_at   BIGINT NOT NULL,
  claimed_by     TEXT,
  attempts       INTEGER NOT NULL DEFAULT 0,
  revision       INTEGER NOT NULL DEFAULT 0,
  edited_ts      TEXT,
  status         TEXT,
  entry_id       TEXT,
  score          DOUBLE PRECISION,
  answer_ts      TEXT,
  answered_at    BIGINT,
  last_error     TEXT
);
CREATE INDEX questions_due ON questions (available_at) WHERE state IN ('pending', 'claimed');
CREATE INDEX questions_waiting ON questions (received_at) WHERE state IN ('pending', 'claimed');
CREATE INDEX questions_owner ON questions (claimed_by) WHERE state = 'claimed';
CREATE INDEX questions_received ON questions (received_at);
CREATE INDEX questions_reply_thread ON questions (channel, reply_thread_ts);
CREATE INDEX questions_answer ON questions (channel, answer_ts);
`;
