-- rpzx store, schema version 8: the zone image (ADR 0011). A copy of the published zone's trie at
-- one serial, saved on a clean stop, so that the next start reads one blob instead of rebuilding
-- the trie from every entry. A cache only: the start-up uses it when its serial and name count
-- are the store's, and otherwise rebuilds from entries as before.
CREATE TABLE zone_image (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  serial     INTEGER NOT NULL,
  name_count INTEGER NOT NULL,
  saved_at   INTEGER NOT NULL,
  image      BLOB    NOT NULL    -- TrieImage
);
