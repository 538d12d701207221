-- The tables of printing (0007) and after recognition (0008) under the roles of 0010 and the
-- audit chains of 0009 (docs/roles.md, docs/audit.md). Runs as ocop_owner.

-- Chained and append-only, like the facts of 0009: listings (their end is a later fact outside
-- the hash), the marks on the shelf, upgrade claims, self-assessments, annual targets, issuer
-- keys (retirement is a later fact) and certificates' status-list indexes.
INSERT INTO audit_chain (name, excluded) VALUES
    ('product_listing', '{ended_on,end_reason,ended_at,ended_by,period}'),
    ('listing_mark', '{}'),
    ('upgrade_claim', '{}'),
    ('self_assessment', '{}'),
    ('self_assessment_answer', '{}'),
    ('annual_target', '{}'),
    ('issuer_key', '{retired_on}'),
    ('certificate_status_entry', '{}');

DO $$
DECLARE
    chain record;
    item record;
    previous bytea;
    n bigint;
BEGIN
    FOR chain IN SELECT name FROM audit_chain WHERE name IN ('product_listing', 'listing_mark', 'upgrade_claim', 'self_assessment',
                 'self_assessment_answer', 'annual_target', 'issuer_key', 'certificate_status_entry') ORDER BY name LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN chain_seq bigint, ADD COLUMN chain_hash bytea', chain.name);
        previous := ''::bytea;
        n := 0;
        FOR item IN EXECUTE format('SELECT ctid AS row_id, to_jsonb(t) AS data FROM %I t ORDER BY %s', chain.name,
            CASE chain.name
                WHEN 'listing_mark' THEN 'listing_id, since'
                WHEN 'upgrade_claim' THEN 'dossier_id, position'
                WHEN 'self_assessment_answer' THEN 'assessment_id, criterion'
                WHEN 'annual_target' THEN 'province_id, year, revision'
                WHEN 'issuer_key' THEN 'created_at, kid'
                WHEN 'certificate_status_entry' THEN 'certificate_id'
                ELSE 'id'
            END) LOOP
            n := n + 1;
            previous := sha256(previous || convert_to(ocop_chain_payload(chain.name, item.data - 'chain_seq' - 'chain_hash'), 'UTF8'));
            EXECUTE format('UPDATE %I SET chain_seq = $1, chain_hash = $2 WHERE ctid = $3', chain.name) USING n, previous, item.row_id;
        END LOOP;
        UPDATE audit_chain SET seq = n, head = previous WHERE name = chain.name;
        EXECUTE format('ALTER TABLE %I ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN chain_hash SET NOT NULL', chain.name);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I UNIQUE (chain_seq)', chain.name, chain.name || '_chain_seq_key');
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION ocop_chain_row()',
                       chain.name || '_chain', chain.name);
        -- 0008's own guard gives way to the chain's (which also refuses TRUNCATE).
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', chain.name || '_append_only', chain.name);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION ocop_append_only()',
                       chain.name || '_append_only', chain.name);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION ocop_append_only()',
                       chain.name || '_no_truncate', chain.name);
    END LOOP;
END
$$;
DROP FUNCTION after_recognition_append_only();

-- Staff: as for every table (0010), and only the later facts are updatable.
GRANT SELECT, INSERT ON outlet, product_listing, listing_mark, upgrade_claim, self_assessment, self_assessment_answer,
    annual_target, issuer_key, status_list_counter, certificate_status_entry TO ocop_secretariat, ocop_ministry;
GRANT UPDATE ON outlet, status_list_counter TO ocop_secretariat, ocop_ministry;
REVOKE UPDATE ON product_listing, listing_mark, upgrade_claim, self_assessment, self_assessment_answer, annual_target,
    issuer_key, certificate_status_entry FROM ocop_secretariat, ocop_ministry;
GRANT UPDATE (ended_on, end_reason, ended_at, ended_by) ON product_listing TO ocop_secretariat, ocop_ministry;
GRANT UPDATE (retired_on) ON issuer_key TO ocop_secretariat, ocop_ministry;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ocop_secretariat, ocop_ministry;

-- Where a product is sold, what an upgrade claims and what the producer assessed: evidence the
-- council reads while scoring, the commune for its communes, the producer for their own.
GRANT SELECT ON outlet, product_listing, listing_mark, upgrade_claim, self_assessment, self_assessment_answer
    TO ocop_council, ocop_commune, ocop_producer;
GRANT SELECT ON annual_target TO ocop_commune;
-- Offline verification needs the issuers' public keys and a certificate's status-list index.
GRANT SELECT ON issuer_key, certificate_status_entry TO ocop_public, ocop_producer, ocop_commune, ocop_council;

CREATE FUNCTION ocop_may_see_product(product bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM product p
        WHERE p.id = product AND (
            p.producer_id = (SELECT producer_id FROM app_user WHERE login = session_user)
            OR EXISTS (SELECT 1 FROM app_user_commune c WHERE c.login = session_user AND c.commune_id = p.commune_id)))
$$;

ALTER TABLE product_listing ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON product_listing USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON product_listing FOR SELECT USING (ocop_is('ocop_council') OR ocop_may_see_product(product_id));

ALTER TABLE listing_mark ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON listing_mark USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON listing_mark FOR SELECT USING (ocop_is('ocop_council') OR ocop_may_see_product(product_id));

ALTER TABLE upgrade_claim ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON upgrade_claim USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON upgrade_claim FOR SELECT USING (ocop_may_see_dossier(dossier_id));

ALTER TABLE self_assessment ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON self_assessment USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON self_assessment FOR SELECT USING (ocop_may_see_dossier(dossier_id));

ALTER TABLE self_assessment_answer ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON self_assessment_answer USING (ocop_staff()) WITH CHECK (ocop_staff());
CREATE POLICY scoped ON self_assessment_answer FOR SELECT USING (EXISTS (SELECT 1 FROM self_assessment s WHERE s.id = assessment_id));
