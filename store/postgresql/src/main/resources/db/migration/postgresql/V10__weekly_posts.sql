-- The PostgreSQL twin of sqlite/V10. Weekly posts: a subscription's cadence, and outbox rows of
-- kind 'weekly' (key: the slot's date as an ISO week date, e.g. 2024-W24-1, naming the week).
ALTER TABLE subscription ADD COLUMN cadence text NOT NULL DEFAULT 'daily' CHECK (cadence IN ('daily', 'weekly'));

ALTER TABLE delivery DROP CONSTRAINT delivery_kind_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_kind_check CHECK (kind IN ('digest', 'no-digest', 'alert', 'weekly'));
