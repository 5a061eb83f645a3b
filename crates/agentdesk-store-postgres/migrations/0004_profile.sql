-- Avatars (issue 4): blob keys of the 640×640 picture and its 96×96 thumbnail.
ALTER TABLE users ADD COLUMN avatar_key TEXT;
ALTER TABLE users ADD COLUMN avatar_thumb_key TEXT;
CREATE INDEX users_avatar_key ON users (avatar_key) WHERE avatar_key IS NOT NULL;
-- Deleting a blob first asks whether a message still refers to it.
CREATE INDEX messages_media_key ON messages (media_key) WHERE media_key IS NOT NULL;
