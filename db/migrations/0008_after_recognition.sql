-- After recognition: where products are sold (outlets and dated listings, with the certificate
-- whose OCOP mark each listing carries), what an upgrade dossier claims against the recognised
-- product, the producer's self-assessment (Mẫu 02 Part III), and the province's annual targets.
-- Listings, marks, claims, self-assessments and targets are facts that only grow: ending a
-- listing records its last day, a new target is a new revision, a corrected self-assessment a
-- new version. Whether a listing must withdraw the OCOP mark is never stored: it follows from the
-- certificate's status on the day asked about (CertificateFacts.status(on:)).

-- Where OCOP products are sold or shown: a supermarket (of a chain), an OCOP display and sales
-- point, an agent or shop, a trade fair, an e-commerce platform, an export market.
CREATE TABLE outlet (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,39}$'),
    kind            text NOT NULL CHECK (kind IN ('supermarket', 'ocop_point', 'agent', 'trade_fair', 'ecommerce', 'export')),
    name            text NOT NULL CHECK (btrim(name) <> ''),
    chain           text,                          -- "Aeon", "BigC/GO!", "WinMart" …
    address         text,
    country         text,                          -- ISO 3166-1 alpha-2, export markets only
    importer        text,
    note            text,
    created_at      timestamptz NOT NULL DEFAULT ocop_now(),
    created_by      text NOT NULL,
    CONSTRAINT outlet_code_key UNIQUE (code),
    CONSTRAINT outlet_export_check CHECK ((kind = 'export') = (country IS NOT NULL)),
    CONSTRAINT outlet_country_check CHECK (country ~ '^[A-Z]{2}$' AND country <> 'VN'),
    CONSTRAINT outlet_importer_check CHECK (importer IS NULL OR kind = 'export')
);

-- A listing's certificate must be one of the listed product's own certificates.
ALTER TABLE star_recognition ADD CONSTRAINT star_recognition_product_key UNIQUE (id, product_id);

-- A product sold at an outlet from `listed_on` through `ended_on` (its last day; open while NULL).
-- `ocop_mark`: sold as an OCOP product (the mark and stars on the packaging or shelf).
CREATE TABLE product_listing (
    id              bigserial PRIMARY KEY,
    product_id      bigint NOT NULL REFERENCES product (id),
    outlet_id       bigint NOT NULL REFERENCES outlet (id),
    listed_on       date NOT NULL,
    ended_on        date,
    ocop_mark       boolean NOT NULL,
    contract_no     text,                          -- the contract or order that proves it
    document        text,                          -- where the proof is filed
    end_reason      text,
    created_at      timestamptz NOT NULL DEFAULT ocop_now(),
    created_by      text NOT NULL,
    ended_at        timestamptz,
    ended_by        text,
    period          daterange GENERATED ALWAYS AS (daterange(listed_on, ended_on, '[]')) STORED,
    CONSTRAINT product_listing_product_key UNIQUE (id, product_id),
    CONSTRAINT product_listing_dates_check CHECK (ended_on IS NULL OR ended_on >= listed_on),
    CONSTRAINT product_listing_end_check CHECK ((ended_on IS NULL) = (ended_at IS NULL) AND (ended_at IS NULL) = (ended_by IS NULL)),
    -- One listing of a product at an outlet at a time.
    CONSTRAINT product_listing_no_overlap EXCLUDE USING gist (product_id WITH =, outlet_id WITH =, period WITH &&)
);
CREATE INDEX product_listing_outlet_idx ON product_listing (outlet_id);

-- The certificate whose mark a listing carries, from a day on: set when the listing is recorded
-- and again when the product's new certificate replaces the old one on the shelf.
CREATE TABLE listing_mark (
    listing_id      bigint NOT NULL,
    product_id      bigint NOT NULL,
    certificate_id  bigint NOT NULL,
    since           date NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT ocop_now(),
    recorded_by     text NOT NULL,
    PRIMARY KEY (listing_id, since),
    CONSTRAINT listing_mark_listing_fkey FOREIGN KEY (listing_id, product_id) REFERENCES product_listing (id, product_id),
    CONSTRAINT listing_mark_certificate_fkey FOREIGN KEY (certificate_id, product_id) REFERENCES star_recognition (id, product_id)
);

-- Listings only grow: the one change allowed is recording the end of an open listing.
CREATE FUNCTION product_listing_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a listing is never deleted; record its end instead' USING ERRCODE = 'P0001';
    END IF;
    IF (NEW.product_id, NEW.outlet_id, NEW.listed_on, NEW.ocop_mark, NEW.contract_no, NEW.document, NEW.created_at, NEW.created_by)
       IS DISTINCT FROM (OLD.product_id, OLD.outlet_id, OLD.listed_on, OLD.ocop_mark, OLD.contract_no, OLD.document, OLD.created_at, OLD.created_by)
       OR OLD.ended_on IS NOT NULL THEN
        RAISE EXCEPTION 'a listing''s recorded facts cannot be changed' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER product_listing_guard BEFORE UPDATE OR DELETE ON product_listing
    FOR EACH ROW EXECUTE FUNCTION product_listing_guard();

CREATE FUNCTION after_recognition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or deleted; record a new one', TG_TABLE_NAME USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER listing_mark_append_only BEFORE UPDATE OR DELETE ON listing_mark
    FOR EACH ROW EXECUTE FUNCTION after_recognition_append_only();

-- What an upgrade (or re-evaluation) dossier claims against the recognised product, per
-- criterion (Art. 7.5; Mẫu 02 "thay đổi so với sản phẩm đã được công nhận"): the option the
-- product now earns, what changed, the evidence.
CREATE TABLE upgrade_claim (
    dossier_id      bigint NOT NULL REFERENCES dossier (id),
    criterion       text NOT NULL CHECK (btrim(criterion) <> ''),
    position        smallint NOT NULL CHECK (position >= 1),
    claimed_points  smallint NOT NULL CHECK (claimed_points BETWEEN 0 AND 63),
    change          text NOT NULL CHECK (btrim(change) <> ''),
    evidence        text[] NOT NULL DEFAULT '{}',
    recorded_at     timestamptz NOT NULL DEFAULT ocop_now(),
    recorded_by     text NOT NULL,
    PRIMARY KEY (dossier_id, criterion),
    CONSTRAINT upgrade_claim_position_key UNIQUE (dossier_id, position)
);
CREATE TRIGGER upgrade_claim_append_only BEFORE UPDATE OR DELETE ON upgrade_claim
    FOR EACH ROW EXECUTE FUNCTION after_recognition_append_only();

-- The producer's self-assessment on the scoring sheet (Mẫu 02 Part III), against the dossier's
-- frozen rubric. A correction is a new version.
CREATE TABLE self_assessment (
    id              bigserial PRIMARY KEY,
    dossier_id      bigint NOT NULL REFERENCES dossier (id),
    version         smallint NOT NULL CHECK (version >= 1),
    rubric_version  text NOT NULL REFERENCES rubric_version (id),
    rubric_hash     text NOT NULL REFERENCES rubric_set_snapshot (content_hash),
    total           smallint NOT NULL CHECK (total BETWEEN 0 AND 100),
    source          text,                          -- the file it came from
    submitted_at    timestamptz NOT NULL DEFAULT ocop_now(),
    submitted_by    text NOT NULL,
    CONSTRAINT self_assessment_version_key UNIQUE (dossier_id, version)
);

CREATE TABLE self_assessment_answer (
    assessment_id   bigint NOT NULL REFERENCES self_assessment (id),
    criterion       text NOT NULL,
    points          smallint NOT NULL CHECK (points BETWEEN 0 AND 63),
    variant         smallint CHECK (variant IN (1, 2)),
    PRIMARY KEY (assessment_id, criterion)
);
CREATE TRIGGER self_assessment_append_only BEFORE UPDATE OR DELETE ON self_assessment
    FOR EACH ROW EXECUTE FUNCTION after_recognition_append_only();
CREATE TRIGGER self_assessment_answer_append_only BEFORE UPDATE OR DELETE ON self_assessment_answer
    FOR EACH ROW EXECUTE FUNCTION after_recognition_append_only();

-- A province's annual target (chỉ tiêu kế hoạch): at least `products` new products recognised
-- at 3★ or more in `year`. A changed target is a new revision; the latest counts.
CREATE TABLE annual_target (
    province_id     integer NOT NULL REFERENCES province (id),
    year            integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
    revision        smallint NOT NULL CHECK (revision >= 1),
    products        integer NOT NULL CHECK (products BETWEEN 1 AND 100000),
    basis           text,                          -- the plan or resolution that sets it
    note            text,
    recorded_at     timestamptz NOT NULL DEFAULT ocop_now(),
    recorded_by     text NOT NULL,
    PRIMARY KEY (province_id, year, revision)
);
CREATE TRIGGER annual_target_append_only BEFORE UPDATE OR DELETE ON annual_target
    FOR EACH ROW EXECUTE FUNCTION after_recognition_append_only();
