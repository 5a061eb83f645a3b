-- Security (issue 5): verified phone, the second factor, one-time codes with their abuse
-- counters, the dev outbox, and security events.

ALTER TABLE users ADD COLUMN phone TEXT;
-- Admin policy: every user of the company must have a second factor.
ALTER TABLE companies ADD COLUMN require_two_factor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN two_factor_method TEXT CHECK (two_factor_method IN ('sms', 'email'));

-- One row per code sent. `payload` holds the pending action (JSON), so a code only ever does
-- the one thing it was sent for.
CREATE TABLE otp_challenges (
    id           TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    purpose      TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    destination  TEXT NOT NULL,
    payload      TEXT NOT NULL,
    code_hash    TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    sends        INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    last_sent_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    consumed_at  INTEGER
);
CREATE INDEX otp_challenges_live ON otp_challenges (user_id, purpose) WHERE consumed_at IS NULL;

-- Every send, for the hourly limits per account and per destination.
CREATE TABLE otp_sends (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    destination TEXT NOT NULL,
    sent_at     INTEGER NOT NULL
);
CREATE INDEX otp_sends_user ON otp_sends (user_id, sent_at);
CREATE INDEX otp_sends_destination ON otp_sends (destination, sent_at);

-- Consecutive wrong codes per account; a resend does not reset it, a success does.
CREATE TABLE otp_failures (
    user_id         INTEGER PRIMARY KEY REFERENCES users (id),
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

CREATE TABLE outbox_messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    channel     TEXT NOT NULL,
    destination TEXT NOT NULL,
    subject     TEXT,
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE security_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    kind       TEXT NOT NULL,
    detail     TEXT,
    ip         TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX security_events_user ON security_events (user_id, id);
