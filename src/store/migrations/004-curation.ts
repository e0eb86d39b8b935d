/**
 * The curator loop (issue 10): "did you mean" picks, curators' decisions on suggestions, and the
 * curations themselves (phrasings and new entries), which every replica overlays on faq.yml.
 * Curation ids are assigned by the store as MAX(id) + 1 under a lock (one schema for both
 * databases, which spell auto-increment differently); the highest id is the version replicas poll.
 */
export const sql = `
CREATE TABLE picks (
  user_id   TEXT NOT NULL,
  question  TEXT NOT NULL,
  entry_id  TEXT NOT NULL,
  picked_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, question, entry_id)
);
CREATE INDEX picks_picked ON picks (picked_at);
CREATE TABLE curations (
  id            BIGINT PRIMARY KEY,
  kind          TEXT NOT NULL,
  entry_id      TEXT NOT NULL,
  question      TEXT NOT NULL,
  answer        TEXT,
  citations     TEXT,
  suggestion_id TEXT,
  by_user       TEXT NOT NULL,
  created_at    BIGINT NOT NULL
);
CREATE TABLE suggestion_decisions (
  suggestion_id TEXT PRIMARY KEY,
  decision      TEXT NOT NULL,
  by_user       TEXT NOT NULL,
  decided_at    BIGINT NOT NULL
);
`;
