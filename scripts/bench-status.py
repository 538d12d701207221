#!/usr/bin/env python3
"""Benchmark: `ocop dossier status CODE` against `psql -c` running one equivalent query,
on the same embedded database and as the same login (issue 7: status ≤ 1.0× psql). Median of
N runs each.

    python3 scripts/bench-status.py [--runs 30] [--bin .build/release/ocop]
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

# The statement `ocop dossier status` runs (DossierRepository.statusView), with the code as a literal.
QUERY = """SELECT d.code, pr.name AS product_name, pr.code AS product_code, p.name AS producer_name, d.kind, d.year, d.round,
       d.status, d.missing, d.opened_at, cs.held_on::text AS council_date,
       e.at, e.actor, e.action, e.from_status, e.to_status, e.note, e.missing AS event_missing, e.detail::text AS detail
FROM dossier d
JOIN product pr ON pr.id = d.product_id
JOIN producer p ON p.id = pr.producer_id
LEFT JOIN LATERAL (SELECT * FROM dossier_event WHERE dossier_id = d.id ORDER BY id DESC LIMIT 1) e ON true
LEFT JOIN LATERAL (SELECT s.held_on FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id
                   WHERE sd.dossier_id = d.id ORDER BY s.held_on DESC LIMIT 1) cs ON true
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
    env["OCOP_HOME"] = tempfile.mkdtemp(prefix="ocop-bench-")
    subprocess.run([args.bin, "demo", "--reset"], env=env, check=True, stdout=subprocess.DEVNULL)
    url = subprocess.run([args.bin, "db", "url"], env=env, check=True, capture_output=True, text=True).stdout.strip()
    # psql logs in as the application does (the embedded cluster's `ocop_local`, not the
    # superuser), so the same row-level security applies to the same query.
    url = url.replace("postgresql://ocop@", "postgresql://ocop_local@", 1)
    ocop = [args.bin, "dossier", "status", "HS-2026-0001"]
    psql = ["psql", url, "-X", "-q", "-c", QUERY]
    for _ in range(3):  # warm the page cache and the server
        timed(ocop, env); timed(psql, env)
    ocop_times, psql_times = [], []
    for _ in range(args.runs):  # interleaved, so drift hits both alike
        ocop_times.append(timed(ocop, env))
        psql_times.append(timed(psql, env))
    o, p = statistics.median(ocop_times), statistics.median(psql_times)
    print(f"runs: {args.runs} each (interleaved)")
    print(f"ocop dossier status: median {o*1000:.1f} ms (min {min(ocop_times)*1000:.1f})")
    print(f"psql -c (same query): median {p*1000:.1f} ms (min {min(psql_times)*1000:.1f})")
    print(f"ratio: {o/p:.2f}x (target <= 1.0x)")
    subprocess.run([args.bin, "db", "stop"], env=env, stdout=subprocess.DEVNULL)

if __name__ == "__main__":
    main()
