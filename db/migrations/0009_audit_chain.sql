-- A record nobody can rewrite unnoticed (docs/audit.md).
--
-- The facts a decision rests on — dossier events, score sheets and their answers, council
-- results, decisions and their annexes, certificates, inspections and revocations — are
-- append-only, and every row carries a SHA-256 chained to the row before it in its table:
--   chain_hash(n) = SHA-256(chain_hash(n-1) || payload(n)),   chain_hash(0) = empty
-- where payload is the row as canonical JSON text (jsonb: keys sorted, timestamps in UTC)
-- without the chain columns and without the columns a later fact may fill in (a
-- certificate's supersession, extension or revocation, generated columns). `ocop audit
-- verify` recomputes every chain outside the database and names the first broken row;
-- `ocop audit head` prints one hash over all chain heads, which minutes and decisions print,
-- so even someone who rewrites a whole chain is caught against paper.

CREATE TABLE audit_chain (
    name      text PRIMARY KEY,
    -- Columns outside the hash: filled in by later facts, or generated.
    excluded  text[] NOT NULL DEFAULT '{}',
    seq       bigint NOT NULL DEFAULT 0 CHECK (seq >= 0),
    head      bytea NOT NULL DEFAULT ''::bytea
);

INSERT INTO audit_chain (name, excluded) VALUES
    ('dossier_event', '{}'),
    ('score_sheet', '{}'),
    ('score_answer', '{}'),
    ('council_result', '{}'),
    ('decision', '{issuer}'),
    ('decision_entry', '{}'),
    ('star_recognition', '{in_force,superseded_on,superseded_by,extended_until,revoked_at,revocation_reason}'),
    ('post_audit', '{}'),
    ('post_audit_finding', '{}'),
    ('certificate_revocation', '{}');

-- The canonical text of a row. TimeZone is fixed so the text is the same whoever inserts and
-- whoever verifies.
CREATE FUNCTION ocop_chain_payload(chain text, row_data jsonb) RETURNS text
    LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
    SELECT (row_data - 'chain_seq' - 'chain_hash' - coalesce((SELECT excluded FROM audit_chain WHERE name = chain), '{}'::text[]))::text
$$;

-- Appends the row to its table's chain. The head row's lock serialises concurrent inserts into
-- one table (each chain is a sequence); it is released at commit, and a rolled-back insert
-- leaves the head as it was.
CREATE FUNCTION ocop_chain_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    previous audit_chain%ROWTYPE;
BEGIN
    SELECT * INTO previous FROM audit_chain WHERE name = TG_TABLE_NAME FOR UPDATE;
    NEW.chain_seq := previous.seq + 1;
    NEW.chain_hash := NULL;
    NEW.chain_hash := sha256(previous.head || convert_to(ocop_chain_payload(TG_TABLE_NAME, to_jsonb(NEW)), 'UTF8'));
    UPDATE audit_chain SET seq = NEW.chain_seq, head = NEW.chain_hash WHERE name = TG_TABLE_NAME;
    RETURN NEW;
END
$$;

-- No UPDATE of a chained row's hashed content, no DELETE, no TRUNCATE. (A certificate's later
-- facts — supersession, extension, revocation — stay updatable; star_recognition_guard keeps
-- them write-once.)
CREATE FUNCTION ocop_append_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp SET timezone = 'UTC' AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION '% is append-only: rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';
    END IF;
    IF NEW.chain_seq IS DISTINCT FROM OLD.chain_seq OR NEW.chain_hash IS DISTINCT FROM OLD.chain_hash
       OR ocop_chain_payload(TG_TABLE_NAME, to_jsonb(NEW)) IS DISTINCT FROM ocop_chain_payload(TG_TABLE_NAME, to_jsonb(OLD)) THEN
        RAISE EXCEPTION '% is append-only: recorded rows are never changed', TG_TABLE_NAME USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;

-- Chain what is already recorded, in the order it was recorded, then guard every table.
DO $$
DECLARE
    chain record;
    item record;
    previous bytea;
    n bigint;
BEGIN
    FOR chain IN SELECT name FROM audit_chain ORDER BY name LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN chain_seq bigint, ADD COLUMN chain_hash bytea', chain.name);
        previous := ''::bytea;
        n := 0;
        FOR item IN EXECUTE format('SELECT ctid AS row_id, to_jsonb(t) AS data FROM %I t ORDER BY %s', chain.name,
            CASE chain.name
                WHEN 'score_answer' THEN 'sheet_id, criterion'
                WHEN 'council_result' THEN 'session_id, dossier_id'
                WHEN 'decision_entry' THEN 'decision_id, position'
                WHEN 'post_audit_finding' THEN 'audit_id, position'
                WHEN 'certificate_revocation' THEN 'certificate_id'
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
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION ocop_append_only()',
                       chain.name || '_append_only', chain.name);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION ocop_append_only()',
                       chain.name || '_no_truncate', chain.name);
    END LOOP;
END
$$;
