-- Companies, users, server-side sessions and login throttling.
-- Times are BIGINT milliseconds since the Unix epoch (UTC) on every backend.

CREATE TABLE companies (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT   NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id               BIGSERIAL PRIMARY KEY,
    company_id       BIGINT  NOT NULL REFERENCES companies (id),
    email            TEXT    NOT NULL,
    email_normalized TEXT    NOT NULL UNIQUE,
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    role             TEXT    NOT NULL CHECK (role IN ('admin', 'agent')),
    locale           TEXT,
    password_hash    TEXT    NOT NULL,
    active           BOOLEAN NOT NULL DEFAULT TRUE,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX users_company ON users (company_id);

CREATE TABLE sessions (
    token_hash   TEXT   PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    ip           TEXT,
    user_agent   TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_throttle (
    key               TEXT   PRIMARY KEY,
    failures          BIGINT NOT NULL,
    window_started_at BIGINT NOT NULL,
    locked_until      BIGINT
);
