-- Row-level security and the audit chains, priced per query rather than per row (issue 7's
-- benchmarks: a province's round of 2,000 dossiers × 9 members; docs/roles.md, docs/audit.md).
--
-- 1. A policy's expression is evaluated for every row the query touches. The asker's identity and
--    roles (ocop_staff, ocop_is, ocop_person, ocop_person_code, ocop_producer) are the same for
--    the whole query: written as scalar subqueries they become init plans, run once per query.
--    Reading a round's 576,000 answers as the office went from 2.7 s to 0.3 s.
-- 2. Permissive policies are OR-ed in an order PostgreSQL does not promise, so a policy that
--    runs a per-row test (ocop_council_role, ocop_may_see_dossier, a subquery) starts with the
--    once-per-query staff test: for the office, which sees everything anyway, the per-row part
--    never runs. What each role may do is unchanged; RoleTests pins it.
-- 3. The chain's row trigger computes the payload inline (ocop_chain_payload(jsonb, text[]) is a
--    plain SQL function the planner inlines) and keeps the table's excluded columns in its
--    transaction-local running head, instead of a non-inlinable function call and a lookup of
--    audit_chain per row; the keys leave the row in one pass instead of three (each pass copies
--    the whole value: a council result's typed detail is ~5 kB). The payload — and so every
--    stored hash — is byte for byte the same. 320,000 answers: 14.6 s → 9.8 s; 2,000 council
--    results: 0.38 s → 0.19 s.

-- 1 and 2: the policies.
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT tablename FROM pg_policies WHERE schemaname = 'public' AND policyname = 'staff' LOOP
        EXECUTE format('ALTER POLICY staff ON %I USING ((SELECT ocop_staff())) WITH CHECK ((SELECT ocop_staff()))', p.tablename);
    END LOOP;
END
$$;

ALTER POLICY chair_decides ON council_knockout WITH CHECK (
    ocop_council_role(session_id) = ANY (ARRAY['chair', 'vice_chair', 'secretary']));
ALTER POLICY member_reads ON council_knockout USING ((SELECT ocop_staff()) OR ocop_council_role(session_id) IS NOT NULL);
ALTER POLICY chair_overrides ON council_override WITH CHECK (
    chair_id = (SELECT ocop_person()) AND ocop_council_role(session_id) = ANY (ARRAY['chair', 'vice_chair']));
ALTER POLICY member_reads ON council_override USING ((SELECT ocop_staff()) OR ocop_council_role(session_id) IS NOT NULL);
ALTER POLICY member_reads ON council_result USING (
    (SELECT ocop_staff()) OR ocop_council_role(session_id) IS NOT NULL OR ocop_may_see_dossier(dossier_id));

ALTER POLICY ministry_decides ON decision WITH CHECK ((SELECT ocop_is('ocop_ministry')) AND issuer_code = 'BNNMT');
ALTER POLICY province_decides ON decision WITH CHECK ((SELECT ocop_is('ocop_secretariat')) AND issuer_code <> 'BNNMT');

ALTER POLICY commune_files ON dossier WITH CHECK (
    (SELECT ocop_is('ocop_commune')) AND status = 'submitted'
    AND EXISTS (SELECT 1 FROM product p WHERE p.id = dossier.product_id AND ocop_in_commune(p.commune_id)));
ALTER POLICY commune_steps ON dossier USING (
    (SELECT ocop_is('ocop_commune')) AND status IN ('submitted', 'commune_review') AND ocop_may_see_dossier(id));
ALTER POLICY scoped ON dossier USING ((SELECT ocop_staff()) OR ocop_may_see_dossier(id));
ALTER POLICY own_act ON dossier_event WITH CHECK (actor = (SELECT ocop_person_code()) AND ocop_may_see_dossier(dossier_id));
ALTER POLICY scoped ON dossier_event USING ((SELECT ocop_staff()) OR ocop_may_see_dossier(dossier_id));

ALTER POLICY scoped ON listing_mark USING (
    (SELECT ocop_staff()) OR (SELECT ocop_is('ocop_council')) OR ocop_may_see_product(product_id));
ALTER POLICY scoped ON product_listing USING (
    (SELECT ocop_staff()) OR (SELECT ocop_is('ocop_council')) OR ocop_may_see_product(product_id));
ALTER POLICY scoped ON producer USING (
    (SELECT ocop_staff()) OR (SELECT ocop_is('ocop_council')) OR id = (SELECT ocop_producer()) OR ocop_in_commune(commune_id));
ALTER POLICY scoped ON product USING (
    (SELECT ocop_staff()) OR (SELECT ocop_is('ocop_council')) OR producer_id = (SELECT ocop_producer()) OR ocop_in_commune(commune_id));

ALTER POLICY with_own_sheet ON score_answer WITH CHECK ((SELECT ocop_staff()) OR EXISTS (
    SELECT 1 FROM score_sheet s
    WHERE s.id = score_answer.sheet_id AND (s.person_id = (SELECT ocop_person()) OR s.entered_by = (SELECT ocop_person_code()))));
ALTER POLICY with_sheet ON score_answer USING ((SELECT ocop_staff()) OR EXISTS (SELECT 1 FROM score_sheet s WHERE s.id = score_answer.sheet_id));
ALTER POLICY own ON score_draft USING (person_id = (SELECT ocop_person())) WITH CHECK (person_id = (SELECT ocop_person()));
ALTER POLICY member_reads ON score_sheet USING (
    (SELECT ocop_staff()) OR person_id = (SELECT ocop_person()) OR entered_by = (SELECT ocop_person_code())
    OR (ocop_council_role(session_id) IS NOT NULL
        AND (ocop_sheets_open(session_id) OR ocop_council_role(session_id) IN ('chair', 'vice_chair', 'secretary'))));
ALTER POLICY member_submits ON score_sheet WITH CHECK (
    (SELECT ocop_staff())
    OR (ocop_council_role(session_id) IS NOT NULL AND NOT ocop_session_finalized(session_id)
        AND ((person_id = (SELECT ocop_person()) AND entered_by IS NULL)
             OR (entered_by = (SELECT ocop_person_code()) AND ocop_council_role(session_id) = 'secretary'))));

ALTER POLICY scoped ON self_assessment USING ((SELECT ocop_staff()) OR ocop_may_see_dossier(dossier_id));
ALTER POLICY scoped ON self_assessment_answer USING (
    (SELECT ocop_staff()) OR EXISTS (SELECT 1 FROM self_assessment s WHERE s.id = self_assessment_answer.assessment_id));
ALTER POLICY reads ON session_deferral USING (
    (SELECT ocop_staff()) OR ocop_council_role(session_id) IS NOT NULL OR ocop_may_see_dossier(dossier_id));
ALTER POLICY ministry_recognises ON star_recognition WITH CHECK ((SELECT ocop_is('ocop_ministry')) AND stars = 5);
ALTER POLICY province_recognises ON star_recognition WITH CHECK ((SELECT ocop_is('ocop_secretariat')) AND stars < 5);
ALTER POLICY later_facts ON star_recognition USING ((SELECT ocop_staff())) WITH CHECK ((SELECT ocop_staff()));
ALTER POLICY reads ON star_recognition USING (
    (SELECT ocop_staff()) OR (SELECT ocop_is('ocop_council')) OR (SELECT ocop_is('ocop_commune'))
    OR EXISTS (SELECT 1 FROM product p WHERE p.id = star_recognition.product_id AND p.producer_id = (SELECT ocop_producer())));
ALTER POLICY scoped ON upgrade_claim USING ((SELECT ocop_staff()) OR ocop_may_see_dossier(dossier_id));

-- 3. The chain: one payload rule, inlinable; the two-argument form (audit verify, the guards)
-- looks up the table's excluded columns and calls it.
CREATE FUNCTION ocop_chain_payload(row_data jsonb, excluded text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT (row_data - ('{chain_seq,chain_hash}'::text[] || excluded))::text
$$;

CREATE OR REPLACE FUNCTION ocop_chain_payload(chain text, row_data jsonb) RETURNS text
    LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
    SELECT ocop_chain_payload(row_data, coalesce((SELECT excluded FROM audit_chain WHERE name = chain), '{}'::text[]))
$$;

-- The running head is "seq:head-hex:excluded" (an array literal; column names hold no colon).
CREATE OR REPLACE FUNCTION ocop_chain_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    key text := 'ocop.chain.' || TG_TABLE_NAME;
    running text := current_setting(key, true);
    seq bigint;
    head bytea;
    excluded text[];
BEGIN
    IF running IS NULL OR running = '' THEN
        SELECT c.seq, c.head, c.excluded INTO seq, head, excluded FROM audit_chain c WHERE c.name = TG_TABLE_NAME FOR UPDATE;
    ELSE
        seq := split_part(running, ':', 1)::bigint;
        head := decode(split_part(running, ':', 2), 'hex');
        excluded := split_part(running, ':', 3)::text[];
    END IF;
    NEW.chain_seq := seq + 1;
    NEW.chain_hash := NULL;
    NEW.chain_hash := sha256(head || convert_to(ocop_chain_payload(to_jsonb(NEW), excluded), 'UTF8'));
    PERFORM set_config(key, NEW.chain_seq::text || ':' || encode(NEW.chain_hash, 'hex') || ':' || excluded::text, true);
    RETURN NEW;
END
$$;
