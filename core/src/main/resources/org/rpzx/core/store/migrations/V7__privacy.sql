-- rpzx store, schema version 7: privacy (SPEC §7). Raw messages when the operator keeps them,
-- the audit log of API actions, and an index for deleting submissions by age.
-- Times are epoch milliseconds (UTC).

-- Retention deletes submissions by received_at.
CREATE INDEX submissions_by_time ON submissions (received_at);

-- A received message as it arrived (privacy.keep-raw-messages), gzip-compressed. Goes with its
-- submission, or earlier by privacy.raw-message-retention.
CREATE TABLE raw_messages (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  received_at   INTEGER NOT NULL,
  size          INTEGER NOT NULL,   -- bytes of the message before compression
  bytes         BLOB    NOT NULL    -- gzip
);
CREATE INDEX raw_messages_by_time ON raw_messages (received_at);

-- One row per audited API request: state changes, failed authentications and privacy-sensitive
-- reads. Never a token secret, never a request or response body.
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  token_id TEXT    NOT NULL,   -- '-' when no token was recognised
  owner    TEXT    NOT NULL,   -- 'operator', 'institution:<id>' or '-'
  method   TEXT    NOT NULL,
  route    TEXT    NOT NULL,   -- the route template, or the path when no route matched
  target   TEXT    NOT NULL,   -- path parameters as a query string (name=Uni%20A), '' for none
  status   INTEGER NOT NULL,
  client   TEXT    NOT NULL    -- IP address
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Submission ids are never given out twice: SMTP replies, reports and raw messages name them.
-- SQLite reuses the largest rowid once that row is deleted (retention, purges), so the largest
-- deleted id is remembered here and new submissions are numbered above it.
CREATE TABLE deleted_id_floor (
  tbl    TEXT    PRIMARY KEY,
  max_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER submissions_id_floor AFTER DELETE ON submissions BEGIN INSERT OR REPLACE INTO deleted_id_floor (tbl, max_id) VALUES ('submissions', MAX(OLD.id, IFNULL((SELECT max_id FROM deleted_id_floor WHERE tbl = 'submissions'), 0))); END;
