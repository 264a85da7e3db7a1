-- rpzx store, schema version 4 (name lists): who added an allowlist entry or a suppression, and
-- suppressions without an expiry. SQLite cannot drop NOT NULL from a column, so the suppressions
-- table is rebuilt; its rows are kept (added_by unknown for them).
ALTER TABLE allowlist ADD COLUMN added_by TEXT;

CREATE TABLE suppressions_v4 (
  name       TEXT    PRIMARY KEY,
  until      INTEGER,
  reason     TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  added_by   TEXT
) WITHOUT ROWID;
INSERT INTO suppressions_v4 (name, until, reason, created_at)
  SELECT name, until, reason, created_at FROM suppressions;
DROP TABLE suppressions;
ALTER TABLE suppressions_v4 RENAME TO suppressions;
