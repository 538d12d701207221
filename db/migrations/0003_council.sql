-- Councils and their Quy chế, members, sessions, attendance, recusals, member score sheets
-- (immutable once submitted; corrections are new versions), drafts, chair overrides and results.
-- Policy defaults are documented in docs/council.md.

CREATE TABLE person (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9._-]*$'),
    full_name       text NOT NULL CHECK (btrim(full_name) <> ''),
    organisation    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL,
    CONSTRAINT person_code_key UNIQUE (code)
);

CREATE TABLE council (
    id                      serial PRIMARY KEY,
    code                    text NOT NULL,
    name                    text NOT NULL CHECK (btrim(name) <> ''),
    level                   text NOT NULL CHECK (level IN ('provincial', 'central')),
    province_code           text,
    decision_ref            text,
    -- Quy chế: quorum 3/4 including the chair, ≤ 10 points spread, secretary does not score,
    -- a split on a ★-minimum must be resolved.
    quorum_numerator        smallint NOT NULL DEFAULT 3,
    quorum_denominator      smallint NOT NULL DEFAULT 4,
    quorum_requires_chair   boolean NOT NULL DEFAULT true,
    max_spread              smallint NOT NULL DEFAULT 10 CHECK (max_spread BETWEEN 0 AND 100),
    secretary_scores        boolean NOT NULL DEFAULT false,
    minimum_split           text NOT NULL DEFAULT 'must_resolve' CHECK (minimum_split IN ('must_resolve', 'mean_decides')),
    created_at              timestamptz NOT NULL DEFAULT now(),
    created_by              text NOT NULL,
    CONSTRAINT council_code_key UNIQUE (code),
    CHECK (quorum_numerator > 0 AND quorum_numerator <= quorum_denominator)
);

CREATE TABLE council_member (
    council_id      integer NOT NULL REFERENCES council (id),
    person_id       bigint NOT NULL REFERENCES person (id),
    role            text NOT NULL CHECK (role IN ('chair', 'vice_chair', 'secretary', 'member', 'advisor')),
    added_at        timestamptz NOT NULL DEFAULT now(),
    added_by        text NOT NULL,
    PRIMARY KEY (council_id, person_id)
);
CREATE UNIQUE INDEX council_member_one_chair_key ON council_member (council_id) WHERE role = 'chair';

CREATE TABLE council_session_serial (
    year            integer PRIMARY KEY,
    last_serial     integer NOT NULL DEFAULT 0
);

CREATE TABLE council_session (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL,
    council_id      integer NOT NULL REFERENCES council (id),
    held_on         date NOT NULL,
    place           text,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finalized')),
    opened_at       timestamptz NOT NULL DEFAULT now(),
    opened_by       text NOT NULL,
    finalized_at    timestamptz,
    finalized_by    text,
    CONSTRAINT council_session_code_key UNIQUE (code)
);

CREATE TABLE session_attendance (
    session_id      bigint NOT NULL REFERENCES council_session (id),
    person_id       bigint NOT NULL REFERENCES person (id),
    present         boolean NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    recorded_by     text NOT NULL,
    PRIMARY KEY (session_id, person_id)
);

-- The dossiers on a session's agenda, each with the rubric frozen on it.
CREATE TABLE session_dossier (
    session_id      bigint NOT NULL REFERENCES council_session (id),
    dossier_id      bigint NOT NULL REFERENCES dossier (id),
    position        smallint NOT NULL,
    rubric_version  text NOT NULL REFERENCES rubric_version (id),
    rubric_hash     text NOT NULL REFERENCES rubric_set_snapshot (content_hash),
    added_at        timestamptz NOT NULL DEFAULT now(),
    added_by        text NOT NULL,
    PRIMARY KEY (session_id, dossier_id)
);
CREATE INDEX session_dossier_dossier_idx ON session_dossier (dossier_id);

CREATE TABLE recusal (
    session_id      bigint NOT NULL,
    dossier_id      bigint NOT NULL,
    person_id       bigint NOT NULL REFERENCES person (id),
    reason_kind     text NOT NULL CHECK (reason_kind IN ('kin', 'employee', 'consultant', 'cooperative_member', 'other')),
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    declared_at     timestamptz NOT NULL DEFAULT now(),
    declared_by     text NOT NULL,
    PRIMARY KEY (session_id, dossier_id, person_id),
    FOREIGN KEY (session_id, dossier_id) REFERENCES session_dossier (session_id, dossier_id)
);

-- One row per submitted version of a member's sheet. Never updated or deleted (trigger below).
CREATE TABLE score_sheet (
    id              bigserial PRIMARY KEY,
    session_id      bigint NOT NULL,
    dossier_id      bigint NOT NULL,
    person_id       bigint NOT NULL REFERENCES person (id),
    version         smallint NOT NULL CHECK (version >= 1),
    rubric_version  text NOT NULL REFERENCES rubric_version (id),
    rubric_hash     text NOT NULL REFERENCES rubric_set_snapshot (content_hash),
    total           smallint NOT NULL CHECK (total BETWEEN 0 AND 100),
    knock_outs      text[] NOT NULL DEFAULT '{}',
    source          text NOT NULL CHECK (source IN ('interactive', 'file', 'paper', 'import')),
    entered_by      text,            -- the secretary who transcribed a signed paper sheet
    paper_ref       text,            -- the paper sheet's reference
    reason          text,            -- why this version replaces the previous one
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    submitted_by    text NOT NULL,
    FOREIGN KEY (session_id, dossier_id) REFERENCES session_dossier (session_id, dossier_id),
    CONSTRAINT score_sheet_version_key UNIQUE (session_id, dossier_id, person_id, version),
    CHECK (version = 1 OR btrim(coalesce(reason, '')) <> ''),
    CHECK (source <> 'paper' OR (entered_by IS NOT NULL AND paper_ref IS NOT NULL))
);

CREATE TABLE score_answer (
    sheet_id        bigint NOT NULL REFERENCES score_sheet (id),
    criterion       text NOT NULL,
    points          smallint NOT NULL CHECK (points BETWEEN 0 AND 63),
    variant         smallint CHECK (variant IN (1, 2)),
    PRIMARY KEY (sheet_id, criterion)
);

CREATE FUNCTION score_sheet_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a submitted score sheet cannot be changed or deleted; submit a new version with a reason'
        USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER score_sheet_immutable BEFORE UPDATE OR DELETE ON score_sheet
    FOR EACH ROW EXECUTE FUNCTION score_sheet_refuse_change();
CREATE TRIGGER score_answer_immutable BEFORE UPDATE OR DELETE ON score_answer
    FOR EACH ROW EXECUTE FUNCTION score_sheet_refuse_change();

-- The interactive walk's draft, saved after every answer.
CREATE TABLE score_draft (
    session_id      bigint NOT NULL,
    dossier_id      bigint NOT NULL,
    person_id       bigint NOT NULL REFERENCES person (id),
    answers         jsonb NOT NULL,
    cursor          integer,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text NOT NULL,
    PRIMARY KEY (session_id, dossier_id, person_id),
    FOREIGN KEY (session_id, dossier_id) REFERENCES session_dossier (session_id, dossier_id)
);

-- The chair's decision to finalize despite a spread or ★-minimum split flag.
CREATE TABLE council_override (
    session_id      bigint NOT NULL,
    dossier_id      bigint NOT NULL,
    flag            text NOT NULL,           -- 'spread' or 'minimum:<criterion>:<stars>'
    chair_id        bigint NOT NULL REFERENCES person (id),
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    recorded_by     text NOT NULL,
    PRIMARY KEY (session_id, dossier_id, flag),
    FOREIGN KEY (session_id, dossier_id) REFERENCES session_dossier (session_id, dossier_id)
);

-- One result per dossier and session: the primary key makes concurrent finalizers yield one.
CREATE TABLE council_result (
    session_id      bigint NOT NULL,
    dossier_id      bigint NOT NULL,
    sheet_ids       bigint[] NOT NULL,
    sheet_count     smallint NOT NULL,
    total_sum       integer NOT NULL,
    average         numeric(5, 2) NOT NULL,
    band            smallint NOT NULL,
    stars           smallint,                -- NULL when disqualified
    recognised      boolean NOT NULL,
    proposed_central boolean NOT NULL,
    disqualified    boolean NOT NULL,
    spread          smallint NOT NULL,
    outcome         text NOT NULL,           -- the dossier status it moved to
    reasons_vi      text[] NOT NULL,
    reasons_en      text[] NOT NULL,
    producer_reasons_vi text[] NOT NULL,
    overrides       text[] NOT NULL DEFAULT '{}',
    detail          jsonb NOT NULL,          -- the RatingResult
    finalized_at    timestamptz NOT NULL DEFAULT now(),
    finalized_by    text NOT NULL,
    PRIMARY KEY (session_id, dossier_id),
    FOREIGN KEY (session_id, dossier_id) REFERENCES session_dossier (session_id, dossier_id)
);
