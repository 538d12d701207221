#!/usr/bin/env bash
# Council benchmark (issue §9): import 100,000 member sheets (≈ 3 million answers) through
# `ocop score import` (COPY) and compare with `psql \copy` of the same rows into the same tables;
# then finalize a province-sized round (2,000 dossiers × 9 members).
#
#   scripts/bench-council.sh            # uses the test cluster socket /tmp/ocop-test-$UID/pg/run
#   BENCH_ADMIN="host=… user=… dbname=postgres" scripts/bench-council.sh
#   OCOP_BIN=.build/release/ocop         # the binary to time (build it with -c release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${OCOP_BIN:-.build-council/release/ocop}
ADMIN=${BENCH_ADMIN:-"host=/tmp/ocop-test-$(id -u)/pg/run user=ocop dbname=postgres"}
DB=ocop_bench_council
SHEETS_DOSSIERS=${BENCH_IMPORT_DOSSIERS:-11112}   # × 9 members = 100,008 sheets
ROUND_DOSSIERS=${BENCH_ROUND_DOSSIERS:-2000}
WORK=$(mktemp -d /tmp/ocop-bench-council.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
elapsed() { echo "$(echo "$2 - $1" | bc)"; }

psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1
export OCOP_DATABASE_URL="${ADMIN/dbname=postgres/dbname=$DB}"
export OCOP_USER=bench
Q() { psql "$OCOP_DATABASE_URL" -qAt -v ON_ERROR_STOP=1 "$@"; }
"$BIN" db migrate >/dev/null
# The demo loads the seed and the rubric snapshots (and runs a small council session).
"$BIN" demo >/dev/null

# A council of 9 scoring members + a secretary, and two sessions of set-1 dossiers.
Q <<SQL
INSERT INTO person (code, full_name, created_by) SELECT 'b' || g, 'Thành viên ' || g, 'bench' FROM generate_series(1, 10) g;
INSERT INTO council (code, name, level, created_by) VALUES ('BENCH', 'Hội đồng benchmark', 'provincial', 'bench');
INSERT INTO council_member (council_id, person_id, role, added_by)
SELECT (SELECT id FROM council WHERE code = 'BENCH'), p.id,
       CASE p.code WHEN 'b1' THEN 'chair' WHEN 'b10' THEN 'secretary' ELSE 'member' END, 'bench'
FROM person p WHERE p.code LIKE 'b%' AND p.code ~ '^b[0-9]+$';
CREATE TEMP TABLE h AS SELECT content_hash FROM rubric_set_snapshot WHERE version_id = 'qd26-2026' AND set_number = 1 LIMIT 1;
INSERT INTO product (code, name, producer_id, product_set, commune_id, created_by)
SELECT 'B-' || g, 'Sản phẩm bench ' || g, (SELECT min(id) FROM producer), 1, (SELECT min(id) FROM commune), 'bench'
FROM generate_series(1, $SHEETS_DOSSIERS + $ROUND_DOSSIERS) g;
INSERT INTO dossier (code, product_id, kind, year, round, status, rubric_version, rubric_hash, opened_by)
SELECT 'HS-2030-' || lpad(g::text, 6, '0'), (SELECT id FROM product WHERE code = 'B-' || g), 'lan_dau', 2030, 1,
       'council_scheduled', 'qd26-2026', (SELECT content_hash FROM h), 'bench'
FROM generate_series(1, $SHEETS_DOSSIERS + $ROUND_DOSSIERS) g;
INSERT INTO council_session (code, council_id, held_on, opened_by)
VALUES ('PH-BENCH-IMPORT', (SELECT id FROM council WHERE code = 'BENCH'), '2030-06-01', 'bench'),
       ('PH-BENCH-ROUND', (SELECT id FROM council WHERE code = 'BENCH'), '2030-06-02', 'bench');
INSERT INTO session_attendance (session_id, person_id, present, recorded_by)
SELECT s.id, m.person_id, true, 'bench' FROM council_session s, council_member m
WHERE s.code LIKE 'PH-BENCH-%' AND m.council_id = s.council_id;
INSERT INTO session_dossier (session_id, dossier_id, position, rubric_version, rubric_hash, added_by)
SELECT (SELECT id FROM council_session WHERE code = CASE WHEN g <= $SHEETS_DOSSIERS THEN 'PH-BENCH-IMPORT' ELSE 'PH-BENCH-ROUND' END),
       (SELECT id FROM dossier WHERE code = 'HS-2030-' || lpad(g::text, 6, '0')), g, 'qd26-2026', (SELECT content_hash FROM h), 'bench'
FROM generate_series(1, $SHEETS_DOSSIERS + $ROUND_DOSSIERS) g;
CREATE TABLE bench_tpl AS
SELECT c->>'code' AS code, (SELECT coalesce(max((o->>'points')::int), 0) FROM jsonb_array_elements(c->'options') o) AS points
FROM rubric_set_snapshot s, jsonb_array_elements(s.content::jsonb->'scorableCriteria') c WHERE s.content_hash = (SELECT content_hash FROM h);
SQL

csv() {  # $1 = session code, $2 = file
  Q -c "\\copy (SELECT d.code, p.code, t.code, t.points FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id JOIN dossier d ON d.id = sd.dossier_id CROSS JOIN (SELECT code FROM person WHERE code ~ '^b[1-9]\$') p CROSS JOIN bench_tpl t WHERE s.code = '$1' ORDER BY d.code, p.code) TO '$2' WITH (FORMAT csv, HEADER false)"
  sed -i '1i dossier,member,criterion,points' "$2"
}
csv PH-BENCH-IMPORT "$WORK/import.csv"
csv PH-BENCH-ROUND "$WORK/round.csv"
LINES=$(($(wc -l < "$WORK/import.csv") - 1))

t0=$(now); "$BIN" score import "$WORK/import.csv" --session PH-BENCH-IMPORT; t1=$(now)
IMPORT=$(elapsed "$t0" "$t1")
SHEETS=$(Q -c "SELECT count(*) FROM score_sheet s JOIN council_session c ON c.id = s.session_id WHERE c.code = 'PH-BENCH-IMPORT'")

# The same rows through psql \copy into the same tables (indexes, constraints and triggers alike).
Q -c "\\copy (SELECT * FROM score_sheet WHERE session_id = (SELECT id FROM council_session WHERE code = 'PH-BENCH-IMPORT')) TO '$WORK/sheets.tsv'"
Q -c "\\copy (SELECT a.* FROM score_answer a JOIN score_sheet s ON s.id = a.sheet_id WHERE s.session_id = (SELECT id FROM council_session WHERE code = 'PH-BENCH-IMPORT')) TO '$WORK/answers.tsv'"
Q -c "TRUNCATE score_answer, score_sheet, council_result"   # row triggers forbid DELETE; TRUNCATE is the bench's reset
t0=$(now)
Q -c "\\copy score_sheet FROM '$WORK/sheets.tsv'" -c "\\copy score_answer FROM '$WORK/answers.tsv'"
t1=$(now)
PSQL=$(elapsed "$t0" "$t1")

# Finalize a province-sized round.
"$BIN" score import "$WORK/round.csv" --session PH-BENCH-ROUND >/dev/null
t0=$(now); "$BIN" council session finalize PH-BENCH-ROUND > /dev/null; t1=$(now)
FINAL=$(elapsed "$t0" "$t1")
DECIDED=$(Q -c "SELECT count(*) FROM council_result r JOIN council_session s ON s.id = r.session_id WHERE s.code = 'PH-BENCH-ROUND'")
t0=$(now); "$BIN" council session status PH-BENCH-ROUND --format json > /dev/null; t1=$(now)
STATUS=$(elapsed "$t0" "$t1")

printf '\nimport: %s sheets, %s answer lines: ocop score import %.2f s; psql \\copy of the same rows %.2f s; ratio %.2f\n' \
  "$SHEETS" "$LINES" "$IMPORT" "$PSQL" "$(echo "$IMPORT / $PSQL" | bc -l)"
printf 'finalize: %s dossiers × 9 members in %.2f s (status of the round afterwards: %.2f s)\n' "$DECIDED" "$FINAL" "$STATUS"
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
