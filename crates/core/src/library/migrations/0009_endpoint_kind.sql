-- Schema 9: ninjs endpoints beside WordPress ones. `endpoints.kind` (since schema 5) is now
-- 'wordpress' or 'ninjs'; a ninjs profile's `url` is the resource address items are POSTed to.
ALTER TABLE endpoints ADD COLUMN assets_url TEXT;                 -- ninjs: renditions go here
ALTER TABLE endpoints ADD COLUMN signed INTEGER NOT NULL DEFAULT 0; -- ninjs: a secret (in the keychain) signs requests
