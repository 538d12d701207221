-- The chains' heads are written once per statement, not once per row (docs/audit.md).
--
-- 0009 updated a table's audit_chain row for every inserted row. Within one transaction each
-- update leaves a row version that later lookups of the same row walk past, so a session's
-- import (tens of thousands of answers in one statement) grew quadratically: 32,000 answers
-- took 35 s. Now the row trigger keeps the running head in a transaction-local setting
-- (`ocop.chain.<table>`: "seq:head-hex"), taken from audit_chain under its row lock the first
-- time in the transaction, and a statement trigger writes it back. Savepoints roll the setting
-- back with the rows; the row lock still serialises concurrent writers of one table.
CREATE OR REPLACE FUNCTION ocop_chain_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC' AS $$
DECLARE
    key text := 'ocop.chain.' || TG_TABLE_NAME;
    running text := current_setting(key, true);
    seq bigint;
    head bytea;
BEGIN
    IF running IS NULL OR running = '' THEN
        SELECT c.seq, c.head INTO seq, head FROM audit_chain c WHERE c.name = TG_TABLE_NAME FOR UPDATE;
    ELSE
        seq := split_part(running, ':', 1)::bigint;
        head := decode(split_part(running, ':', 2), 'hex');
    END IF;
    NEW.chain_seq := seq + 1;
    NEW.chain_hash := NULL;
    NEW.chain_hash := sha256(head || convert_to(ocop_chain_payload(TG_TABLE_NAME, to_jsonb(NEW)), 'UTF8'));
    PERFORM set_config(key, NEW.chain_seq::text || ':' || encode(NEW.chain_hash, 'hex'), true);
    RETURN NEW;
END
$$;

CREATE FUNCTION ocop_chain_flush() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    running text := current_setting('ocop.chain.' || TG_TABLE_NAME, true);
BEGIN
    IF running IS NOT NULL AND running <> '' THEN
        UPDATE audit_chain SET seq = split_part(running, ':', 1)::bigint, head = decode(split_part(running, ':', 2), 'hex')
        WHERE name = TG_TABLE_NAME
          AND (seq, head) IS DISTINCT FROM (split_part(running, ':', 1)::bigint, decode(split_part(running, ':', 2), 'hex'));
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    chain record;
BEGIN
    FOR chain IN SELECT name FROM audit_chain ORDER BY name LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I FOR EACH STATEMENT EXECUTE FUNCTION ocop_chain_flush()',
                       chain.name || '_chain_flush', chain.name);
    END LOOP;
END
$$;
