-- Slack distribution: the app's installations per workspace or Enterprise Grid organization, and
-- the one-time states of install flows in progress (the SQLite V15, in PostgreSQL's types). Ids
-- Slack leaves out are '' so that they can take part in the primary key. Tokens are secrets
-- stored as Slack issued them: protect the database as you would SLACK_CLIENT_SECRET.

CREATE TABLE slack_installation (
  enterprise_id       text        NOT NULL DEFAULT '',
  team_id             text        NOT NULL DEFAULT '',
  enterprise_install  boolean     NOT NULL,
  app_id              text        NOT NULL,
  bot_user_id         text        NOT NULL,
  bot_id              text,
  bot_token           text        NOT NULL CHECK (bot_token <> ''),
  bot_scopes          text        NOT NULL,
  refresh_token       text,
  token_expires_at    timestamptz,
  installer_user_id   text        NOT NULL,
  installed_at        timestamptz NOT NULL,
  -- who is refreshing the token right now, and until when (one refresher across instances)
  refresh_holder      text,
  refresh_lease_until timestamptz,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, team_id),
  CHECK (enterprise_id <> '' OR team_id <> ''),
  CHECK ((refresh_token IS NULL) = (token_expires_at IS NULL)),
  CHECK ((refresh_holder IS NULL) = (refresh_lease_until IS NULL))
);

CREATE TABLE slack_oauth_state (
  state      text        NOT NULL PRIMARY KEY CHECK (state <> ''),
  expires_at timestamptz NOT NULL
);

CREATE INDEX slack_oauth_state_expiry ON slack_oauth_state (expires_at);
