-- /trend counts papers by the day a digest first listed them: a query made only of regular
-- expressions reads the papers of a date range, which this index finds without a full scan.
CREATE INDEX paper_first_seen ON paper (first_seen);
