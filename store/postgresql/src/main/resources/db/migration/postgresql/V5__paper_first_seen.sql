-- /trend counts papers by the day a digest first listed them.
CREATE INDEX paper_first_seen ON paper (first_seen);
