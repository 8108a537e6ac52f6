-- Channel subscriptions to the daily post, and the delivery outbox.
-- A channel is (platform, workspace, channel, thread); thread is '' when the channel itself is
-- meant, so that it can take part in primary and unique keys.
-- Instants are UTC text of fixed width (2024-06-07T00:00:00.000Z): text order is time order.

CREATE TABLE subscription (
  platform       TEXT    NOT NULL CHECK (platform IN ('DISCORD', 'SLACK', 'CONSOLE')),
  workspace      TEXT    NOT NULL CHECK (workspace <> ''),
  channel        TEXT    NOT NULL CHECK (channel <> ''),
  thread         TEXT    NOT NULL DEFAULT '',
  post_time      TEXT    NOT NULL CHECK (post_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  zone           TEXT    NOT NULL,
  days           TEXT    NOT NULL,
  top            INTEGER NOT NULL CHECK (top >= 0),
  min_votes      INTEGER CHECK (min_votes >= 0),
  style          TEXT    NOT NULL CHECK (style IN ('digest', 'threads')),
  no_digest_note INTEGER NOT NULL CHECK (no_digest_note IN (0, 1)),
  paused         INTEGER NOT NULL CHECK (paused IN (0, 1)),
  pause_reason   TEXT,
  -- posts are due from this instant on: a new subscription never posts days before it existed
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL,
  PRIMARY KEY (platform, workspace, channel, thread)
) STRICT;

-- The outbox: one row per (channel, kind, key), e.g. (slack:T1:C9, digest, 2024-06-07).
-- The unique key is what makes enqueueing idempotent: the planner may run any number of times.
-- status: pending -> attempting (committed before the network call) -> sent | pending (retry)
--         | failed; skipped when it must not go out (too late, unsubscribed, paused, nothing to post).
CREATE TABLE delivery (
  id              INTEGER PRIMARY KEY,
  platform        TEXT    NOT NULL CHECK (platform IN ('DISCORD', 'SLACK', 'CONSOLE')),
  workspace       TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  thread          TEXT    NOT NULL DEFAULT '',
  kind            TEXT    NOT NULL CHECK (kind IN ('digest', 'no-digest', 'alert')),
  key             TEXT    NOT NULL CHECK (key <> ''),
  -- the subscription's settings when the row was planned, so that retries post the same thing
  top             INTEGER NOT NULL CHECK (top >= 0),
  min_votes       INTEGER,
  style           TEXT    NOT NULL CHECK (style IN ('digest', 'threads')),
  due_at          TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('pending', 'attempting', 'sent', 'failed', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- consecutive transient failures (5xx, timeouts): drives the backoff and the attempt limit
  failures        INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  next_attempt_at TEXT    NOT NULL,
  started_at      TEXT,
  finished_at     TEXT,
  message_ids     TEXT    CHECK (message_ids IS NULL OR json_type(message_ids) = 'array'),
  last_error      TEXT,
  created_at      TEXT    NOT NULL,
  UNIQUE (platform, workspace, channel, thread, kind, key),
  CHECK (status <> 'sent' OR message_ids IS NOT NULL)
) STRICT;

-- the worker's scan: what is due now
CREATE INDEX delivery_due ON delivery (status, next_attempt_at);
-- /subscriptions: the latest row of each channel (the unique index serves per-channel lookups)
CREATE INDEX delivery_channel_due ON delivery (platform, workspace, channel, thread, due_at);
