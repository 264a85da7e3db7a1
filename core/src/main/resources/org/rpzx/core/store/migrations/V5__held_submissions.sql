-- rpzx store, schema version 5: the plausibility guard (SPEC §8, quality control).
-- A submission is 'applied' (its names went into entries), 'held' (stored, names not applied,
-- waiting for the operator) or 'discarded' (held, then dropped by the operator; never applied).
-- A held submission that the operator releases becomes 'applied' at reviewed_at.
ALTER TABLE submissions ADD COLUMN status TEXT NOT NULL DEFAULT 'applied'
  CHECK (status IN ('applied', 'held', 'discarded'));
ALTER TABLE submissions ADD COLUMN hold_reason TEXT;
ALTER TABLE submissions ADD COLUMN reviewed_at INTEGER;
CREATE INDEX submissions_held ON submissions (status) WHERE status = 'held';
