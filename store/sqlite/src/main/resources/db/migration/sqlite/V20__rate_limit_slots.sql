-- Shared rate limits (Discord's bot-wide 50 requests/s), kept as sliding windows: for each limit
-- the last `limit` slots handed out, in a ring of positions 0..limit-1, and how many were ever
-- taken. Taking a slot reads and writes both in one write transaction, so instances on one
-- database never take the same slot. Microseconds since the epoch keep the arithmetic exact.
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
