-- Slack distribution: the app's installations per workspace or Enterprise Grid organization, and
-- the one-time states of install flows in progress. Ids Slack leaves out are '' so that they can
-- take part in the primary key (an org-wide install has team_id '').
-- Tokens are secrets stored as Slack issued them: protect the database file as you would the
-- SLACK_CLIENT_SECRET (whoever reads it can post as the bot in every workspace).

CREATE TABLE slack_installation (
  enterprise_id       TEXT    NOT NULL DEFAULT '',
  team_id             TEXT    NOT NULL DEFAULT '',
  enterprise_install  INTEGER NOT NULL CHECK (enterprise_install IN (0, 1)),
  app_id              TEXT    NOT NULL,
  bot_user_id         TEXT    NOT NULL,
  bot_id              TEXT,
  bot_token           TEXT    NOT NULL CHECK (bot_token <> ''),
  bot_scopes          TEXT    NOT NULL,
  -- token rotation: both set, or both null
  refresh_token       TEXT,
  token_expires_at    TEXT,
  installer_user_id   TEXT    NOT NULL,
  installed_at        TEXT    NOT NULL,
  -- who is refreshing the token right now, and until when (one refresher across instances)
  refresh_holder      TEXT,
  refresh_lease_until TEXT,
  updated_at          TEXT    NOT NULL,
  PRIMARY KEY (enterprise_id, team_id),
  CHECK (enterprise_id <> '' OR team_id <> ''),
  CHECK ((refresh_token IS NULL) = (token_expires_at IS NULL)),
  CHECK ((refresh_holder IS NULL) = (refresh_lease_until IS NULL))
) STRICT;

CREATE TABLE slack_oauth_state (
  state      TEXT NOT NULL PRIMARY KEY CHECK (state <> ''),
  expires_at TEXT NOT NULL
) STRICT;

CREATE INDEX slack_oauth_state_expiry ON slack_oauth_state (expires_at);
