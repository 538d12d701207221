-- Who may do what, enforced by PostgreSQL itself (docs/roles.md).
--
-- Roles are cluster-wide and made once; each is NOLOGIN. An official logs in as their own
-- LOGIN role, member of one or more of these, and mapped to a person by `app_user`:
--   ocop_owner        owns every object; migrations run as it; never used by the application
--   ocop_secretariat  the provincial OCOP office (cơ quan tham mưu): registry, dossiers,
--                     sessions, provincial decisions (3★/4★)
--   ocop_ministry     the Ministry's office: the central council, 5★ decisions
--   ocop_council      council members (chair, vice-chairs, secretary, members, advisors), scoped
--                     to the councils they sit on (council_member)
--   ocop_commune      a commune officer, scoped to their communes (app_user_commune)
--   ocop_producer     a producer, scoped to their producer (app_user.producer_id)
--   ocop_public       anyone: certificate status only (the certificate_status view)
DO $$
DECLARE
    name text;
BEGIN
    -- Roles are shared by every database of the cluster: two databases migrating at once
    -- take turns here.
    PERFORM pg_advisory_xact_lock(hashtext('ocop roles'));
    FOREACH name IN ARRAY ARRAY['ocop_owner', 'ocop_secretariat', 'ocop_ministry', 'ocop_council', 'ocop_commune',
                                'ocop_producer', 'ocop_public'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- made meanwhile by another database's migration
            END;
        END IF;
    END LOOP;
END
$$;

-- The council's policy on when members see each other's sheets (the law is silent).
ALTER TABLE council ADD COLUMN sheets_visible text NOT NULL DEFAULT 'after_finalization'
    CONSTRAINT council_sheets_visible_check CHECK (sheets_visible IN ('after_finalization', 'during_session'));

-- Logins and their people and scopes.
CREATE TABLE app_user (
    login       text PRIMARY KEY,
    person_id   bigint NOT NULL REFERENCES person (id),
    producer_id bigint REFERENCES producer (id),
    created_at  timestamptz NOT NULL DEFAULT ocop_now(),
    created_by  text NOT NULL
);
CREATE TABLE app_user_commune (
    login       text NOT NULL REFERENCES app_user (login),
    commune_id  integer NOT NULL REFERENCES commune (id),
    PRIMARY KEY (login, commune_id)
);

-- Who is asking: the login's person, producer and communes. SECURITY DEFINER so that a policy
-- can read the mapping without granting it.
CREATE FUNCTION ocop_person() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT person_id FROM app_user WHERE login = session_user
$$;
CREATE FUNCTION ocop_person_code() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.code FROM app_user u JOIN person p ON p.id = u.person_id WHERE u.login = session_user
$$;
CREATE FUNCTION ocop_producer() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT producer_id FROM app_user WHERE login = session_user
$$;
CREATE FUNCTION ocop_in_commune(commune integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM app_user_commune WHERE login = session_user AND commune_id = commune)
$$;
CREATE FUNCTION ocop_is(role_name text) RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, role_name, 'MEMBER')
$$;
CREATE FUNCTION ocop_staff() RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'ocop_secretariat', 'MEMBER') OR pg_has_role(session_user, 'ocop_ministry', 'MEMBER')
$$;
-- The asker's role on the council holding `session`, if any.
CREATE FUNCTION ocop_council_role(session bigint) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT m.role FROM council_session s JOIN council_member m ON m.council_id = s.council_id
    WHERE s.id = session AND m.person_id = (SELECT person_id FROM app_user WHERE login = session_user)
$$;
-- Whether the council's policy opens the members' sheets to each other during the session.
CREATE FUNCTION ocop_sheets_open(session bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT s.status = 'finalized' OR c.sheets_visible = 'during_session'
    FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id = session
$$;
CREATE FUNCTION ocop_session_finalized(session bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT status = 'finalized' FROM council_session WHERE id = session
$$;
-- Whether a dossier is the asker's to see: their producer's, in their communes, or on a
-- session of a council they sit on.
CREATE FUNCTION ocop_may_see_dossier(dossier bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM dossier d JOIN product p ON p.id = d.product_id
        WHERE d.id = dossier AND (
            p.producer_id = (SELECT producer_id FROM app_user WHERE login = session_user)
            OR EXISTS (SELECT 1 FROM app_user_commune c WHERE c.login = session_user AND c.commune_id = p.commune_id)
            OR EXISTS (SELECT 1 FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id
                       JOIN council_member m ON m.council_id = s.council_id
                       WHERE sd.dossier_id = d.id AND m.person_id = (SELECT person_id FROM app_user WHERE login = session_user))))
$$;

-- Everything belongs to the owner; migrations run as it from now on.
GRANT CREATE, USAGE ON SCHEMA public TO ocop_owner;
DO $$
DECLARE
    item record;
BEGIN
    FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO ocop_owner', item.tablename);
    END LOOP;
    FOR item IN SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() LOOP
        EXECUTE format('ALTER SEQUENCE %I OWNER TO ocop_owner', item.sequencename);
    END LOOP;
    FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind = 'f'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO ocop_owner', item.signature);
    END LOOP;
END
$$;
-- Triggers that write on another table act as the owner, whoever fired them.
ALTER FUNCTION dossier_transition_result() SECURITY DEFINER SET search_path = public, pg_temp;

-- Grants: nothing by default; each role what its work needs. Staff read everything (row rules
-- below narrow it) and write what is not append-only; nobody but the owner deletes or truncates.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ocop_secretariat, ocop_ministry, ocop_council, ocop_commune, ocop_producer, ocop_public;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ocop_secretariat, ocop_ministry;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ocop_secretariat, ocop_ministry, ocop_council, ocop_commune;
GRANT DELETE ON score_draft TO ocop_secretariat, ocop_ministry, ocop_council;
REVOKE INSERT, UPDATE ON schema_migration, audit_chain FROM ocop_secretariat, ocop_ministry;
REVOKE INSERT, UPDATE ON app_user, app_user_commune FROM ocop_secretariat, ocop_ministry;
DO $$
DECLARE
    chain record;
BEGIN
    FOR chain IN SELECT name FROM audit_chain LOOP
        IF chain.name <> 'star_recognition' THEN
            EXECUTE format('REVOKE UPDATE ON %I FROM ocop_secretariat, ocop_ministry', chain.name);
        END IF;
    END LOOP;
END
$$;
-- A certificate's later facts (supersession, extension, revocation) are its only updates.
REVOKE UPDATE ON star_recognition FROM ocop_secretariat, ocop_ministry;
GRANT UPDATE (superseded_on, superseded_by, extended_until, revoked_at, revocation_reason) ON star_recognition TO ocop_secretariat, ocop_ministry;

-- Council members: read the council's work, write their own sheets and drafts; the chair's and
-- the secretary's acts are checked by the row rules.
GRANT SELECT ON province, commune, producer, product, dossier, dossier_event, rubric_version, rubric_set_snapshot, person,
    council, council_member, council_session, council_session_serial, session_attendance, session_dossier, recusal,
    score_sheet, score_answer, score_draft, council_override, council_result, council_knockout, session_deferral,
    evaluation_round, star_recognition, decision, decision_entry, audit_chain, schema_migration TO ocop_council;
GRANT INSERT ON score_sheet, score_answer, score_draft, council_override, council_knockout, council_result, dossier_event,
    session_deferral, recusal, session_attendance TO ocop_council;
GRANT UPDATE ON score_draft, council_knockout, recusal, session_attendance TO ocop_council;
GRANT UPDATE (status, updated_at) ON dossier TO ocop_council;
GRANT UPDATE (status, finalized_at, finalized_by, convened_on, convened_place, convened_reason) ON council_session TO ocop_council;

-- Commune officers: their communes' producers, products and dossiers, through the commune steps.
GRANT SELECT ON province, commune, producer, product, dossier, dossier_event, rubric_version, rubric_set_snapshot, person,
    evaluation_round, star_recognition, audit_chain, schema_migration, dossier_serial TO ocop_commune;
-- Where a dossier stands (its session, deferral, decision, revocation), as the producer sees it.
GRANT SELECT ON council, council_session, session_dossier, session_deferral, decision, decision_entry,
    certificate_revocation TO ocop_commune;
GRANT SELECT (session_id, dossier_id, stars, outcome, recognised, proposed_central, disqualified, finalized_at) ON council_result TO ocop_commune;
GRANT INSERT ON dossier, dossier_event, dossier_serial TO ocop_commune;
GRANT UPDATE ON dossier_serial TO ocop_commune;
GRANT UPDATE (status, returned_from, missing, updated_at) ON dossier TO ocop_commune;

-- Producers: their own record, dossiers, events and certificates; a result's stars, never a
-- member's score (no sheets, and only these columns of a result).
GRANT SELECT ON province, commune, producer, product, dossier, dossier_event, person, evaluation_round, star_recognition,
    decision, decision_entry, council_session, council, session_dossier, session_deferral, certificate_revocation,
    audit_chain, schema_migration TO ocop_producer;
GRANT SELECT (session_id, dossier_id, stars, outcome, recognised, proposed_central, disqualified, finalized_at) ON council_result TO ocop_producer;

-- The public: certificate status only.
CREATE VIEW certificate_status WITH (security_barrier) AS
    SELECT s.certificate_no, pr.name AS product_name, pr.code AS product_code, p.name AS producer_name, s.stars,
           s.decision_no, s.decision_date AS issued_on, s.valid_until, s.superseded_on, s.revoked_at AS revoked_on
    FROM star_recognition s JOIN product pr ON pr.id = s.product_id JOIN producer p ON p.id = pr.producer_id
    WHERE s.certificate_no IS NOT NULL;
ALTER VIEW certificate_status OWNER TO ocop_owner;
GRANT SELECT ON certificate_status TO ocop_public, ocop_producer, ocop_commune, ocop_council, ocop_secretariat, ocop_ministry;
GRANT SELECT ON schema_migration TO ocop_public;

-- Row rules. Staff (secretariat, ministry) see and write every row; the row rules narrow the others.
ALTER TABLE producer ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON producer USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON producer FOR SELECT USING (
    ocop_is('ocop_council') OR id = ocop_producer() OR ocop_in_commune(commune_id));

ALTER TABLE product ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON product USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON product FOR SELECT USING (
    ocop_is('ocop_council') OR producer_id = ocop_producer() OR ocop_in_commune(commune_id));

ALTER TABLE dossier ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON dossier USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON dossier FOR SELECT USING (ocop_may_see_dossier(id));
-- A commune files dossiers of its communes and moves them only through the commune steps.
CREATE POLICY commune_files ON dossier FOR INSERT WITH CHECK (
    ocop_is('ocop_commune') AND status = 'submitted'
    AND EXISTS (SELECT 1 FROM product p WHERE p.id = product_id AND ocop_in_commune(p.commune_id)));
CREATE POLICY commune_steps ON dossier FOR UPDATE
    USING (ocop_is('ocop_commune') AND status IN ('submitted', 'commune_review') AND ocop_may_see_dossier(id))
    WITH CHECK (status IN ('commune_review', 'provincial_review', 'returned'));
-- The council's chair or secretary records the council's outcome on its dossiers.
CREATE POLICY council_outcome ON dossier FOR UPDATE
    USING (status = 'council_scheduled' AND EXISTS (
        SELECT 1 FROM session_dossier sd WHERE sd.dossier_id = id AND ocop_council_role(sd.session_id) IN ('chair', 'vice_chair', 'secretary')))
    WITH CHECK (status IN ('awaiting_decision', 'proposed_central', 'not_recognised'));

ALTER TABLE dossier_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON dossier_event USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON dossier_event FOR SELECT USING (ocop_may_see_dossier(dossier_id));
CREATE POLICY own_act ON dossier_event FOR INSERT WITH CHECK (actor = ocop_person_code() AND ocop_may_see_dossier(dossier_id));

ALTER TABLE score_sheet ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON score_sheet USING (ocop_staff()) WITH CHECK (ocop_staff());
-- A member reads their own sheets; the others' as the council's policy allows (default: once the
-- session is finalized); the chair, vice-chairs and secretary, who run the session, at any time.
CREATE POLICY member_reads ON score_sheet FOR SELECT USING (
    person_id = ocop_person() OR entered_by = ocop_person_code()
    OR (ocop_council_role(session_id) IS NOT NULL
        AND (ocop_sheets_open(session_id) OR ocop_council_role(session_id) IN ('chair', 'vice_chair', 'secretary'))));
-- A member submits only their own sheet; the secretary transcribes paper sheets.
CREATE POLICY member_submits ON score_sheet FOR INSERT WITH CHECK (
    ocop_council_role(session_id) IS NOT NULL AND NOT ocop_session_finalized(session_id)
    AND ((person_id = ocop_person() AND entered_by IS NULL)
         OR (entered_by = ocop_person_code() AND ocop_council_role(session_id) = 'secretary')));

ALTER TABLE score_answer ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON score_answer USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY with_sheet ON score_answer FOR SELECT USING (EXISTS (SELECT 1 FROM score_sheet s WHERE s.id = sheet_id));
CREATE POLICY with_own_sheet ON score_answer FOR INSERT WITH CHECK (EXISTS (
    SELECT 1 FROM score_sheet s WHERE s.id = sheet_id AND (s.person_id = ocop_person() OR s.entered_by = ocop_person_code())));

ALTER TABLE score_draft ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON score_draft USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY own ON score_draft USING (person_id = ocop_person()) WITH CHECK (person_id = ocop_person());

ALTER TABLE council_result ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON council_result USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY member_reads ON council_result FOR SELECT USING (
    ocop_council_role(session_id) IS NOT NULL OR ocop_may_see_dossier(dossier_id));
CREATE POLICY finalizes ON council_result FOR INSERT WITH CHECK (ocop_council_role(session_id) IN ('chair', 'vice_chair', 'secretary'));

ALTER TABLE council_override ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON council_override USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY member_reads ON council_override FOR SELECT USING (ocop_council_role(session_id) IS NOT NULL);
-- Only the chair (or the presiding vice-chair) overrides a flag, in their own name.
CREATE POLICY chair_overrides ON council_override FOR INSERT WITH CHECK (
    chair_id = ocop_person() AND ocop_council_role(session_id) IN ('chair', 'vice_chair'));

ALTER TABLE council_knockout ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON council_knockout USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY member_reads ON council_knockout FOR SELECT USING (ocop_council_role(session_id) IS NOT NULL);
CREATE POLICY chair_decides ON council_knockout FOR INSERT WITH CHECK (ocop_council_role(session_id) IN ('chair', 'vice_chair', 'secretary'));
CREATE POLICY chair_withdraws ON council_knockout FOR UPDATE USING (ocop_council_role(session_id) IN ('chair', 'vice_chair', 'secretary'));

-- Decisions: the province recognises 3★/4★, the Ministry 5★ (QĐ 26/2026 Art. 7).
ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
CREATE POLICY reads ON decision FOR SELECT USING (true);
CREATE POLICY province_decides ON decision FOR INSERT WITH CHECK (ocop_is('ocop_secretariat') AND issuer_code <> 'BNNMT');
CREATE POLICY ministry_decides ON decision FOR INSERT WITH CHECK (ocop_is('ocop_ministry') AND issuer_code = 'BNNMT');

ALTER TABLE star_recognition ENABLE ROW LEVEL SECURITY;
CREATE POLICY reads ON star_recognition FOR SELECT USING (
    ocop_staff() OR ocop_is('ocop_council') OR ocop_is('ocop_commune')
    OR EXISTS (SELECT 1 FROM product p WHERE p.id = product_id AND p.producer_id = ocop_producer()));
CREATE POLICY province_recognises ON star_recognition FOR INSERT WITH CHECK (ocop_is('ocop_secretariat') AND stars < 5);
CREATE POLICY ministry_recognises ON star_recognition FOR INSERT WITH CHECK (ocop_is('ocop_ministry') AND stars = 5);
CREATE POLICY later_facts ON star_recognition FOR UPDATE USING (ocop_staff()) WITH CHECK (ocop_staff());

ALTER TABLE session_deferral ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON session_deferral USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY reads ON session_deferral FOR SELECT USING (ocop_council_role(session_id) IS NOT NULL OR ocop_may_see_dossier(dossier_id));
CREATE POLICY council_defers ON session_deferral FOR INSERT WITH CHECK (ocop_council_role(session_id) IN ('chair', 'vice_chair', 'secretary'));
