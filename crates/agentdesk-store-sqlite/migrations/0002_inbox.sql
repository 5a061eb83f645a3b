-- The inbox: WhatsApp numbers, contacts, conversations, messages, their timeline, live events
-- for open browsers, and a job queue for work that must survive a crash.

ALTER TABLE users ADD COLUMN availability TEXT NOT NULL DEFAULT 'offline';
ALTER TABLE users ADD COLUMN last_assigned_at INTEGER;

CREATE TABLE whatsapp_numbers (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id           INTEGER NOT NULL REFERENCES companies (id),
    phone_number_id      TEXT NOT NULL UNIQUE,
    display_phone_number TEXT NOT NULL,
    name                 TEXT NOT NULL,
    access_token         TEXT NOT NULL,
    assignment           TEXT NOT NULL CHECK (assignment IN ('manual', 'round_robin')),
    token_invalid_at     INTEGER,
    created_at           INTEGER NOT NULL
);
CREATE INDEX whatsapp_numbers_company ON whatsapp_numbers (company_id);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id  INTEGER NOT NULL REFERENCES companies (id),
    customer_id TEXT NOT NULL,
    phone       TEXT,
    name        TEXT,
    created_at  INTEGER NOT NULL,
    UNIQUE (company_id, customer_id)
);

CREATE TABLE conversations (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id               INTEGER NOT NULL REFERENCES companies (id),
    number_id                INTEGER NOT NULL REFERENCES whatsapp_numbers (id),
    contact_id               INTEGER NOT NULL REFERENCES contacts (id),
    status                   TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    initiated_by             TEXT NOT NULL CHECK (initiated_by IN ('customer', 'business')),
    assignee_id              INTEGER REFERENCES users (id),
    last_customer_message_at INTEGER,
    last_activity_at         INTEGER NOT NULL,
    created_at               INTEGER NOT NULL
);
-- One open conversation per customer per number.
CREATE UNIQUE INDEX conversations_one_open ON conversations (number_id, contact_id) WHERE status = 'open';
CREATE INDEX conversations_company_activity ON conversations (company_id, last_activity_at);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    kind            TEXT NOT NULL,
    content         TEXT NOT NULL,
    text            TEXT,
    wamid           TEXT UNIQUE,
    status          TEXT NOT NULL,
    error_code      INTEGER,
    error_title     TEXT,
    reply_to_wamid  TEXT,
    reaction        TEXT,
    sender_id       INTEGER REFERENCES users (id),
    -- Downloaded media: blob key, MIME type and size in bytes.
    media_key       TEXT,
    media_mime      TEXT,
    media_size      INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, id);

CREATE TABLE timeline_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    kind            TEXT NOT NULL,
    actor_id        INTEGER REFERENCES users (id),
    subject_id      INTEGER REFERENCES users (id),
    created_at      INTEGER NOT NULL
);
CREATE INDEX timeline_events_conversation ON timeline_events (conversation_id, id);

CREATE TABLE live_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id      INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    conversation_id INTEGER,
    message_id      INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX live_events_company ON live_events (company_id, id);

CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    run_at       INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    locked_until INTEGER,
    last_error   TEXT,
    done_at      INTEGER,
    created_at   INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);
