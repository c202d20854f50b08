-- Schema 10 (the handover file, `.banthao`): notes, revisions and workflow steps get a uid that
-- travels with them, so an article handed back and forth is merged without duplicating any of
-- them; and a sync base that arrived in a handover file for a site this library has no endpoint
-- for waits here until an endpoint with that address is added.
ALTER TABLE notes ADD COLUMN uid TEXT;
ALTER TABLE revisions ADD COLUMN uid TEXT;
ALTER TABLE transitions ADD COLUMN uid TEXT;
-- A revision that went into a handover file (or came from one) is closed: the next edit starts
-- a new revision instead of joining its editing burst, so the history two libraries share
-- never changes under either of them.
ALTER TABLE revisions ADD COLUMN handed_over INTEGER NOT NULL DEFAULT 0;
UPDATE notes SET uid = lower(hex(randomblob(16)));
UPDATE revisions SET uid = lower(hex(randomblob(16)));
UPDATE transitions SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX notes_by_uid ON notes (uid);
CREATE UNIQUE INDEX revisions_by_uid ON revisions (uid);
CREATE UNIQUE INDEX transitions_by_uid ON transitions (uid);
CREATE TRIGGER notes_uid AFTER INSERT ON notes WHEN NEW.uid IS NULL
BEGIN
  UPDATE notes SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER revisions_uid AFTER INSERT ON revisions WHEN NEW.uid IS NULL
BEGIN
  UPDATE revisions SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER transitions_uid AFTER INSERT ON transitions WHEN NEW.uid IS NULL
BEGIN
  UPDATE transitions SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- A sync base handed over for a site with no endpoint here yet (JSON `SyncBaseEntry` of the
-- handover format); adopted, and removed, when an endpoint with that address is saved.
CREATE TABLE pending_sync_bases (
  article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  endpoint_url TEXT NOT NULL,
  entry        TEXT NOT NULL
);
