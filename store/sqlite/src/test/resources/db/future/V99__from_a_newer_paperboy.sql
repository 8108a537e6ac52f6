-- Test-only: stands for a migration that a newer Paperboy applied to a database.
CREATE TABLE newer_feature (id INTEGER PRIMARY KEY) STRICT;
