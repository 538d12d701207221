-- Verifiable certificates (docs/credentials.md, docs/printing.md).
--
-- issuer_key holds the public half of each issuing authority's Ed25519 signing keys, which the
-- trust list is exported from; the private key never enters the database (a 0600 file under
-- $OCOP_HOME/keys). certificate_status_entry gives each printed certificate its bit in its
-- issuer's W3C Bitstring Status List, once and for good: a reprint carries the same index, and
-- the list published on a day sets the bits of the certificates revoked or superseded by then.

CREATE TABLE issuer_key (
    kid          text PRIMARY KEY,
    issuer_code  text NOT NULL,
    public_key   text NOT NULL,
    valid_from   date NOT NULL,
    valid_until  date,
    retired_on   date,
    created_on   date NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT ocop_now(),
    created_by   text NOT NULL,
    CONSTRAINT issuer_key_issuer_code_check CHECK (issuer_code = 'BNNMT' OR issuer_code ~ '^[0-9]{2}$'),
    -- kid = issuer code + "-" + Base32 of the first 5 bytes of SHA-256 of the key (credentials.md §5).
    CONSTRAINT issuer_key_kid_check CHECK (left(kid, length(issuer_code) + 1) = issuer_code || '-' AND kid ~ '^[A-Z0-9]{1,8}-[A-Z2-7]{8}$'),
    -- 32 bytes in base64url without padding.
    CONSTRAINT issuer_key_public_key_check CHECK (public_key ~ '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$'),
    CONSTRAINT issuer_key_public_key_key UNIQUE (public_key),
    CONSTRAINT issuer_key_window_check CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

-- The next free index of each issuer's list (the row lock serialises concurrent prints).
CREATE TABLE status_list_counter (
    issuer_code  text PRIMARY KEY,
    last_index   integer NOT NULL,
    CONSTRAINT status_list_counter_last_index_check CHECK (last_index BETWEEN 0 AND 9999999)
);

CREATE TABLE certificate_status_entry (
    certificate_id  bigint PRIMARY KEY,
    issuer_code     text NOT NULL,
    status_index    integer NOT NULL,
    assigned_on     date NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT ocop_now(),
    created_by      text NOT NULL,
    CONSTRAINT certificate_status_entry_certificate_fkey FOREIGN KEY (certificate_id) REFERENCES star_recognition (id),
    CONSTRAINT certificate_status_entry_index_check CHECK (status_index BETWEEN 0 AND 9999999),
    CONSTRAINT certificate_status_entry_index_key UNIQUE (issuer_code, status_index)
);

-- An index, once printed in a QR code, is never moved or given to another certificate; the
-- issuer is the certificate's own (an emptied demo uses TRUNCATE).
CREATE FUNCTION certificate_status_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'a certificate''s status-list index is never changed' USING ERRCODE = 'P0001';
    END IF;
    IF NEW.issuer_code IS DISTINCT FROM (SELECT cert_issuer FROM star_recognition WHERE id = NEW.certificate_id) THEN
        RAISE EXCEPTION 'a certificate''s status list is its issuer''s' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER certificate_status_entry_guard BEFORE INSERT OR UPDATE OR DELETE ON certificate_status_entry
    FOR EACH ROW EXECUTE FUNCTION certificate_status_entry_guard();
