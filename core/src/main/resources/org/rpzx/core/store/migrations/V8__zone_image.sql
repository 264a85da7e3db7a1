-- rpzx store, schema version 8: the zone image (ADR 0011). A copy of the published zone's trie at
-- one serial, saved on a clean stop, so that the next start reads one blob instead of rebuilding
-- the trie from every entry. A cache only: the start-up uses it (with the journal since its serial)
-- when that gives exactly the names flagged in_zone, and otherwise rebuilds from entries as before.
CREATE TABLE zone_image (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  serial     INTEGER NOT NULL,
  saved_at   INTEGER NOT NULL,
  image      BLOB    NOT NULL    -- TrieImage, its name count included
);
