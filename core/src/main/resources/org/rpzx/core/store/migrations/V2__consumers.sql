-- rpzx store, schema version 2: consumers of the zone, their TSIG keys, their transfer log.
-- Times are epoch milliseconds (UTC).

-- TSIG keys. The secret is stored as the raw key: rpzx must sign with it, so it cannot keep a
-- hash (unlike API tokens). The store file lives in the 0700 data directory.
CREATE TABLE tsig_keys (
  name       TEXT    PRIMARY KEY COLLATE NOCASE,  -- key name without trailing dot, lower-case
  algorithm  TEXT    NOT NULL,                    -- hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha1
  secret     BLOB    NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- A consumer: a resolver (or a group of them) of an institution that transfers the zone.
CREATE TABLE consumers (
  id             INTEGER PRIMARY KEY,
  name           TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  institution_id INTEGER NOT NULL REFERENCES institutions (id),
  tsig_key       TEXT    REFERENCES tsig_keys (name),
  created_at     INTEGER NOT NULL
);
CREATE INDEX consumers_by_institution ON consumers (institution_id);

-- Sources a consumer transfers from, canonical CIDR text (192.0.2.0/24, 2001:db8::/32).
CREATE TABLE consumer_subnets (
  consumer_id INTEGER NOT NULL REFERENCES consumers (id) ON DELETE CASCADE,
  cidr        TEXT    NOT NULL,
  PRIMARY KEY (consumer_id, cidr)
) WITHOUT ROWID;

-- Where NOTIFY goes: an IP literal and a port.
CREATE TABLE consumer_notify_targets (
  consumer_id INTEGER NOT NULL REFERENCES consumers (id) ON DELETE CASCADE,
  address     TEXT    NOT NULL,
  port        INTEGER NOT NULL,
  PRIMARY KEY (consumer_id, address, port)
) WITHOUT ROWID;

-- The latest contact of each consumer (SPEC §6, §8): the last SOA check and the last transfer.
CREATE TABLE consumer_transfers (
  consumer_id        INTEGER PRIMARY KEY REFERENCES consumers (id) ON DELETE CASCADE,
  soa_checked_at     INTEGER,
  soa_serial         INTEGER,
  soa_client         TEXT,
  transfer_at        INTEGER,
  transfer_type      TEXT,     -- axfr, ixfr, ixfr-up-to-date, ixfr-full
  transfer_serial    INTEGER,
  transfer_bytes     INTEGER,
  transfer_millis    INTEGER,
  transfer_client    TEXT,
  transfer_complete  INTEGER,
  transfers          INTEGER NOT NULL DEFAULT 0
);
