-- rpzx store, schema version 9: submissions applied to the zone before their entry rows were
-- written (ADR 0012). A large submission is stored (its names in submissions.accepted_names) and
-- published (serial, journal) in one transaction and acknowledged; the per-name rows in entries and
-- entry_sources are derived from the stored names right after, in a second transaction. A row here
-- says that second transaction has not committed yet: a start derives it before loading the zone.
CREATE TABLE underived_submissions (
  submission_id  INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  institution_id INTEGER NOT NULL,
  submitted_at   INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL
);
