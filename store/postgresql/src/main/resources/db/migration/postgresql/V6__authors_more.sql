-- The PostgreSQL twin of sqlite/V6. The digest elides the authors of long lists with a lone "+"
-- item; authors_more keeps that fact so cards can say "25+ authors" instead of reporting a cut
-- list as complete. (SQLite's V6 also re-derives its search index for the one-syllable rule;
-- here the adapter writes each row's vector with the row, and no PostgreSQL database predates
-- the rule: the backend shipped with it.)
ALTER TABLE paper ADD COLUMN authors_more boolean NOT NULL DEFAULT false;
ALTER TABLE digest_entry ADD COLUMN authors_more boolean NOT NULL DEFAULT false;
