-- Canned responses (issue 12): company presets (owner_id NULL) and agents' own responses. Short
-- codes are unique per scope, compared by code_key (NFKC, lower-cased, computed by the app).
-- Tags are kept one per line (a tag cannot contain a line break).
CREATE TABLE canned_responses (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id          INTEGER NOT NULL REFERENCES companies (id),
    owner_id            INTEGER REFERENCES users (id),
    short_code          TEXT NOT NULL,
    code_key            TEXT NOT NULL,
    content             TEXT NOT NULL,
    tags                TEXT NOT NULL DEFAULT '',
    attachment_key      TEXT,
    attachment_mime     TEXT,
    attachment_size     INTEGER,
    attachment_filename TEXT,
    created_by          INTEGER NOT NULL REFERENCES users (id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE UNIQUE INDEX canned_responses_code_company ON canned_responses (company_id, code_key)
    WHERE owner_id IS NULL;
CREATE UNIQUE INDEX canned_responses_code_personal ON canned_responses (owner_id, code_key)
    WHERE owner_id IS NOT NULL;
CREATE INDEX canned_responses_company ON canned_responses (company_id, owner_id);
