-- The application's clock and typed facts instead of stored sentences.
--
-- ocop_now(): the time recorded by defaults. A connection that runs on a fixed clock (golden
-- tests, reproducible demos) sets ocop.clock; otherwise it is now().
CREATE FUNCTION ocop_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('ocop.clock', true), '')::timestamptz, now())
$$;

ALTER TABLE producer ALTER COLUMN created_at SET DEFAULT ocop_now(), ALTER COLUMN updated_at SET DEFAULT ocop_now();
ALTER TABLE product ALTER COLUMN created_at SET DEFAULT ocop_now();
ALTER TABLE dossier ALTER COLUMN opened_at SET DEFAULT ocop_now(), ALTER COLUMN updated_at SET DEFAULT ocop_now();
ALTER TABLE dossier_event ALTER COLUMN at SET DEFAULT ocop_now();
ALTER TABLE star_recognition ALTER COLUMN created_at SET DEFAULT ocop_now();
ALTER TABLE rubric_version ALTER COLUMN imported_at SET DEFAULT ocop_now();
ALTER TABLE rubric_set_snapshot ALTER COLUMN imported_at SET DEFAULT ocop_now();
ALTER TABLE person ALTER COLUMN created_at SET DEFAULT ocop_now();
ALTER TABLE council ALTER COLUMN created_at SET DEFAULT ocop_now();
ALTER TABLE council_member ALTER COLUMN added_at SET DEFAULT ocop_now();
ALTER TABLE council_session ALTER COLUMN opened_at SET DEFAULT ocop_now();
ALTER TABLE session_attendance ALTER COLUMN recorded_at SET DEFAULT ocop_now();
ALTER TABLE session_dossier ALTER COLUMN added_at SET DEFAULT ocop_now();
ALTER TABLE recusal ALTER COLUMN declared_at SET DEFAULT ocop_now();
ALTER TABLE score_sheet ALTER COLUMN submitted_at SET DEFAULT ocop_now();
ALTER TABLE score_draft ALTER COLUMN updated_at SET DEFAULT ocop_now();
ALTER TABLE council_override ALTER COLUMN recorded_at SET DEFAULT ocop_now();
ALTER TABLE council_result ALTER COLUMN finalized_at SET DEFAULT ocop_now();
ALTER TABLE council_knockout ALTER COLUMN recorded_at SET DEFAULT ocop_now();
ALTER TABLE session_deferral ALTER COLUMN deferred_at SET DEFAULT ocop_now();

-- Events the program writes carry their facts (kind and fields, JSON); their words are rendered
-- when read, in the reader's language. `note` stays for what people type.
ALTER TABLE dossier_event ADD COLUMN detail jsonb;

-- A council result's reasons are rendered from the stored RatingResult (`detail`).
ALTER TABLE council_result DROP COLUMN reasons_vi, DROP COLUMN reasons_en, DROP COLUMN producer_reasons_vi;

-- Rubric snapshots are chosen by import order, not by a timestamp a fixed clock makes equal.
ALTER TABLE rubric_set_snapshot ADD COLUMN import_order bigserial;
