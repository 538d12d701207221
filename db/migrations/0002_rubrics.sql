-- Rubric versions as imported from scoring/: each distinct content of a product set is kept
-- under its hash, so a dossier frozen on one never changes when the files are edited later.

CREATE TABLE rubric_version (
    id              text PRIMARY KEY,            -- e.g. qd26-2026
    decree          text NOT NULL,
    title           text NOT NULL,
    effective_from  date,
    has_tables      boolean NOT NULL,
    content_hash    text,                        -- hash of the version's current files
    imported_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rubric_set_snapshot (
    content_hash    text PRIMARY KEY,            -- sha256 of the set's canonical content
    version_id      text NOT NULL REFERENCES rubric_version (id),
    set_number      smallint NOT NULL CHECK (set_number BETWEEN 1 AND 26),
    title           text NOT NULL,
    content         text NOT NULL,               -- canonical JSON of the domain model (what was hashed)
    imported_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rubric_set_snapshot_version_idx ON rubric_set_snapshot (version_id, set_number);

ALTER TABLE dossier
    ADD CONSTRAINT dossier_rubric_version_fkey FOREIGN KEY (rubric_version) REFERENCES rubric_version (id),
    ADD CONSTRAINT dossier_rubric_hash_fkey FOREIGN KEY (rubric_hash) REFERENCES rubric_set_snapshot (content_hash);
ALTER TABLE star_recognition
    ADD CONSTRAINT star_recognition_rubric_version_fkey FOREIGN KEY (rubric_version) REFERENCES rubric_version (id);
