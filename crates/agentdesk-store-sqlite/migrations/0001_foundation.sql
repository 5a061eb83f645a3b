-- Companies, users, server-side sessions and login throttling.
-- Times are INTEGER milliseconds since the Unix epoch (UTC) on every backend.

CREATE TABLE companies (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE users (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id       INTEGER NOT NULL REFERENCES companies (id),
    email            TEXT    NOT NULL,
    email_normalized TEXT    NOT NULL UNIQUE,
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    role             TEXT    NOT NULL CHECK (role IN ('admin', 'agent')),
    locale           TEXT,
    password_hash    TEXT    NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX users_company ON users (company_id);

CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    ip           TEXT,
    user_agent   TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_throttle (
    key               TEXT    PRIMARY KEY,
    failures          INTEGER NOT NULL,
    window_started_at INTEGER NOT NULL,
    locked_until      INTEGER
);
