#!/usr/bin/env python3
"""Benchmark: `ocop dossier status CODE` against `psql -c` running one equivalent query,
on the same embedded database and as the same login (issue 7: status ≤ 1.0× psql), and against
the psql binary without Debian's wrapper script. Median of N runs each.

    python3 scripts/bench-status.py [--runs 30] [--bin .build/release/ocop]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

# The statement `ocop dossier status` runs (DossierRepository.statusView with DossierLifecycleReader's
# columns and joins), with the code as a literal.
QUERY = """SELECT d.code, pr.name AS product_name, pr.code AS product_code, p.name AS producer_name, d.kind, d.year, d.round,
       d.status, d.missing, d.opened_at, cs.held_on::text AS council_date,
       CASE WHEN NOT rb.has_tables THEN rb.id END AS rubric_without_tables,
       e.at, e.actor, e.action, e.from_status, e.to_status, e.note, e.missing AS event_missing, e.detail::text AS detail,
       d.filed_on::text AS lc_filed_on, d.under_transition AS lc_transition, (ocop_now() AT TIME ZONE 'UTC' + interval '7 hours')::date::text AS lc_today,
er.filing_deadline::text AS lc_er_filing, er.evaluation_deadline::text AS lc_er_evaluation, er.label AS lc_er_label,
(SELECT max(x.at) FROM dossier_event x WHERE x.dossier_id = d.id AND x.to_status = 'provincial_review') AS lc_complete_at,
lr.held_on::text AS lc_result_on, lr.level AS lc_result_level, lr.stars AS lc_result_stars,
ce.cert::text AS lc_certificate, be.cert::text AS lc_basis
FROM dossier d
JOIN product pr ON pr.id = d.product_id
JOIN producer p ON p.id = pr.producer_id
JOIN rubric_version rb ON rb.id = d.rubric_version
LEFT JOIN LATERAL (SELECT * FROM dossier_event WHERE dossier_id = d.id ORDER BY id DESC LIMIT 1) e ON true
LEFT JOIN LATERAL (SELECT s.held_on FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id
                   WHERE sd.dossier_id = d.id ORDER BY s.held_on DESC LIMIT 1) cs ON true
LEFT JOIN evaluation_round er ON er.level = 'provincial' AND er.year = d.year AND er.number = d.round
LEFT JOIN LATERAL (SELECT s.held_on, c.level, r.stars FROM council_result r JOIN council_session s ON s.id = r.session_id
                   JOIN council c ON c.id = s.council_id WHERE r.dossier_id = d.id ORDER BY s.held_on DESC LIMIT 1) lr ON true
LEFT JOIN LATERAL (SELECT json_build_object('issuer', sc.cert_issuer, 'year', sc.cert_year, 'serial', sc.cert_serial, 'stars', sc.stars,
    'issuedOn', sc.decision_date, 'validUntil', sc.valid_until, 'revokedOn', sc.revoked_at,
    'supersededOn', sc.superseded_on, 'extendedUntil', sc.extended_until, 'decision', sc.decision_no,
    'supersededBy', (SELECT x.certificate_no FROM star_recognition x WHERE x.id = sc.superseded_by),
    'revocation', (SELECT rd.number || '/' || rd.symbol FROM certificate_revocation rv JOIN decision rd ON rd.id = rv.decision_id
                   WHERE rv.certificate_id = sc.id)) AS cert FROM star_recognition sc WHERE sc.dossier_id = d.id ORDER BY sc.id DESC LIMIT 1) ce ON true
LEFT JOIN LATERAL (SELECT json_build_object('issuer', sb.cert_issuer, 'year', sb.cert_year, 'serial', sb.cert_serial, 'stars', sb.stars,
    'issuedOn', sb.decision_date, 'validUntil', sb.valid_until, 'revokedOn', sb.revoked_at,
    'supersededOn', sb.superseded_on, 'extendedUntil', sb.extended_until, 'decision', sb.decision_no,
    'supersededBy', (SELECT x.certificate_no FROM star_recognition x WHERE x.id = sb.superseded_by),
    'revocation', (SELECT rd.number || '/' || rd.symbol FROM certificate_revocation rv JOIN decision rd ON rd.id = rv.decision_id
                   WHERE rv.certificate_id = sb.id)) AS cert FROM star_recognition sb WHERE sb.id = d.basis_certificate_id) be ON true
WHERE d.code = 'HS-2026-0001'"""

def timed(cmd, env):
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {result.stderr.decode()}")
    return elapsed

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--bin", default=".build/release/ocop")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not (k.startswith("PG") or k in ("OCOP_DATABASE_URL", "DATABASE_URL"))}
    home = tempfile.mkdtemp(prefix="ocop-bench-")
    os.chmod(home, 0o755)  # as root the postgres user must reach it, else the cluster goes to /var/lib/ocop and outlives it
    env["OCOP_HOME"] = home
    try:
        subprocess.run([args.bin, "demo", "--reset"], env=env, check=True, stdout=subprocess.DEVNULL)
        url = subprocess.run([args.bin, "db", "url"], env=env, check=True, capture_output=True, text=True).stdout.strip()
        # psql logs in as the application does (the embedded cluster's `ocop_local`, not the
        # superuser), so the same row-level security applies to the same query.
        url = url.replace("postgresql://ocop@", "postgresql://ocop_local@", 1)
        ocop = [args.bin, "dossier", "status", "HS-2026-0001"]
        # `psql` as a user types it (on Debian the pg_wrapper Perl script, which picks a version and
        # execs the binary: ~30 ms of its own), and the psql binary itself, without the wrapper.
        binary = os.path.join(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip(), "psql")
        commands = {"ocop dossier status": ocop, "psql -c (same query)": ["psql", url, "-X", "-q", "-c", QUERY],
                    f"{binary} -c (no wrapper)": [binary, url, "-X", "-q", "-c", QUERY]}
        for _ in range(3):  # warm the page cache and the server
            for command in commands.values(): timed(command, env)
        times = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so drift hits all alike
            for name, command in commands.items(): times[name].append(timed(command, env))
        medians = {name: statistics.median(t) for name, t in times.items()}
        print(f"runs: {args.runs} each (interleaved)")
        for name, t in times.items():
            print(f"{name}: median {medians[name]*1000:.1f} ms (min {min(t)*1000:.1f})")
        names = list(commands)
        print(f"ratio to psql -c: {medians[names[0]]/medians[names[1]]:.2f}x (target <= 1.0x); "
              f"to the psql binary without the wrapper: {medians[names[0]]/medians[names[2]]:.2f}x")
    finally:  # the cluster lives in the home: stop it, then remove both
        subprocess.run([args.bin, "db", "stop"], env=env, stdout=subprocess.DEVNULL)
        shutil.rmtree(home)

if __name__ == "__main__":
    main()
