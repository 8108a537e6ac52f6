-- The digest elides the authors of long lists with a lone "+" item. authors_more keeps that fact
-- (1: the list names only some of the authors), so cards can say "25+ authors" instead of
-- reporting a cut list as complete. Rows stored before this version had their "+" dropped; they
-- read as complete until their day is ingested again.
ALTER TABLE paper ADD COLUMN authors_more INTEGER NOT NULL DEFAULT 0 CHECK (authors_more IN (0, 1));
ALTER TABLE digest_entry ADD COLUMN authors_more INTEGER NOT NULL DEFAULT 0 CHECK (authors_more IN (0, 1));
