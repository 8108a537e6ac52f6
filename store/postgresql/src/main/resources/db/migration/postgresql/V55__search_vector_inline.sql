-- /search's window walk checks the newest matches' search vectors one by one (PaperSearch). A
-- vector of a long summary (about 2.7 KB compressed) was moved out of the row into the TOAST
-- table, so each check cost a TOAST index lookup and chunk reads besides decompression: about
-- half of a search's time at 100,000 papers. MAIN keeps the compressed vector in the row unless
-- nothing else can be moved out (the summary and author list go first), and a tuple target near
-- a page lets a whole paper stay in its row.
ALTER TABLE paper ALTER COLUMN search SET STORAGE MAIN;
ALTER TABLE paper SET (toast_tuple_target = 8160);
-- existing rows keep their out-of-line vectors until rewritten: rewrite them once (a new value,
-- equal to the old, is stored the new way)
UPDATE paper SET search = search || ''::tsvector;
