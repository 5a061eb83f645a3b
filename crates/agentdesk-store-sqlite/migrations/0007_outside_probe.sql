-- Defects found from outside (issue 10): send budgets that other accounts cannot use up, browsers
-- that signed in before (device cookies), customers known by phone and BSUID at once, numbers
-- that can be changed and disconnected.

-- Whether a code went to the account's own verified address, or to a number being added: sends
-- of the second kind never use up the budget of the first (SECURITY.md 4).
ALTER TABLE otp_sends ADD COLUMN verified INTEGER NOT NULL DEFAULT 1;
ALTER TABLE otp_challenges ADD COLUMN destination_verified INTEGER NOT NULL DEFAULT 1;
UPDATE otp_challenges SET destination_verified = 0 WHERE purpose = 'phone_new';

-- Browsers that completed a sign-in (OWASP device cookies): only a hash of the cookie is kept.
-- Failures from such a browser count against it alone, so strangers guessing a password cannot
-- lock its owner out (SECURITY.md 9).
CREATE TABLE trusted_devices (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
);
CREATE INDEX trusted_devices_user ON trusted_devices (user_id);

-- A customer is known by phone (wa_id), by BSUID, or both; a contact is found by either. Rows made
-- before were keyed by one of them: a key that is not the stored phone is a BSUID.
ALTER TABLE contacts ADD COLUMN bsuid TEXT;
UPDATE contacts SET bsuid = customer_id WHERE phone IS NULL OR phone <> customer_id;
CREATE INDEX contacts_bsuid ON contacts (company_id, bsuid);
CREATE INDEX contacts_phone ON contacts (company_id, phone);

-- A number an admin disconnected: webhooks for it are ignored, nothing is sent on it, its token
-- is forgotten, and its conversations are kept.
ALTER TABLE whatsapp_numbers ADD COLUMN disconnected_at INTEGER;
