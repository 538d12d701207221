-- Recognition decisions, certificates and the star lifecycle (docs/certification.md).
--
-- A certificate is a row of star_recognition: the register's imported recognitions and the
-- certificates the workbench issues live in one table, so a product's star on any date has one
-- source. Its status (valid, in renewal window, expired, superseded, revoked) is never stored:
-- CertificateFacts.status(on:) computes it from decision_date, valid_until, superseded_on,
-- revoked_at and extended_until. The constraints below make the contradictions SQL can see
-- impossible: two certificates of one product in force at once, 5★ not from the Ministry, a
-- provincial decision carrying 5★, stars above the score's band, a number used twice.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Extra evaluation rounds (Art. 5.1, 5.2: "có thể tổ chức thêm các đợt … được quy định trong Quy
-- chế … và có kế hoạch"), numbered from 3; rounds 1 and 2 of each year are the law's own.
CREATE TABLE evaluation_round (
    level               text NOT NULL CHECK (level IN ('provincial', 'central')),
    year                integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
    number              smallint NOT NULL CHECK (number BETWEEN 3 AND 9),
    filing_deadline     date NOT NULL,
    evaluation_deadline date NOT NULL,
    label               text,
    basis               text NOT NULL CHECK (btrim(basis) <> ''),   -- the Quy chế or plan that provides it
    created_at          timestamptz NOT NULL DEFAULT ocop_now(),
    created_by          text NOT NULL,
    PRIMARY KEY (level, year, number),
    CHECK (evaluation_deadline >= filing_deadline)
);

-- Decisions of a competent authority: recognitions (Art. 4.1, 7.3.e, 7.4.e) and revocations
-- (Art. 8). Numbers run per issuer and calendar year (NĐ 30/2020 Art. 15), shared by both kinds.
CREATE TABLE decision (
    id              bigserial PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('recognition', 'revocation')),
    issuer_code     text NOT NULL CHECK (issuer_code = 'BNNMT' OR issuer_code ~ '^[0-9]{2}$'),
    issuer          text NOT NULL GENERATED ALWAYS AS (CASE WHEN issuer_code = 'BNNMT' THEN 'ministry' ELSE 'province' END) STORED,
    province_id     integer REFERENCES province (id),          -- the province as it was on the decision date
    number          integer NOT NULL CHECK (number >= 1),
    symbol          text NOT NULL CHECK (symbol ~ '^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$'),
    year            integer NOT NULL,
    decided_on      date NOT NULL,
    round_year      integer,                                   -- the evaluation round a recognition decides
    round_number    smallint CHECK (round_number BETWEEN 1 AND 9),
    place           text NOT NULL CHECK (btrim(place) <> ''),
    signer_prefix   text,                                      -- "KT. CHỦ TỊCH"
    signer_title    text NOT NULL CHECK (btrim(signer_title) <> ''),
    signer_name     text NOT NULL CHECK (btrim(signer_name) <> ''),
    legal_bases     text[] NOT NULL DEFAULT '{}',              -- căn cứ, as printed
    proposer        text,                                      -- "Theo đề nghị của …"
    submission_no   text,
    submission_date date,
    agency          text,                                      -- the OCOP body that implements it
    created_at      timestamptz NOT NULL DEFAULT ocop_now(),
    created_by      text NOT NULL,
    CONSTRAINT decision_number_key UNIQUE (issuer_code, year, number),
    CONSTRAINT decision_kind_key UNIQUE (id, kind),
    CONSTRAINT decision_issuer_key UNIQUE (id, issuer),
    CHECK (year = extract(year FROM decided_on)),
    CHECK ((issuer_code = 'BNNMT') = (province_id IS NULL)),
    CHECK ((kind = 'recognition') = (round_year IS NOT NULL AND round_number IS NOT NULL)),
    CHECK ((submission_no IS NULL) = (submission_date IS NULL))
);

-- Certificates: what a register or a decision recognised, numbered GCN-<issuer>-<year>-<serial>.
ALTER TABLE star_recognition
    ADD COLUMN issuer         text NOT NULL DEFAULT 'province' CHECK (issuer IN ('district', 'province', 'ministry')),
    ADD COLUMN certificate_no text,
    ADD COLUMN cert_issuer    text,
    ADD COLUMN cert_year      integer,
    ADD COLUMN cert_serial    integer,
    ADD COLUMN decision_id    bigint,
    ADD COLUMN superseded_on  date,
    ADD COLUMN superseded_by  bigint REFERENCES star_recognition (id),
    -- Art. 12.3: kept in force past valid_until until the re-evaluation result, at most 180 days.
    ADD COLUMN extended_until date;

-- Rows recorded before this migration get register numbers in decision order, and a row that a
-- later one of the same product replaced while it was in force is superseded from that day.
WITH numbered AS (
    SELECT s.id, (CASE WHEN s.issuer = 'ministry' THEN 'BNNMT' ELSE p.code END) AS issuer_code,
           coalesce(extract(year FROM s.decision_date)::integer, s.year) AS cert_year
    FROM star_recognition s JOIN province p ON p.id = s.province_id
), serials AS (
    SELECT id, issuer_code, cert_year,
           row_number() OVER (PARTITION BY issuer_code, cert_year ORDER BY id) AS serial
    FROM numbered
)
UPDATE star_recognition s
SET cert_issuer = n.issuer_code, cert_year = n.cert_year, cert_serial = n.serial,
    certificate_no = 'GCN-' || n.issuer_code || '-' || n.cert_year || '-' || lpad(n.serial::text, greatest(4, length(n.serial::text)), '0')
FROM serials n WHERE n.id = s.id;

UPDATE star_recognition s SET superseded_on = n.next_date, superseded_by = n.next_id
FROM (
    SELECT id, lead(decision_date) OVER w AS next_date, lead(id) OVER w AS next_id
    FROM star_recognition WHERE decision_date IS NOT NULL
    WINDOW w AS (PARTITION BY product_id ORDER BY decision_date, id)
) n
WHERE n.id = s.id AND n.next_date IS NOT NULL
  AND n.next_date <= least(s.valid_until, s.revoked_at - 1);

-- The last serial used per issuer and year; the next certificate takes the next one.
CREATE TABLE certificate_serial (
    issuer          text NOT NULL,
    year            integer NOT NULL,
    last_serial     integer NOT NULL CHECK (last_serial >= 1),
    PRIMARY KEY (issuer, year)
);
INSERT INTO certificate_serial (issuer, year, last_serial)
SELECT cert_issuer, cert_year, max(cert_serial) FROM star_recognition GROUP BY cert_issuer, cert_year;

ALTER TABLE star_recognition
    ALTER COLUMN certificate_no SET NOT NULL,
    ALTER COLUMN cert_issuer SET NOT NULL,
    ALTER COLUMN cert_year SET NOT NULL,
    ALTER COLUMN cert_serial SET NOT NULL,
    ADD CONSTRAINT star_recognition_certificate_no_key UNIQUE (certificate_no),
    ADD CONSTRAINT star_recognition_serial_key UNIQUE (cert_issuer, cert_year, cert_serial),
    ADD CONSTRAINT star_recognition_serial_check CHECK (cert_serial >= 1 AND (cert_issuer = 'BNNMT' OR cert_issuer ~ '^[0-9]{2}$')),
    ADD CONSTRAINT star_recognition_decision_fkey FOREIGN KEY (decision_id, issuer) REFERENCES decision (id, issuer),
    -- 5★ only from the Ministry, which recognises only 5★ (Art. 4.1); a district only ever 3★ (QĐ 148).
    ADD CONSTRAINT star_recognition_issuer_stars_check CHECK ((stars = 5) = (issuer = 'ministry')),
    ADD CONSTRAINT star_recognition_district_check CHECK (issuer <> 'district' OR stars = 3),
    -- Never more stars than the score's band (Art. 3.3: 90/70/50/30); ★-minimum caps may give fewer.
    ADD CONSTRAINT star_recognition_score_check CHECK (score IS NULL OR (score BETWEEN 0 AND 100 AND stars <=
        CASE WHEN score >= 90 THEN 5 WHEN score >= 70 THEN 4 WHEN score >= 50 THEN 3 WHEN score >= 30 THEN 2 ELSE 1 END)),
    ADD CONSTRAINT star_recognition_dates_check CHECK (decision_date IS NULL OR (
        valid_until IS NOT NULL AND valid_until >= decision_date
        AND (superseded_on IS NULL OR superseded_on >= decision_date)
        AND (revoked_at IS NULL OR revoked_at >= decision_date)
        AND (extended_until IS NULL OR extended_until <= valid_until + 180))),
    -- A QĐ 26 certificate is valid 36 months (Art. 4.3, Civil Code Art. 147–148: PostgreSQL's
    -- month arithmetic ends on the corresponding day or the month's last day, as CertificateTerm).
    ADD CONSTRAINT star_recognition_qd26_term_check CHECK (decision_date IS NULL OR decision_date < '2026-05-22'
        OR valid_until = (decision_date + interval '36 months')::date),
    -- The day comes first, then the successor's id once its row exists.
    ADD CONSTRAINT star_recognition_supersession_check CHECK (superseded_by IS NULL OR superseded_on IS NOT NULL);

-- The certificate's term as cut short by a supersession or a revocation; no two of one product
-- may share a day. (An Art. 12.3 extension is left out: a product can hold no other certificate
-- while one is extended, and the next one supersedes it on its own issue date.)
ALTER TABLE star_recognition
    ADD COLUMN in_force daterange GENERATED ALWAYS AS (
        CASE WHEN decision_date IS NULL THEN NULL
             ELSE daterange(decision_date, least(valid_until + 1, superseded_on, revoked_at), '[)') END) STORED,
    ADD CONSTRAINT star_recognition_no_overlap EXCLUDE USING gist (product_id WITH =, in_force WITH &&);
CREATE INDEX star_recognition_decision_idx ON star_recognition (decision_id);

-- A certificate's recorded facts only grow: its identity never changes, a supersession or a
-- revocation is recorded once, and nothing is deleted (an emptied demo uses TRUNCATE).
CREATE FUNCTION star_recognition_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a certificate is never deleted; revoke it instead' USING ERRCODE = 'P0001';
    END IF;
    IF (NEW.product_id, NEW.stars, NEW.score, NEW.decision_date, NEW.valid_until, NEW.issuer, NEW.certificate_no,
        NEW.cert_issuer, NEW.cert_year, NEW.cert_serial, NEW.decision_id, NEW.dossier_id)
       IS DISTINCT FROM (OLD.product_id, OLD.stars, OLD.score, OLD.decision_date, OLD.valid_until, OLD.issuer, OLD.certificate_no,
        OLD.cert_issuer, OLD.cert_year, OLD.cert_serial, OLD.decision_id, OLD.dossier_id)
       OR (OLD.superseded_on IS NOT NULL AND NEW.superseded_on IS DISTINCT FROM OLD.superseded_on)
       OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at) THEN
        RAISE EXCEPTION 'a certificate''s recorded facts cannot be changed' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER star_recognition_guard BEFORE UPDATE OR DELETE ON star_recognition
    FOR EACH ROW EXECUTE FUNCTION star_recognition_guard();

-- The products a recognition decision recognises (with their certificates); in a provincial
-- decision, the ≥ 90-point results it approves and proposes to the Ministry (Art. 7.3.e); and the
-- upgrades it does not grant (a result not above the certificate they rest on, which stays).
CREATE TABLE decision_entry (
    decision_id     bigint NOT NULL,
    decision_kind   text NOT NULL DEFAULT 'recognition' CHECK (decision_kind = 'recognition'),
    position        smallint NOT NULL CHECK (position >= 1),
    dossier_id      bigint NOT NULL REFERENCES dossier (id),
    session_id      bigint NOT NULL,
    outcome         text NOT NULL CHECK (outcome IN ('recognised', 'proposed_central', 'not_granted')),
    stars           smallint NOT NULL CHECK (stars BETWEEN 3 AND 5),
    certificate_id  bigint UNIQUE REFERENCES star_recognition (id),
    PRIMARY KEY (decision_id, position),
    FOREIGN KEY (decision_id, decision_kind) REFERENCES decision (id, kind),
    FOREIGN KEY (session_id, dossier_id) REFERENCES council_result (session_id, dossier_id),
    CHECK ((outcome = 'recognised') = (certificate_id IS NOT NULL)),
    CHECK (outcome <> 'proposed_central' OR stars = 5)
);
-- One recognition per dossier (and one approval of a ≥ 90 result, one refusal of an upgrade).
CREATE UNIQUE INDEX decision_entry_once_key ON decision_entry (dossier_id, outcome);

-- Post-recognition inspections (hậu kiểm, Art. 9) and what they found per criterion.
CREATE TABLE post_audit (
    id              bigserial PRIMARY KEY,
    certificate_id  bigint NOT NULL REFERENCES star_recognition (id),
    kind            text NOT NULL CHECK (kind IN ('periodic', 'ad_hoc')),
    concluded_on    date NOT NULL,
    reference       text,
    mark_misuse     text,
    created_at      timestamptz NOT NULL DEFAULT ocop_now(),
    created_by      text NOT NULL
);
CREATE INDEX post_audit_certificate_idx ON post_audit (certificate_id);

CREATE TABLE post_audit_finding (
    audit_id        bigint NOT NULL REFERENCES post_audit (id),
    position        smallint NOT NULL CHECK (position >= 1),
    criterion       text NOT NULL CHECK (btrim(criterion) <> ''),
    finding         text NOT NULL CHECK (btrim(finding) <> ''),
    maintained      boolean NOT NULL,
    PRIMARY KEY (audit_id, position)
);

-- Revocations (Art. 8): one per certificate, by a revocation decision, on a ground a–e, resting
-- on a finding; star_recognition.revoked_at carries its date.
CREATE TABLE certificate_revocation (
    certificate_id  bigint PRIMARY KEY REFERENCES star_recognition (id),
    decision_id     bigint NOT NULL,
    decision_kind   text NOT NULL DEFAULT 'revocation' CHECK (decision_kind = 'revocation'),
    ground          text NOT NULL CHECK (ground IN ('a', 'b', 'c', 'd', 'dd', 'e')),
    finding         text NOT NULL CHECK (btrim(finding) <> ''),
    finding_on      date NOT NULL,
    finding_ref     text,
    audit_id        bigint REFERENCES post_audit (id),
    revoked_on      date NOT NULL,
    FOREIGN KEY (decision_id, decision_kind) REFERENCES decision (id, kind),
    CHECK (revoked_on >= finding_on)
);

-- Dossiers: the filing date places a dossier in its round and governs the windows of Art. 7.6.a;
-- an upgrade or a re-evaluation rests on a certificate; a late re-evaluation accepted under
-- Art. 12.3 keeps that certificate in force until the result.
ALTER TABLE dossier
    ADD COLUMN filed_on date,
    ADD COLUMN basis_certificate_id bigint REFERENCES star_recognition (id),
    ADD COLUMN under_transition boolean NOT NULL DEFAULT false;
UPDATE dossier SET filed_on = (opened_at AT TIME ZONE 'UTC' + interval '7 hours')::date;
ALTER TABLE dossier
    ALTER COLUMN filed_on SET NOT NULL,
    ALTER COLUMN filed_on SET DEFAULT (ocop_now() AT TIME ZONE 'UTC' + interval '7 hours')::date,
    ADD CONSTRAINT dossier_basis_check CHECK (kind <> 'lan_dau' OR basis_certificate_id IS NULL),
    ADD CONSTRAINT dossier_transition_check CHECK (NOT under_transition OR (kind = 'danh_gia_lai' AND basis_certificate_id IS NOT NULL));

-- When a dossier filed late under Art. 12.3 gets its result (recognised by a decision, not
-- recognised by the council, or withdrawn), its basis stays in force only until that day.
CREATE FUNCTION dossier_transition_result() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    result_on date;
BEGIN
    IF NEW.under_transition AND NEW.status IN ('recognised', 'not_recognised', 'withdrawn') THEN
        SELECT max(d.decided_on) INTO result_on
        FROM decision_entry e JOIN decision d ON d.id = e.decision_id WHERE e.dossier_id = NEW.id;
        IF result_on IS NULL AND NEW.status = 'not_recognised' THEN
            SELECT max(s.held_on) INTO result_on
            FROM council_result r JOIN council_session s ON s.id = r.session_id WHERE r.dossier_id = NEW.id;
        END IF;
        UPDATE star_recognition
        SET extended_until = least(extended_until, coalesce(result_on, (ocop_now() AT TIME ZONE 'UTC' + interval '7 hours')::date))
        WHERE id = NEW.basis_certificate_id AND extended_until IS NOT NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER dossier_transition_result AFTER UPDATE OF status ON dossier
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION dossier_transition_result();

-- Council sessions by written opinions (re-evaluation, Art. 7.6.d–e): no meeting unless the
-- members' opinions diverge; `convened_*` records the meeting when one was called.
ALTER TABLE council_session
    ADD COLUMN mode text NOT NULL DEFAULT 'meeting' CHECK (mode IN ('meeting', 'written_opinions')),
    ADD COLUMN convened_on date,
    ADD COLUMN convened_place text,
    ADD COLUMN convened_reason text,
    ADD CONSTRAINT council_session_convened_check CHECK (convened_on IS NULL
        OR (mode = 'written_opinions' AND btrim(coalesce(convened_reason, '')) <> ''));
