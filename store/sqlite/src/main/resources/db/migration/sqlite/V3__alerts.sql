-- Keyword alerts, and what each alert delivery carries.

-- One saved query and where its hits go: a channel, or a user's direct messages.
CREATE TABLE alert (
  id          INTEGER PRIMARY KEY,
  platform    TEXT    NOT NULL CHECK (platform IN ('DISCORD', 'SLACK', 'CONSOLE')),
  workspace   TEXT    NOT NULL CHECK (workspace <> ''),
  target_kind TEXT    NOT NULL CHECK (target_kind IN ('channel', 'user')),
  -- a channel id, or a user id for direct messages
  target      TEXT    NOT NULL CHECK (target <> ''),
  created_by  TEXT    NOT NULL,
  query       TEXT    NOT NULL CHECK (length(query) BETWEEN 1 AND 300),
  -- the one user or role a hit may ping: 'user:ID' or 'role:ID'
  mention     TEXT    CHECK (mention IS NULL OR mention GLOB 'user:?*' OR mention GLOB 'role:?*'),
  created_at  TEXT    NOT NULL,
  UNIQUE (platform, workspace, target_kind, target, query)
) STRICT;

CREATE INDEX alert_creator ON alert (platform, workspace, created_by);

-- The papers one alert delivery posts: all hits for one target (and mention) from one ingest.
-- Keyed like its outbox row, so a retried delivery posts exactly the same thing.
CREATE TABLE alert_batch (
  platform   TEXT NOT NULL,
  workspace  TEXT NOT NULL,
  channel    TEXT NOT NULL,
  thread     TEXT NOT NULL DEFAULT '',
  key        TEXT NOT NULL,
  -- [{"id": "2406.04325", "date": "2024-06-07", "hits": ["확산 in summary", …]}, …]
  papers     TEXT NOT NULL CHECK (json_type(papers) = 'array'),
  mention    TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel, thread, key)
) STRICT;
