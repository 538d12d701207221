#!/usr/bin/env bash
# Council benchmark (issue 7): on a throwaway embedded cluster,
#  1. import ~100,000 member sheets (≈ 3 million answer lines) with `ocop score import` and load
#     the same rows into the same tables with `psql \copy` (target: import ≤ 1.2× \copy);
#  2. finalize a province-sized round (2,000 dossiers × 9 members; target ≤ 1 s), next to one
#     bare SQL statement that computes the same per-dossier sums over the current sheet versions;
#  3. time `ocop council session status` of the decided round.
#
#   make build && scripts/bench-council.sh
#   OCOP_BIN=path/to/ocop BENCH_IMPORT_DOSSIERS=1112 BENCH_ROUND_DOSSIERS=200 scripts/bench-council.sh
#   BENCH_KEEP=1 scripts/bench-council.sh   # leaves the cluster running (OCOP_HOME is printed) to profile
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${OCOP_BIN:-.build/release/ocop}")
IMPORT_DOSSIERS=${BENCH_IMPORT_DOSSIERS:-11112}   # × 9 members = 100,008 sheets
ROUND_DOSSIERS=${BENCH_ROUND_DOSSIERS:-2000}
RUNS=${BENCH_RUNS:-3}                              # interleaved runs of each timing; medians are printed
IMPORT_SESSION=PH-2030-901
ROUND_SESSION=PH-2030-902
WORK=$(mktemp -d /tmp/ocop-bench-council.XXXXXX)
chmod 755 "$WORK"  # as root the postgres user must reach it, else the cluster goes to /var/lib/ocop and outlives $WORK

# Our own cluster (ocop's embedded database) under $WORK, whatever the environment says.
for v in $(env | grep -oE '^(PG[A-Z]+|OCOP_DATABASE_URL|DATABASE_URL)='); do unset "${v%=}"; done
export OCOP_HOME="$WORK/home" OCOP_USER=bench OCOP_LANG=en
if [[ -z "${BENCH_KEEP:-}" ]]; then trap '"$BIN" db stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT; fi
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

# The demo migrates, loads the seed and the rubric snapshots (and runs a small council session).
"$BIN" demo >/dev/null
URL=$("$BIN" db url)
Q() { psql "$URL" -X -qAt -v ON_ERROR_STOP=1 "$@"; }

# A council of 9 scoring members (b1 chairs) and a secretary, and two sessions of set-1 dossiers
# whose codes have the shapes the program accepts (HS-YYYY-NNNNNN, PH-YYYY-NNN, lower-case people).
Q <<SQL
INSERT INTO person (code, full_name, created_by) SELECT 'b' || g, 'Thành viên ' || g, 'bench' FROM generate_series(1, 10) g;
INSERT INTO council (code, name, level, created_by) VALUES ('BENCH-HD-2030', 'Hội đồng benchmark', 'provincial', 'bench');
INSERT INTO council_member (council_id, person_id, role, added_by)
SELECT (SELECT id FROM council WHERE code = 'BENCH-HD-2030'), p.id,
       CASE p.code WHEN 'b1' THEN 'chair' WHEN 'b10' THEN 'secretary' ELSE 'member' END, 'bench'
FROM person p WHERE p.code ~ '^b[0-9]+$';
CREATE TEMP TABLE h AS
SELECT content_hash FROM rubric_set_snapshot WHERE version_id = 'qd26-2026' AND set_number = 1 ORDER BY import_order DESC LIMIT 1;
INSERT INTO product (code, name, producer_id, product_set, commune_id, created_by)
SELECT '24-9999-' || lpad(g::text, 5, '0') || '-2030', 'Sản phẩm bench ' || g, (SELECT min(id) FROM producer), 1,
       (SELECT min(id) FROM commune), 'bench'
FROM generate_series(1, $IMPORT_DOSSIERS + $ROUND_DOSSIERS) g;
INSERT INTO dossier (code, product_id, kind, year, round, status, rubric_version, rubric_hash, opened_by)
SELECT 'HS-2030-' || lpad(g::text, 6, '0'), (SELECT id FROM product WHERE code = '24-9999-' || lpad(g::text, 5, '0') || '-2030'),
       'lan_dau', 2030, 1, 'council_scheduled', 'qd26-2026', (SELECT content_hash FROM h), 'bench'
FROM generate_series(1, $IMPORT_DOSSIERS + $ROUND_DOSSIERS) g;
INSERT INTO council_session (code, council_id, held_on, opened_by)
VALUES ('$IMPORT_SESSION', (SELECT id FROM council WHERE code = 'BENCH-HD-2030'), current_date - 2, 'bench'),
       ('$ROUND_SESSION', (SELECT id FROM council WHERE code = 'BENCH-HD-2030'), current_date - 1, 'bench');  -- held, so finalizable
INSERT INTO session_attendance (session_id, person_id, present, recorded_by)
SELECT s.id, m.person_id, true, 'bench' FROM council_session s JOIN council_member m ON m.council_id = s.council_id
WHERE s.code IN ('$IMPORT_SESSION', '$ROUND_SESSION');
INSERT INTO session_dossier (session_id, dossier_id, position, rubric_version, rubric_hash, added_by)
SELECT (SELECT id FROM council_session WHERE code = CASE WHEN g <= $IMPORT_DOSSIERS THEN '$IMPORT_SESSION' ELSE '$ROUND_SESSION' END),
       (SELECT id FROM dossier WHERE code = 'HS-2030-' || lpad(g::text, 6, '0')),
       CASE WHEN g <= $IMPORT_DOSSIERS THEN g ELSE g - $IMPORT_DOSSIERS END, 'qd26-2026', (SELECT content_hash FROM h), 'bench'
FROM generate_series(1, $IMPORT_DOSSIERS + $ROUND_DOSSIERS) g;
-- Every member gives each criterion its best option (valid, and no spread to discuss).
CREATE TABLE bench_tpl AS
SELECT c->>'code' AS code, (SELECT coalesce(max((o->>'points')::int), 0) FROM jsonb_array_elements(c->'options') o) AS points
FROM rubric_set_snapshot s, jsonb_array_elements(s.content::jsonb->'scorableCriteria') c WHERE s.content_hash = (SELECT content_hash FROM h);
SQL

csv() {  # $1 = session code, $2 = file: one line per dossier × member × criterion
  Q -c "\\copy (SELECT d.code, p.code, t.code, t.points FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id JOIN dossier d ON d.id = sd.dossier_id CROSS JOIN (SELECT code FROM person WHERE code ~ '^b[1-9]\$') p CROSS JOIN bench_tpl t WHERE s.code = '$1' ORDER BY d.code, p.code) TO '$2' WITH (FORMAT csv, HEADER false)"
  sed -i '1i dossier,member,criterion,points' "$2"
}
csv "$IMPORT_SESSION" "$WORK/import.csv"
csv "$ROUND_SESSION" "$WORK/round.csv"
LINES=$(($(wc -l < "$WORK/import.csv") - 1))
Q -c "VACUUM ANALYZE" -c "CHECKPOINT"

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# The bench's own resets undo what the program never undoes: as the cluster's superuser, with
# the append-only triggers off for this connection (session_replication_role), and CASCADE for
# the demo's decisions that cite its council results.
reset_sheets() {
  Q -c "SET session_replication_role = replica; TRUNCATE score_answer, score_sheet, council_result CASCADE" -c "CHECKPOINT"
}

# 1. Import, then the same rows through psql \copy into the same tables (indexes, constraints and
# triggers alike); interleaved runs, medians (the machine's other work moves single runs a lot).
IMPORTS=() COPIES=()
for run in $(seq "$RUNS"); do
  reset_sheets
  t0=$(now); "$BIN" score import "$WORK/import.csv" --session "$IMPORT_SESSION" >/dev/null; t1=$(now)
  IMPORTS+=("$(elapsed "$t0" "$t1")")
  if [[ $run == 1 ]]; then
    SHEETS=$(Q -c "SELECT count(*) FROM score_sheet s JOIN council_session c ON c.id = s.session_id WHERE c.code = '$IMPORT_SESSION'")
    Q -c "\\copy (SELECT * FROM score_sheet WHERE session_id = (SELECT id FROM council_session WHERE code = '$IMPORT_SESSION')) TO '$WORK/sheets.tsv'"
    Q -c "\\copy (SELECT a.* FROM score_answer a JOIN score_sheet s ON s.id = a.sheet_id WHERE s.session_id = (SELECT id FROM council_session WHERE code = '$IMPORT_SESSION')) TO '$WORK/answers.tsv'"
  fi
  reset_sheets
  t0=$(now)
  Q -c "\\copy score_sheet FROM '$WORK/sheets.tsv'" -c "\\copy score_answer FROM '$WORK/answers.tsv'"
  t1=$(now)
  COPIES+=("$(elapsed "$t0" "$t1")")
done
IMPORT=$(median "${IMPORTS[@]}") PSQL=$(median "${COPIES[@]}")

# 2. Finalize a province-sized round, and the bare SQL of its sums.
"$BIN" score import "$WORK/round.csv" --session "$ROUND_SESSION" >/dev/null
Q -c "VACUUM ANALYZE" -c "CHECKPOINT"
# The current version of each member's sheet per dossier; per dossier the sum of the totals, the
# number of sheets and the sum of each criterion: what the rating engine adds up before it rates.
BARE_SQL="WITH cur AS (
    SELECT DISTINCT ON (s.dossier_id, s.person_id) s.id, s.dossier_id, s.total
    FROM score_sheet s JOIN council_session c ON c.id = s.session_id
    WHERE c.code = '$ROUND_SESSION' ORDER BY s.dossier_id, s.person_id, s.version DESC),
  per_criterion AS (
    SELECT cur.dossier_id, a.criterion, sum(a.points) AS points FROM cur JOIN score_answer a ON a.sheet_id = cur.id GROUP BY 1, 2)
SELECT t.dossier_id, t.total_sum, t.sheets, c.criteria
FROM (SELECT dossier_id, sum(total) AS total_sum, count(*) AS sheets FROM cur GROUP BY dossier_id) t
JOIN (SELECT dossier_id, jsonb_object_agg(criterion, points) AS criteria FROM per_criterion GROUP BY dossier_id) c USING (dossier_id)"
# Undoes a finalization of the round (the bench's own reset; the program never does this).
UNFINALIZE="SET session_replication_role = replica;
  DELETE FROM dossier_event WHERE action = 'council_result' AND dossier_id IN
    (SELECT dossier_id FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id WHERE s.code = '$ROUND_SESSION');
  UPDATE dossier SET status = 'council_scheduled' WHERE id IN
    (SELECT dossier_id FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id WHERE s.code = '$ROUND_SESSION');
  DELETE FROM council_result WHERE session_id = (SELECT id FROM council_session WHERE code = '$ROUND_SESSION');
  UPDATE council_session SET status = 'open', finalized_at = NULL, finalized_by = NULL WHERE code = '$ROUND_SESSION';"
BARES=() FINALS=() STATUSES=()
for run in $(seq "$RUNS"); do
  [[ $run == 1 ]] || Q -c "$UNFINALIZE" -c "VACUUM ANALYZE" -c "CHECKPOINT"
  Q -c "$BARE_SQL" >/dev/null  # the same warm cache for both
  t0=$(now); Q -c "$BARE_SQL" > "$WORK/bare.out"; t1=$(now)
  BARES+=("$(elapsed "$t0" "$t1")")
  t0=$(now); "$BIN" council session finalize "$ROUND_SESSION" >/dev/null; t1=$(now)
  FINALS+=("$(elapsed "$t0" "$t1")")
  t0=$(now); "$BIN" council session status "$ROUND_SESSION" --format json >/dev/null; t1=$(now)
  STATUSES+=("$(elapsed "$t0" "$t1")")
done
BARE=$(median "${BARES[@]}") FINAL=$(median "${FINALS[@]}") STATUS=$(median "${STATUSES[@]}")
BARE_ROWS=$(wc -l < "$WORK/bare.out")
DECIDED=$(Q -c "SELECT count(*) FROM council_result r JOIN council_session s ON s.id = r.session_id WHERE s.code = '$ROUND_SESSION'")

echo "runs (seconds): import ${IMPORTS[*]}; psql \\copy ${COPIES[*]}; finalize ${FINALS[*]}; bare SQL ${BARES[*]}; status ${STATUSES[*]}"
printf '\nimport (median of %s): %s sheets, %s answer lines: ocop score import %.2f s; psql \\copy of the same rows %.2f s; ratio %.2f (target <= 1.2)\n' \
  "$RUNS" "$SHEETS" "$LINES" "$IMPORT" "$PSQL" "$(echo "$IMPORT / $PSQL" | bc -l)"
printf 'finalize: %s dossiers x 9 members: ocop council session finalize %.2f s (target <= 1 s); bare SQL of the same sums (%s rows, psql -c) %.2f s\n' \
  "$DECIDED" "$FINAL" "$BARE_ROWS" "$BARE"
printf 'status of the decided round: ocop council session status --format json %.2f s\n' "$STATUS"
if [[ -n "${BENCH_KEEP:-}" ]]; then echo "kept: OCOP_HOME=$OCOP_HOME (stop with: OCOP_HOME=$OCOP_HOME $BIN db stop)"; fi
