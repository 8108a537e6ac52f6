-- Leases on outbox attempts: which instance claimed a row for its running attempt, and until when.
-- Both are set while a row is 'attempting' and cleared when the attempt ends. One process owns a
-- SQLite file, so at start-up it takes back every attempt; an instance sharing a database with
-- others takes back only those whose lease has passed (its holder is presumed dead).
-- Instants are UTC text of fixed width, like every instant of V2.
ALTER TABLE delivery ADD COLUMN claimed_by TEXT CHECK (claimed_by IS NULL OR claimed_by <> '');
ALTER TABLE delivery ADD COLUMN lease_until TEXT;
