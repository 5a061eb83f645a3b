-- Authenticator apps (TOTP, RFC 6238) as a third second factor, and recovery codes (issue 5).

ALTER TABLE users DROP CONSTRAINT users_two_factor_method_check;
ALTER TABLE users ADD CONSTRAINT users_two_factor_method_check
    CHECK (two_factor_method IN ('sms', 'email', 'totp'));
-- The authenticator's shared secret (base32) and the last time step accepted, so that every
-- authenticator code works only once.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- Challenges answered from an authenticator have channel 'totp' (nothing is sent).
ALTER TABLE otp_challenges DROP CONSTRAINT otp_challenges_channel_check;
ALTER TABLE otp_challenges ADD CONSTRAINT otp_challenges_channel_check
    CHECK (channel IN ('sms', 'email', 'totp'));

-- Ten per user, stored as SHA-256 of 120-bit random codes (ASVS 6.5.2), each usable once.
CREATE TABLE recovery_codes (
    user_id    BIGINT NOT NULL REFERENCES users (id),
    code_hash  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (user_id, code_hash)
);
