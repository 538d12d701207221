-- Knock-outs decided by the council itself (not on a member's sheet) and deferral of a dossier
-- from a session to a later one. docs/council.md, "Knock-outs decided by the council" and "Deferral".

-- One row per decision; a withdrawn decision stays on record (withdrawn_*), and the clause can
-- then be decided again. At most one standing decision per clause.
CREATE TABLE council_knockout (
    id              bigserial PRIMARY KEY,
    session_id      bigint NOT NULL,
    dossier_id      bigint NOT NULL,
    clause          text NOT NULL CHECK (btrim(clause) <> ''),   -- 'hồ sơ' or a criterion code
    clause_text     text NOT NULL,                               -- the clause as quoted from the frozen set
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    decided_by      bigint NOT NULL REFERENCES person (id),      -- the presiding chair
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    recorded_by     text NOT NULL,
    withdrawn_at    timestamptz,
    withdrawn_by    text,
    withdrawn_reason text,
    FOREIGN KEY (session_id, dossier_id) REFERENCES session_dossier (session_id, dossier_id),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)),
    CHECK (withdrawn_at IS NULL OR btrim(coalesce(withdrawn_reason, '')) <> '')
);
CREATE UNIQUE INDEX council_knockout_standing_key ON council_knockout (session_id, dossier_id, clause)
    WHERE withdrawn_at IS NULL;

-- A dossier taken off a session ("hoãn"). The agenda row stays: it is part of the session's record.
CREATE TABLE session_deferral (
    session_id      bigint NOT NULL,
    dossier_id      bigint NOT NULL,
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    deferred_at     timestamptz NOT NULL DEFAULT now(),
    deferred_by     text NOT NULL,
    PRIMARY KEY (session_id, dossier_id),
    FOREIGN KEY (session_id, dossier_id) REFERENCES session_dossier (session_id, dossier_id)
);

-- The council's knock-out clauses a result was given (also in detail.knockOuts).
ALTER TABLE council_result ADD COLUMN knock_outs text[] NOT NULL DEFAULT '{}';

-- A deferred dossier takes no more sheets on that session (the store refuses first; this also
-- covers a CSV import naming the session explicitly).
CREATE FUNCTION score_sheet_refuse_deferred() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM session_deferral WHERE session_id = NEW.session_id AND dossier_id = NEW.dossier_id) THEN
        RAISE EXCEPTION 'the dossier was deferred from this council session and takes no more sheets there'
            USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER score_sheet_not_deferred BEFORE INSERT ON score_sheet
    FOR EACH ROW EXECUTE FUNCTION score_sheet_refuse_deferred();
