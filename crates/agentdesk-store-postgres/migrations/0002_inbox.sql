-- The inbox: WhatsApp numbers, contacts, conversations, messages, their timeline, live events
-- for open browsers, and a job queue for work that must survive a crash.

ALTER TABLE users ADD COLUMN availability TEXT NOT NULL DEFAULT 'offline';
ALTER TABLE users ADD COLUMN last_assigned_at BIGINT;

CREATE TABLE whatsapp_numbers (
    id                   BIGSERIAL PRIMARY KEY,
    company_id           BIGINT NOT NULL REFERENCES companies (id),
    phone_number_id      TEXT NOT NULL UNIQUE,
    display_phone_number TEXT NOT NULL,
    name                 TEXT NOT NULL,
    access_token         TEXT NOT NULL,
    assignment           TEXT NOT NULL CHECK (assignment IN ('manual', 'round_robin')),
    token_invalid_at     BIGINT,
    created_at           BIGINT NOT NULL
);
CREATE INDEX whatsapp_numbers_company ON whatsapp_numbers (company_id);

CREATE TABLE contacts (
    id          BIGSERIAL PRIMARY KEY,
    company_id  BIGINT NOT NULL REFERENCES companies (id),
    customer_id TEXT NOT NULL,
    phone       TEXT,
    name        TEXT,
    created_at  BIGINT NOT NULL,
    UNIQUE (company_id, customer_id)
);

CREATE TABLE conversations (
    id                       BIGSERIAL PRIMARY KEY,
    company_id               BIGINT NOT NULL REFERENCES companies (id),
    number_id                BIGINT NOT NULL REFERENCES whatsapp_numbers (id),
    contact_id               BIGINT NOT NULL REFERENCES contacts (id),
    status                   TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    initiated_by             TEXT NOT NULL CHECK (initiated_by IN ('customer', 'business')),
    assignee_id              BIGINT REFERENCES users (id),
    last_customer_message_at BIGINT,
    last_activity_at         BIGINT NOT NULL,
    created_at               BIGINT NOT NULL
);
-- One open conversation per customer per number.
CREATE UNIQUE INDEX conversations_one_open ON conversations (number_id, contact_id) WHERE status = 'open';
CREATE INDEX conversations_company_activity ON conversations (company_id, last_activity_at);

CREATE TABLE messages (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    kind            TEXT NOT NULL,
    content         TEXT NOT NULL,
    text            TEXT,
    wamid           TEXT UNIQUE,
    status          TEXT NOT NULL,
    error_code      BIGINT,
    error_title     TEXT,
    reply_to_wamid  TEXT,
    reaction        TEXT,
    sender_id       BIGINT REFERENCES users (id),
    -- Downloaded media: blob key, MIME type and size in bytes.
    media_key       TEXT,
    media_mime      TEXT,
    media_size      BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, id);

CREATE TABLE timeline_events (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    kind            TEXT NOT NULL,
    actor_id        BIGINT REFERENCES users (id),
    subject_id      BIGINT REFERENCES users (id),
    created_at      BIGINT NOT NULL
);
CREATE INDEX timeline_events_conversation ON timeline_events (conversation_id, id);

CREATE TABLE live_events (
    id              BIGSERIAL PRIMARY KEY,
    company_id      BIGINT NOT NULL,
    kind            TEXT NOT NULL,
    conversation_id BIGINT,
    message_id      BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX live_events_company ON live_events (company_id, id);

CREATE TABLE jobs (
    id           BIGSERIAL PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    run_at       BIGINT NOT NULL,
    attempts     BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL,
    locked_until BIGINT,
    last_error   TEXT,
    done_at      BIGINT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);
