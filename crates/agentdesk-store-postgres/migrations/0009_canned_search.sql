-- Canned-response search (issue 12). The app writes each response's search forms (accents and
-- case folded; content with punctuation made spaces and a space in front, so a word starts where
-- " word" occurs); pg_trgm GIN indexes over them serve substring LIKE in any script.
-- canned_usage counts how often each agent used each response, the ranking's tie-break. 0008 had
-- no way in (no API), so no row predates these columns. pg_trgm is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE canned_responses
    ADD COLUMN code_search TEXT NOT NULL DEFAULT '',
    ADD COLUMN content_search TEXT NOT NULL DEFAULT ' ',
    ADD COLUMN tags_key TEXT NOT NULL DEFAULT '';
CREATE INDEX canned_responses_code_trgm ON canned_responses USING gin (code_search gin_trgm_ops);
CREATE INDEX canned_responses_content_trgm
    ON canned_responses USING gin (content_search gin_trgm_ops);

CREATE TABLE canned_usage (
    response_id  BIGINT NOT NULL REFERENCES canned_responses (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL REFERENCES users (id),
    uses         BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    PRIMARY KEY (response_id, user_id)
);
