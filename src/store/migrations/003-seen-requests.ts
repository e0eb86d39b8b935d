/** Signed requests (commands, button clicks) already handled, kept until their signature expires. */
export const sql = `
CREATE TABLE seen_requests (
  key        TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX seen_requests_expiry ON seen_requests (expires_at);
`;
