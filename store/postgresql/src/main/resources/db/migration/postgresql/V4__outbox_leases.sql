-- Leases on outbox attempts: which instance claimed a row for its running attempt, and until
-- when. Set while a row is 'attempting', cleared when the attempt ends. Instances sharing the
-- database take back only attempts whose lease has passed (the holder is presumed dead).
ALTER TABLE delivery ADD COLUMN claimed_by text CHECK (claimed_by IS NULL OR claimed_by <> '');
ALTER TABLE delivery ADD COLUMN lease_until timestamptz;
-- recoverExpired: attempting rows by lease end
CREATE INDEX delivery_attempting_lease ON delivery (lease_until) WHERE status = 'attempting';
