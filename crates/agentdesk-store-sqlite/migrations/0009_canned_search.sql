-- Canned-response search (issue 12). The app writes each response's search forms (accents and
-- case folded; content with punctuation made spaces and a space in front, so a word starts where
-- " word" occurs); an FTS5 trigram index over them finds substrings in any script (Chinese and
-- Arabic included) for queries of three characters or more. canned_usage counts how often each
-- agent used each response, the ranking's tie-break. 0008 had no way in (no API), so no row
-- predates these columns.
ALTER TABLE canned_responses ADD COLUMN code_search TEXT NOT NULL DEFAULT '';
ALTER TABLE canned_responses ADD COLUMN content_search TEXT NOT NULL DEFAULT ' ';
ALTER TABLE canned_responses ADD COLUMN tags_key TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE canned_search USING fts5(
    code_search, content_search, content = 'canned_responses', content_rowid = 'id',
    tokenize = 'trigram'
);
CREATE TRIGGER canned_search_insert AFTER INSERT ON canned_responses BEGIN
    INSERT INTO canned_search (rowid, code_search, content_search)
        VALUES (new.id, new.code_search, new.content_search);
END;
CREATE TRIGGER canned_search_delete AFTER DELETE ON canned_responses BEGIN
    INSERT INTO canned_search (canned_search, rowid, code_search, content_search)
        VALUES ('delete', old.id, old.code_search, old.content_search);
END;
CREATE TRIGGER canned_search_update AFTER UPDATE OF code_search, content_search
    ON canned_responses BEGIN
    INSERT INTO canned_search (canned_search, rowid, code_search, content_search)
        VALUES ('delete', old.id, old.code_search, old.content_search);
    INSERT INTO canned_search (rowid, code_search, content_search)
        VALUES (new.id, new.code_search, new.content_search);
END;

CREATE TABLE canned_usage (
    response_id  INTEGER NOT NULL REFERENCES canned_responses (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    uses         INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    PRIMARY KEY (response_id, user_id)
);
