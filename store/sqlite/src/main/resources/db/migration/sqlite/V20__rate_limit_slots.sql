-- Shared rate limits (Discord's bot-wide 50 requests/s): for each limit, the start of the next
-- free slot. Taking a slot reads and advances it in one write transaction, so instances on one
-- database never take the same slot. Microseconds since the epoch keep the arithmetic in SQL exact.
CREATE TABLE rate_limit_slot (
  limit_key TEXT PRIMARY KEY CHECK (limit_key <> ''),
  next_slot_micros INTEGER NOT NULL
) STRICT;
