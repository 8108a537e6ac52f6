-- The digest elides the authors of long lists with a lone "+" item. authors_more keeps that fact
-- (1: the list names only some of the authors), so cards can say "25+ authors" instead of
-- reporting a cut list as complete. Rows stored before this version had their "+" dropped; they
-- read as complete until their day is ingested again.
ALTER TABLE paper ADD COLUMN authors_more INTEGER NOT NULL DEFAULT 0 CHECK (authors_more IN (0, 1));
ALTER TABLE digest_entry ADD COLUMN authors_more INTEGER NOT NULL DEFAULT 0 CHECK (authors_more IN (0, 1));

-- SearchTokens now ends every Hangul (and Han, kana) run of two or more with its last character
-- (확산모델을 → 확산 산모 모델 델을 을), so that a one-syllable term, matched as a token prefix,
-- finds the syllable anywhere in a word (눈 finds 눈에 and 첫눈). Rows indexed by the old rule lack
-- those tokens: empty the index and let the catch-up re-derive every paper's row (searches bring
-- the index up to date before they run).
INSERT INTO paper_fts (paper_fts) VALUES ('delete-all');
INSERT INTO search_pending (paper_id) SELECT id FROM paper;
