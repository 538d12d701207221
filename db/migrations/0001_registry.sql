-- Registry: administrative units, producers, products, dossiers and their workflow events.
-- Text is stored NFC (the application normalises before writing).

-- Units are keyed by a surrogate id: since the 1/7/2025 reorganisation a code can name two
-- units in different periods (the merged Bắc Ninh took old Bắc Giang's 24; a new commune takes
-- the code of one of the communes merged into it). (code, valid_from) identifies a unit.
CREATE TABLE province (
    id              serial PRIMARY KEY,
    code            text NOT NULL,
    name            text NOT NULL,
    kind            text NOT NULL DEFAULT 'tinh' CHECK (kind IN ('tinh', 'thanh_pho')),
    valid_from      date,
    valid_to        date,
    successor_id    integer REFERENCES province (id),
    note            text,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);
CREATE UNIQUE INDEX province_code_period_key ON province (code, coalesce(valid_from, '-infinity'::date));

CREATE TABLE commune (
    id              serial PRIMARY KEY,
    code            text NOT NULL,
    name            text NOT NULL,
    kind            text NOT NULL DEFAULT 'xa' CHECK (kind IN ('xa', 'phuong', 'dac_khu', 'thi_tran')),
    province_id     integer NOT NULL REFERENCES province (id),
    valid_from      date,
    valid_to        date,
    former_district text,
    note            text,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);
CREATE UNIQUE INDEX commune_code_period_key ON commune (code, coalesce(valid_from, '-infinity'::date));
CREATE INDEX commune_province_idx ON commune (province_id);

CREATE TABLE producer (
    id                              bigserial PRIMARY KEY,
    registration_no                 text NOT NULL,
    name                            text NOT NULL CHECK (btrim(name) <> ''),
    kind                            text NOT NULL CHECK (kind IN ('htx', 'tht', 'dn', 'trang_trai', 'ho', 'hoi')),
    commune_id                      integer NOT NULL REFERENCES commune (id),
    address                         text,
    phone                           text,
    email                           text,
    representative                  text,
    representative_female           boolean NOT NULL DEFAULT false,
    representative_ethnic_minority  boolean NOT NULL DEFAULT false,
    representative_disabled         boolean NOT NULL DEFAULT false,
    illustrative                    boolean NOT NULL DEFAULT false,
    created_at                      timestamptz NOT NULL DEFAULT now(),
    created_by                      text NOT NULL,
    updated_at                      timestamptz NOT NULL DEFAULT now(),
    updated_by                      text NOT NULL,
    CONSTRAINT producer_registration_no_key UNIQUE (registration_no)
);

-- Per-commune serial for product codes T-X-STT-YYYY.
CREATE TABLE commune_product_serial (
    commune_id      integer PRIMARY KEY REFERENCES commune (id),
    last_serial     integer NOT NULL DEFAULT 0
);

CREATE TABLE product (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL,
    name            text NOT NULL CHECK (btrim(name) <> ''),
    producer_id     bigint NOT NULL REFERENCES producer (id),
    product_set     smallint NOT NULL CHECK (product_set BETWEEN 1 AND 26),
    commune_id      integer NOT NULL REFERENCES commune (id),
    illustrative    boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL,
    CONSTRAINT product_code_key UNIQUE (code),
    CONSTRAINT product_producer_name_key UNIQUE (producer_id, name)
);
CREATE INDEX product_producer_idx ON product (producer_id);

CREATE TABLE dossier (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL,
    product_id      bigint NOT NULL REFERENCES product (id),
    kind            text NOT NULL CHECK (kind IN ('lan_dau', 'nang_hang', 'danh_gia_lai')),
    year            integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
    round           smallint NOT NULL CHECK (round BETWEEN 1 AND 9),
    status          text NOT NULL,
    returned_from   text,
    missing         text[] NOT NULL DEFAULT '{}',
    target_stars    smallint CHECK (target_stars BETWEEN 3 AND 5),
    rubric_version  text NOT NULL,
    rubric_hash     text,
    note            text,
    opened_at       timestamptz NOT NULL DEFAULT now(),
    opened_by       text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dossier_code_key UNIQUE (code)
);
CREATE INDEX dossier_product_idx ON dossier (product_id);
-- One open dossier per product and round.
CREATE UNIQUE INDEX dossier_open_per_round_key ON dossier (product_id, year, round)
    WHERE status NOT IN ('withdrawn', 'not_recognised', 'recognised');

CREATE TABLE dossier_serial (
    year            integer PRIMARY KEY,
    last_serial     integer NOT NULL DEFAULT 0
);

CREATE TABLE dossier_event (
    id              bigserial PRIMARY KEY,
    dossier_id      bigint NOT NULL REFERENCES dossier (id),
    at              timestamptz NOT NULL DEFAULT now(),
    actor           text NOT NULL,
    action          text NOT NULL,
    from_status     text,
    to_status       text NOT NULL,
    note            text,
    missing         text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX dossier_event_dossier_idx ON dossier_event (dossier_id, id);

-- Star history: every recognition, upgrade, re-evaluation and revocation of a product.
CREATE TABLE star_recognition (
    id              bigserial PRIMARY KEY,
    product_id      bigint NOT NULL REFERENCES product (id),
    stars           smallint NOT NULL CHECK (stars BETWEEN 3 AND 5),
    score           numeric(5, 2),
    year            integer NOT NULL,
    decision_no     text,
    decision_date   date,
    valid_until     date,
    rubric_version  text NOT NULL,
    province_id     integer NOT NULL REFERENCES province (id),
    dossier_id      bigint REFERENCES dossier (id),
    revoked_at      date,
    revocation_reason text,
    illustrative    boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL
);
CREATE INDEX star_recognition_product_idx ON star_recognition (product_id);
