-- rpzx store, schema version 1.
-- Times are epoch milliseconds (UTC). Names are lower-case A-labels without trailing dot.

CREATE TABLE institutions (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  status          TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  suspended_until INTEGER,
  suspend_reason  TEXT,
  require_smime   INTEGER,            -- NULL: the global setting applies
  created_at      INTEGER NOT NULL
);

CREATE TABLE senders (
  email          TEXT    PRIMARY KEY,  -- lower-case
  institution_id INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
  created_at     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX senders_by_institution ON senders (institution_id);

CREATE TABLE submissions (
  id             INTEGER PRIMARY KEY,
  institution_id INTEGER NOT NULL REFERENCES institutions (id),
  sender         TEXT    NOT NULL,
  auth_method    TEXT    NOT NULL,
  channel        TEXT    NOT NULL,
  message_id     TEXT,
  content_hash   BLOB    NOT NULL,
  received_at    INTEGER NOT NULL,
  accepted       INTEGER NOT NULL,
  rejected       INTEGER NOT NULL,
  skipped        INTEGER NOT NULL,
  accepted_names BLOB    NOT NULL      -- NameListCodec, in line order
);
CREATE INDEX submissions_by_institution ON submissions (institution_id, received_at);
CREATE UNIQUE INDEX submissions_dedup ON submissions (sender, message_id, content_hash)
  WHERE message_id IS NOT NULL;

CREATE TABLE submission_rejections (
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  file_index    INTEGER NOT NULL,
  line_no       INTEGER NOT NULL,
  text          TEXT    NOT NULL,
  reason        TEXT    NOT NULL,
  detail        TEXT    NOT NULL,
  PRIMARY KEY (submission_id, file_index, line_no)
) WITHOUT ROWID;

-- One row per name ever accepted. in_zone says whether the published zone holds it; the zone
-- maintainer moves rows whose expiry and in_zone disagree into a change set.
CREATE TABLE entries (
  name            TEXT    PRIMARY KEY,
  first_submitted INTEGER NOT NULL,
  last_submitted  INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  in_zone         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX entries_pending ON entries (in_zone, expires_at);

CREATE TABLE entry_sources (
  name            TEXT    NOT NULL,
  institution_id  INTEGER NOT NULL REFERENCES institutions (id),
  first_submitted INTEGER NOT NULL,
  last_submitted  INTEGER NOT NULL,
  PRIMARY KEY (name, institution_id)
) WITHOUT ROWID;
CREATE INDEX entry_sources_by_institution ON entry_sources (institution_id);

CREATE TABLE suppressions (
  name       TEXT    PRIMARY KEY,
  until      INTEGER NOT NULL,
  reason     TEXT    NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE allowlist (
  name       TEXT    PRIMARY KEY,
  comment    TEXT,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE zone_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  serial     INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The IXFR journal: one row per published change set, oldest first by seq.
CREATE TABLE journal (
  seq           INTEGER PRIMARY KEY,
  from_serial   INTEGER NOT NULL,
  to_serial     INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  added_count   INTEGER NOT NULL,
  removed_count INTEGER NOT NULL,
  added         BLOB    NOT NULL,
  removed       BLOB    NOT NULL
);

CREATE TABLE api_tokens (
  id            TEXT    PRIMARY KEY,
  secret_hash   BLOB    NOT NULL UNIQUE,
  owner         TEXT    NOT NULL,       -- 'operator' or 'institution:<id>'
  scopes        TEXT    NOT NULL,       -- space-separated
  name          TEXT,
  created_at    INTEGER NOT NULL,
  last_used     INTEGER,
  revoked_at    INTEGER
) WITHOUT ROWID;
