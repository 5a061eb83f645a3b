-- Authenticator apps (TOTP, RFC 6238) as a third second factor, and recovery codes (issue 5).

-- SQLite cannot change a CHECK constraint in place: the method column is rebuilt with 'totp'
-- allowed, keeping every user's current method.
ALTER TABLE users ADD COLUMN second_factor TEXT CHECK (second_factor IN ('sms', 'email', 'totp'));
UPDATE users SET second_factor = two_factor_method;
ALTER TABLE users DROP COLUMN two_factor_method;
ALTER TABLE users RENAME COLUMN second_factor TO two_factor_method;
-- The authenticator's shared secret (base32) and the last time step accepted, so that every
-- authenticator code works only once.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- Challenges answered from an authenticator have channel 'totp' (nothing is sent). Live
-- challenges are copied over.
CREATE TABLE otp_challenges_v6 (
    id           TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    purpose      TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'totp')),
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
INSERT INTO otp_challenges_v6 (id, user_id, purpose, channel, destination, payload, code_hash,
                               attempts, sends, created_at, last_sent_at, expires_at, consumed_at)
SELECT id, user_id, purpose, channel, destination, payload, code_hash,
       attempts, sends, created_at, last_sent_at, expires_at, consumed_at
FROM otp_challenges;
DROP TABLE otp_challenges;
ALTER TABLE otp_challenges_v6 RENAME TO otp_challenges;
CREATE INDEX otp_challenges_live ON otp_challenges (user_id, purpose) WHERE consumed_at IS NULL;

-- Ten per user, stored as SHA-256 of 120-bit random codes (ASVS 6.5.2), each usable once.
CREATE TABLE recovery_codes (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    code_hash  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at    INTEGER,
    PRIMARY KEY (user_id, code_hash)
);
