-- Shared rate limits (Discord's bot-wide 50 requests/s) as sliding windows, as in the SQLite
-- adapter's V21: per limit, how many slots were taken and the last one, and a ring of the last
-- `limit` slots. A taker locks the limit's row (SELECT … FOR UPDATE), so instances on one
-- database take slots one at a time and never the same one. Microseconds since the epoch.
CREATE TABLE rate_limit (
  limit_key TEXT PRIMARY KEY CHECK (limit_key <> ''),
  taken BIGINT NOT NULL CHECK (taken >= 0),
  last_slot_micros BIGINT NOT NULL
);

CREATE TABLE rate_limit_slot (
  limit_key TEXT NOT NULL REFERENCES rate_limit (limit_key),
  position INTEGER NOT NULL CHECK (position >= 0),
  slot_micros BIGINT NOT NULL,
  PRIMARY KEY (limit_key, position)
);
