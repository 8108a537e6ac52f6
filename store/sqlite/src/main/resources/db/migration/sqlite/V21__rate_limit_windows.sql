-- Shared rate limits become sliding windows (at most `limit` slots begin in any window, the
-- strictest reading of Discord's "50 per second"): per limit, how many slots were taken and the
-- last one, and a ring of the last `limit` slots. Taking a slot reads and writes both in one write
-- transaction, so instances on one database never take the same slot. V20's single next-slot
-- row is dropped: it held only the pace of the moment, nothing to keep. Microseconds since the epoch.
DROP TABLE rate_limit_slot;

CREATE TABLE rate_limit (
  limit_key TEXT PRIMARY KEY CHECK (limit_key <> ''),
  taken INTEGER NOT NULL CHECK (taken >= 0),
  last_slot_micros INTEGER NOT NULL
) STRICT;

CREATE TABLE rate_limit_slot (
  limit_key TEXT NOT NULL REFERENCES rate_limit (limit_key),
  position INTEGER NOT NULL CHECK (position >= 0),
  slot_micros INTEGER NOT NULL,
  PRIMARY KEY (limit_key, position)
) STRICT, WITHOUT ROWID;
