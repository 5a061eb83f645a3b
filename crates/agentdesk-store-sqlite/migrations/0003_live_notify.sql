-- PostgreSQL announces live events to other instances here; SQLite serves one instance, so there
-- is nothing to do. Kept so both backends carry the same migration versions.
SELECT 1;
