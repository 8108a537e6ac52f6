-- Weekly posts: a subscription's cadence, and outbox rows of kind 'weekly' (key: the slot's date as
-- an ISO week date, e.g. 2024-W24-1, so that the key names the week).
ALTER TABLE subscription ADD COLUMN cadence TEXT NOT NULL DEFAULT 'daily' CHECK (cadence IN ('daily', 'weekly'));

-- SQLite cannot change a CHECK constraint in place: the outbox table is rebuilt with the new kind,
-- rows and ids kept (SQLite's documented procedure; no table, view or trigger refers to it).
CREATE TABLE delivery_v10 (
  id              INTEGER PRIMARY KEY,
  platform        TEXT    NOT NULL CHECK (platform IN ('DISCORD', 'SLACK', 'CONSOLE')),
  workspace       TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  thread          TEXT    NOT NULL DEFAULT '',
  kind            TEXT    NOT NULL CHECK (kind IN ('digest', 'no-digest', 'alert', 'weekly')),
  key             TEXT    NOT NULL CHECK (key <> ''),
  top             INTEGER NOT NULL CHECK (top >= 0),
  min_votes       INTEGER,
  style           TEXT    NOT NULL CHECK (style IN ('digest', 'threads')),
  due_at          TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('pending', 'attempting', 'sent', 'failed', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  failures        INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  next_attempt_at TEXT    NOT NULL,
  started_at      TEXT,
  finished_at     TEXT,
  message_ids     TEXT    CHECK (message_ids IS NULL OR json_type(message_ids) = 'array'),
  last_error      TEXT,
  created_at      TEXT    NOT NULL,
  claimed_by      TEXT    CHECK (claimed_by IS NULL OR claimed_by <> ''),
  lease_until     TEXT,
  UNIQUE (platform, workspace, channel, thread, kind, key),
  CHECK (status <> 'sent' OR message_ids IS NOT NULL)
) STRICT;

INSERT INTO delivery_v10 (id, platform, workspace, channel, thread, kind, key, top, min_votes, style, due_at, status,
                          attempts, failures, next_attempt_at, started_at, finished_at, message_ids, last_error,
                          created_at, claimed_by, lease_until)
SELECT id, platform, workspace, channel, thread, kind, key, top, min_votes, style, due_at, status,
       attempts, failures, next_attempt_at, started_at, finished_at, message_ids, last_error,
       created_at, claimed_by, lease_until
  FROM delivery;

DROP TABLE delivery;
ALTER TABLE delivery_v10 RENAME TO delivery;

-- the indexes of V2, as they were
CREATE INDEX delivery_due ON delivery (status, next_attempt_at);
CREATE INDEX delivery_channel_due ON delivery (platform, workspace, channel, thread, due_at);
