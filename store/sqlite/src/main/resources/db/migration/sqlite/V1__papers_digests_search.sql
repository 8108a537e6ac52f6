-- Papers, daily digests and the full-text index.
-- Dates are ISO-8601 text (yyyy-mm-dd), so text order is date order.

-- The latest view of each paper across the days that listed it.
-- id is the stable integer key of the search index (an INTEGER PRIMARY KEY keeps its value
-- through VACUUM, an implicit rowid does not); arxiv_id is the natural key everything else uses.
CREATE TABLE paper (
  id         INTEGER PRIMARY KEY,
  arxiv_id   TEXT    NOT NULL UNIQUE,
  title      TEXT    NOT NULL,
  url        TEXT    NOT NULL,
  votes      INTEGER,
  authors    TEXT    NOT NULL CHECK (json_type(authors) = 'array'),
  media      TEXT,
  summary    TEXT    NOT NULL,
  first_seen TEXT    NOT NULL,
  last_seen  TEXT    NOT NULL,
  CHECK (first_seen <= last_seen)
) STRICT;

CREATE TABLE digest (
  date        TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source      TEXT NOT NULL,
  ingested_at TEXT NOT NULL
) STRICT;

-- One paper as one day listed it, verbatim.
CREATE TABLE digest_entry (
  date     TEXT    NOT NULL REFERENCES digest (date) ON DELETE CASCADE,
  rank     INTEGER NOT NULL CHECK (rank >= 1),
  arxiv_id TEXT    NOT NULL REFERENCES paper (arxiv_id),
  title    TEXT    NOT NULL,
  url      TEXT    NOT NULL,
  votes    INTEGER,
  authors  TEXT    NOT NULL CHECK (json_type(authors) = 'array'),
  media    TEXT,
  summary  TEXT    NOT NULL,
  PRIMARY KEY (date, arxiv_id),
  UNIQUE (date, rank)
) STRICT;

-- top(): a day's or a week's entries by votes
CREATE INDEX digest_entry_date_votes ON digest_entry (date, votes DESC);
-- paper(): every date that listed a paper; also serves the foreign key to paper
CREATE INDEX digest_entry_paper_date ON digest_entry (arxiv_id, date);

-- Full-text index over title, authors and summary, keyed by paper.id. Contentless: the code
-- fills it with derived tokens (Hangul as overlapping syllable bigrams, Latin words lower-cased
-- and singularised, see io.paperboy.store.search.SearchTokens), which unicode61 then splits on
-- spaces. contentless_delete lets a paper's row be replaced when its text changes.
CREATE VIRTUAL TABLE paper_fts USING fts5 (
  title, authors, summary,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
-- Buffer up to 16 MiB of new index data per transaction before writing a segment (default 1 MiB):
-- bulk catch-up writes fewer, larger segments and merges less; measured about 1.5x faster.
INSERT INTO paper_fts (paper_fts, rank) VALUES ('hashsize', 16777216);

-- Papers whose index row is out of date: bulk ingest defers indexing to here, and searches
-- bring the index up to date before they run.
CREATE TABLE search_pending (
  paper_id INTEGER PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE
) STRICT;
