-- rpzx store, schema version 6 (community governance): false-positive reports and entries the
-- operator added by hand. Independent of the other migrations of the same release: it only adds
-- tables. Times are epoch milliseconds (UTC).

-- A false-positive report on a listed entry. name is the entry reported (the name the reporter
-- gave, or the listed name whose wildcard covers it); reporter_institution_id is NULL for the
-- operator. Who submitted the name is never stored here, only in fp_report_submitters.
CREATE TABLE fp_reports (
  id                      INTEGER PRIMARY KEY,
  name                    TEXT    NOT NULL,
  reported_name           TEXT    NOT NULL,
  reason                  TEXT    NOT NULL,
  channel                 TEXT    NOT NULL,
  reporter_institution_id INTEGER REFERENCES institutions (id),
  reporter                TEXT    NOT NULL,   -- a token or sender address, for the operator
  status                  TEXT    NOT NULL DEFAULT 'open'
                                  CHECK (status IN ('open', 'confirmed', 'dismissed')),
  filed_at                INTEGER NOT NULL,
  decided_at              INTEGER,
  decided_by              TEXT,
  note                    TEXT
);
CREATE INDEX fp_reports_by_status ON fp_reports (status, id);
CREATE INDEX fp_reports_by_reporter ON fp_reports (reporter_institution_id, id);
CREATE INDEX fp_reports_by_name ON fp_reports (name, status);

-- The institutions that had submitted the name when a report was confirmed: the quality figures
-- (false positives per institution) stay right when submission records are purged later.
CREATE TABLE fp_report_submitters (
  report_id      INTEGER NOT NULL REFERENCES fp_reports (id) ON DELETE CASCADE,
  institution_id INTEGER NOT NULL REFERENCES institutions (id),
  PRIMARY KEY (report_id, institution_id)
) WITHOUT ROWID;
CREATE INDEX fp_report_submitters_by_institution ON fp_report_submitters (institution_id);

-- Entries the operator added by hand (rpzx entries add): their source, as entry_sources holds an
-- institution's. Such an entry lives like a submitted one (expires_at in entries).
CREATE TABLE operator_entries (
  name        TEXT    PRIMARY KEY,
  added_by    TEXT    NOT NULL,
  reason      TEXT,
  first_added INTEGER NOT NULL,
  last_added  INTEGER NOT NULL
) WITHOUT ROWID;
