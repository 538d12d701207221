#!/usr/bin/env python3
"""Consistency checks for the OCOP demo seed (db/seed/*.csv).

Run from anywhere: `python3 db/seed/check.py`. Exits 0 when every check passes,
1 otherwise, printing one line per failure. Standard library only.
"""
import csv
import datetime as dt
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

HEADERS = {
    "provinces.csv": ["code", "name", "kind", "valid_from", "valid_to", "successor_code", "note"],
    "communes.csv": ["code", "name", "kind", "province_code", "valid_from", "valid_to", "former_district", "note"],
    "producers.csv": ["registration_no", "name", "kind", "commune_code", "address", "phone", "email",
                      "representative", "representative_female", "representative_ethnic_minority",
                      "representative_disabled", "illustrative"],
    "products.csv": ["code", "name", "producer_registration_no", "product_set", "commune_code", "illustrative"],
    "recognitions.csv": ["product_name", "producer_registration_no", "stars", "score", "year", "decision_no",
                         "decision_date", "rubric", "issuer", "province_code", "illustrative"],
    "dossiers-2026.csv": ["product_name", "producer_registration_no", "kind", "year", "round", "filed_on", "target_stars", "note"],
    "outlets.csv": ["code", "kind", "name", "chain", "address", "country", "importer", "note"],
    "listings.csv": ["product_name", "producer_registration_no", "outlet", "listed_on", "ended_on", "ocop_mark", "contract_no",
                     "mark_updates", "end_reason"],
    "targets.csv": ["province_code", "year", "products", "basis", "note"],
    "claims-2026.csv": ["product_name", "producer_registration_no", "criterion", "points", "change", "evidence"],
    "self-assessments-2026.csv": ["product_name", "producer_registration_no", "total", "note"],
}

# Figures of the seed report (Bắc Giang, BC năm 2020, §II.3).
REPORT = {"total": 95, 2019: 46, 2020: 49, 4: 24, 3: 71,
          "share": {"htx": 87.7, "dn": 7.0, "ho": 5.3},
          # "Có 49 sản phẩm/chỉ tiêu kế hoạch 32 sản phẩm, đạt 153% kế hoạch"; 2021: "tối thiểu 20 sản phẩm".
          "target": {2020: 32, 2021: 20}, "attained": 153,
          # "một số sản phẩm đã vào siêu thị lớn như BigC, VinMart, Aeon"; "6 điểm trưng bày, giới thiệu và bán sản phẩm OCOP".
          "chains": {"BigC/GO!", "VinMart/WinMart", "Aeon"}, "ocop_points": 6}
MERGER = dt.date(2025, 7, 1)
QD26_IN_FORCE = dt.date(2026, 5, 22)

errors = []


def fail(msg):
    errors.append(msg)


def read(name):
    path = os.path.join(HERE, name)
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{name}: has a UTF-8 BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"{name}: not UTF-8 ({e})")
        return []
    rows = list(csv.reader(text.splitlines(True)))
    if not rows or rows[0] != HEADERS[name]:
        fail(f"{name}: header is {rows[0] if rows else None}, expected {HEADERS[name]}")
        return []
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(HEADERS[name]):
            fail(f"{name}:{i}: {len(r)} fields, expected {len(HEADERS[name])}")
            continue
        for cell in r:
            if unicodedata.normalize("NFC", cell) != cell:
                fail(f"{name}:{i}: cell not NFC: {cell!r}")
        d = dict(zip(HEADERS[name], r))
        d["_line"] = i
        out.append(d)
    return out


def date(s, where):
    if s == "":
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        fail(f"{where}: bad date {s!r}")
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        fail(f"{where}: bad date {s!r}")
        return None


def boolean(s, where):
    if s not in ("true", "false"):
        fail(f"{where}: boolean must be true/false, got {s!r}")
    return s == "true"


def add_months(d, m):
    y, mo = divmod(d.month - 1 + m, 12)
    y += d.year
    mo += 1
    day = min(d.day, [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28,
                      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1])
    return dt.date(y, mo, day)


def valid_on(row, day):
    lo, hi = row["_from"], row["_to"]
    return (lo is None or lo <= day) and (hi is None or day <= hi)


# ---------------------------------------------------------------- provinces
provinces = read("provinces.csv")
for p in provinces:
    w = f"provinces.csv:{p['_line']}"
    p["_from"], p["_to"] = date(p["valid_from"], w), date(p["valid_to"], w)
    if not re.fullmatch(r"\d{2}", p["code"]):
        fail(f"{w}: province code must be 2 digits")
    if p["kind"] not in ("tinh", "thanh_pho"):
        fail(f"{w}: kind {p['kind']!r}")
    if p["_from"] and p["_to"] and p["_from"] > p["_to"]:
        fail(f"{w}: valid_from after valid_to")
prov_by_code = defaultdict(list)
for p in provinces:
    prov_by_code[p["code"]].append(p)
keys = Counter((p["code"], p["valid_from"]) for p in provinces)
for k, n in keys.items():
    if n > 1:
        fail(f"provinces.csv: duplicate key (code, valid_from) = {k}")
for code, rows in prov_by_code.items():  # a reused code must not overlap in time
    rows = sorted(rows, key=lambda r: r["_from"] or dt.date.min)
    for a, b in zip(rows, rows[1:]):
        if a["_to"] is None or (b["_from"] is not None and a["_to"] >= b["_from"]):
            fail(f"provinces.csv: periods of code {code} overlap (lines {a['_line']}, {b['_line']})")
for p in provinces:
    if p["successor_code"]:
        if p["_to"] is None:
            fail(f"provinces.csv:{p['_line']}: successor without valid_to")
            continue
        nxt = p["_to"] + dt.timedelta(days=1)
        if not any(valid_on(q, nxt) for q in prov_by_code.get(p["successor_code"], [])):
            fail(f"provinces.csv:{p['_line']}: successor {p['successor_code']} not valid on {nxt}")


def province_at(code, day):
    hits = [p for p in prov_by_code.get(code, []) if valid_on(p, day)]
    return hits[0] if len(hits) == 1 else None


old_bg = province_at("24", dt.date(2020, 1, 1))
new_bn = province_at("24", MERGER)
if not old_bg or old_bg["name"] != "Bắc Giang" or old_bg["valid_to"] != "2025-06-30":
    fail("provinces.csv: old Bắc Giang (24, valid_to 2025-06-30) missing")
if not new_bn or new_bn["name"] != "Bắc Ninh" or new_bn["valid_from"] != "2025-07-01":
    fail("provinces.csv: new Bắc Ninh (valid_from 2025-07-01) missing")
old_bn = province_at("27", dt.date(2020, 1, 1))
if not old_bn or old_bn["successor_code"] != "24" or old_bn["valid_to"] != "2025-06-30":
    fail("provinces.csv: old Bắc Ninh (27 → 24, valid_to 2025-06-30) missing")

# ---------------------------------------------------------------- communes
communes = read("communes.csv")
commune = {}
for c in communes:
    w = f"communes.csv:{c['_line']}"
    c["_from"], c["_to"] = date(c["valid_from"], w), date(c["valid_to"], w)
    if not re.fullmatch(r"\d{5}", c["code"]):
        fail(f"{w}: commune code must be 5 digits")
    if c["code"] in commune:
        fail(f"{w}: duplicate commune code {c['code']}")
    commune[c["code"]] = c
    if c["kind"] not in ("xa", "phuong"):
        fail(f"{w}: kind {c['kind']!r}")
    # the commune's whole period must lie inside one period of its province
    start = c["_from"] or dt.date(1900, 1, 1)
    end = c["_to"] or dt.date(2100, 1, 1)
    ok = [p for p in prov_by_code.get(c["province_code"], [])
          if valid_on(p, start) and valid_on(p, end)]
    if len(ok) != 1:
        fail(f"{w}: no single province {c['province_code']} covers {start}..{end}")
    else:
        c["_province"] = ok[0]
    is_old = c["_to"] is not None and c["_to"] < MERGER
    is_new = c["_from"] is not None and c["_from"] >= MERGER
    if is_old == is_new:
        fail(f"{w}: commune must be either pre-merger (valid_to ≤ 2025-06-30) or post-merger (valid_from ≥ 2025-07-01)")
    if is_old and (c["valid_to"] != "2025-06-30" or not c["former_district"]):
        fail(f"{w}: old commune needs valid_to 2025-06-30 and former_district")
    if is_old and c.get("_province") is not old_bg:
        fail(f"{w}: old commune not in old Bắc Giang")
    if is_new and c.get("_province") is not new_bn:
        fail(f"{w}: new commune not in new Bắc Ninh")
    c["_old"] = is_old


SUCC = re.compile(r"(?:thuộc|là) (?:xã|phường) ([^()]+?) \((\d{5})\)")


def successor_ref(c):
    """(name, code) of the post-merger unit named in an old commune's note, or None."""
    m = SUCC.search(c["note"])
    return (m.group(1), m.group(2)) if m else None


def successor(c):
    """The post-merger commune row for an old commune, matched on code *and* name.

    QĐ 19/2025 reuses pre-2025 codes: a new commune takes the code of one of the
    communes merged into it, so a successor code may equal the code of some other
    old commune in this file. Only a post-merger row with the same name counts."""
    ref = successor_ref(c)
    if ref is None:
        return None
    row = commune.get(ref[1])
    return row if row is not None and not row["_old"] and row["name"] == ref[0] else None


reused = 0
for c in communes:
    if c["_old"]:
        ref = successor_ref(c)
        if ref is None:
            continue
        row = commune.get(ref[1])
        if row is not None and row["_old"]:
            reused += 1  # code reused by QĐ 19/2025 for a new unit that is not in this file
        elif row is not None and row["name"] != ref[0]:
            fail(f"communes.csv:{c['_line']}: successor {ref} but {ref[1]} is {row['name']}")

# ---------------------------------------------------------------- producers
producers = read("producers.csv")
producer = {}
KINDS = {"htx", "tht", "dn", "trang_trai", "ho", "hoi"}
for p in producers:
    w = f"producers.csv:{p['_line']}"
    if not re.fullmatch(r"\d{10}", p["registration_no"]):
        fail(f"{w}: registration_no must be 10 digits")
    if p["registration_no"] in producer:
        fail(f"{w}: duplicate registration_no")
    producer[p["registration_no"]] = p
    if p["kind"] not in KINDS:
        fail(f"{w}: kind {p['kind']!r}")
    if p["commune_code"] not in commune:
        fail(f"{w}: commune {p['commune_code']} not in communes.csv")
    for b in ("representative_female", "representative_ethnic_minority", "representative_disabled", "illustrative"):
        p["_" + b] = boolean(p[b], w)
    if not p["name"]:
        fail(f"{w}: empty name")

# ---------------------------------------------------------------- products
products = read("products.csv")
product = {}
for p in products:
    w = f"products.csv:{p['_line']}"
    key = (p["name"], p["producer_registration_no"])
    if key in product:
        fail(f"{w}: duplicate product {key}")
    product[key] = p
    if p["producer_registration_no"] not in producer:
        fail(f"{w}: producer {p['producer_registration_no']} not in producers.csv")
    if not p["product_set"].isdigit() or not 1 <= int(p["product_set"]) <= 26:
        fail(f"{w}: product_set must be 1..26")
    if p["commune_code"] not in commune:
        fail(f"{w}: commune {p['commune_code']} not in communes.csv")
    if p["code"] and not re.fullmatch(r"\d{2}-\d{3,5}-\d+-\d{4}", p["code"]):
        fail(f"{w}: code {p['code']!r} is not T-X-STT-YYYY")
    p["_illustrative"] = boolean(p["illustrative"], w)
codes = Counter(p["code"] for p in products if p["code"])
for k, n in codes.items():
    if n > 1:
        fail(f"products.csv: duplicate code {k}")
for p in products:
    prod = producer.get(p["producer_registration_no"])
    if prod and prod["kind"] == "hoi" and p["product_set"] != "26":
        fail(f"products.csv:{p['_line']}: producer kind 'hoi' is for tourism (set 26) only")

# ---------------------------------------------------------------- recognitions
recs = read("recognitions.csv")
RUBRIC = {2019: "qd1048-2019", 2020: "qd1048-2019", 2021: "qd1048-2019", 2022: "qd1048-2019",
          2023: "qd148-2023", 2024: "qd148-2023", 2025: "qd148-2023"}
by_product = defaultdict(list)
for r in recs:
    w = f"recognitions.csv:{r['_line']}"
    key = (r["product_name"], r["producer_registration_no"])
    p = product.get(key)
    if p is None:
        fail(f"{w}: product {key} not in products.csv")
        continue
    by_product[key].append(r)
    try:
        stars, score, year = int(r["stars"]), float(r["score"]), int(r["year"])
    except ValueError:
        fail(f"{w}: stars/score/year not numeric")
        continue
    r["_stars"], r["_year"] = stars, year
    band = 5 if score >= 90 else 4 if score >= 70 else 3 if score >= 50 else 0
    if stars not in (3, 4, 5) or band != stars:
        fail(f"{w}: {stars}★ does not match score {score}")
    d = date(r["decision_date"], w)
    r["_date"] = d
    if d is None or d.year != year:
        fail(f"{w}: decision_date year differs from year")
        continue
    if RUBRIC.get(year) != r["rubric"]:
        fail(f"{w}: rubric {r['rubric']} for {year}")
    if not re.fullmatch(r"\d+/QĐ-UBND", r["decision_no"]):
        fail(f"{w}: decision_no {r['decision_no']!r}")
    # QĐ 1048: the province recognised 3★/4★; QĐ 148: 3★ by the district, 4★ by the province.
    expected_issuer = "district" if (r["rubric"] == "qd148-2023" and stars == 3) else "province"
    if r["issuer"] != expected_issuer:
        fail(f"{w}: issuer {r['issuer']!r}, expected {expected_issuer!r} for {stars}★ under {r['rubric']}")
    prov = province_at(r["province_code"], d)
    if prov is None or prov is not old_bg:
        fail(f"{w}: province {r['province_code']} on {d} is not old Bắc Giang (old certificates keep their province)")
    c = commune.get(p["commune_code"])
    if c and not valid_on(c, d):
        fail(f"{w}: product commune {c['code']} not valid on decision date {d}")
    boolean(r["illustrative"], w)
for key, rs in by_product.items():
    ys = Counter(r.get("_year") for r in rs)
    if any(n > 1 for n in ys.values()):
        fail(f"recognitions.csv: {key} recognised twice in one year")

hist = [r for r in recs if r.get("_year") in (2019, 2020)]
cnt_year = Counter(r["_year"] for r in hist)
cnt_star = Counter(r["_stars"] for r in hist)
hist_products = {(r["product_name"], r["producer_registration_no"]) for r in hist}
if len(hist) != REPORT["total"] or len(hist_products) != REPORT["total"]:
    fail(f"recognitions: {len(hist)} rows / {len(hist_products)} products for 2019–2020, report says {REPORT['total']}")
for y in (2019, 2020):
    if cnt_year[y] != REPORT[y]:
        fail(f"recognitions: {cnt_year[y]} in {y}, report says {REPORT[y]}")
for s in (3, 4):
    if cnt_star[s] != REPORT[s]:
        fail(f"recognitions: {cnt_star[s]} at {s}★, report says {REPORT[s]}")
if cnt_star[5]:
    fail("recognitions: no 5★ existed in Bắc Giang 2019–2020")

hist_producers = {producer[k[1]]["registration_no"] for k in hist_products if k[1] in producer}
kinds = Counter(producer[r]["kind"] for r in hist_producers)
n_prod = len(hist_producers)
shares = {k: round(100 * kinds[k] / n_prod, 1) if n_prod else 0 for k in REPORT["share"]}
if shares != REPORT["share"] or sum(kinds.values()) != kinds["htx"] + kinds["dn"] + kinds["ho"]:
    fail(f"producers with 2019–2020 products: {n_prod}, kinds {dict(kinds)}, shares {shares}, report {REPORT['share']}")

# ---------------------------------------------------------------- dossiers 2026
dossiers = read("dossiers-2026.csv")


def round_filing_deadline(year, rnd):
    return dt.date(year, 4, 30) if rnd == 1 else dt.date(year, 10, 30)


sets_2026 = set()
inclusive = False
for d in dossiers:
    w = f"dossiers-2026.csv:{d['_line']}"
    key = (d["product_name"], d["producer_registration_no"])
    p = product.get(key)
    if p is None:
        fail(f"{w}: product {key} not in products.csv")
        continue
    if d["kind"] not in ("lan_dau", "nang_hang", "danh_gia_lai"):
        fail(f"{w}: kind {d['kind']!r}")
    if d["year"] != "2026" or d["round"] not in ("1", "2") or d["target_stars"] not in ("3", "4", "5"):
        fail(f"{w}: year/round/target_stars out of range")
        continue
    target, rnd = int(d["target_stars"]), int(d["round"])
    deadline = round_filing_deadline(2026, rnd)
    filed = date(d["filed_on"], w)
    if filed is None or filed.year != 2026 or (filed <= dt.date(2026, 4, 30)) != (rnd == 1) or filed > deadline:
        fail(f"{w}: filed_on {d['filed_on']} does not fall in round {rnd} of 2026 (Art. 5.1: by 30/4 → 1, by 30/10 → 2)")
    d["_filed"] = filed
    sets_2026.add(int(p["product_set"]))
    prod = producer[d["producer_registration_no"]]
    if prod["_representative_female"] or prod["_representative_ethnic_minority"] or prod["_representative_disabled"]:
        inclusive = True
    rs = sorted((r for r in by_product.get(key, []) if r.get("_date")), key=lambda r: r["_date"])
    c = commune.get(p["commune_code"])
    if d["kind"] == "lan_dau":
        if rs:
            fail(f"{w}: first evaluation of a product that already has a recognition")
        if p["code"]:
            fail(f"{w}: new product must have an empty code")
        if c and c["_old"]:
            fail(f"{w}: new product must be in a post-merger commune")
        continue
    if not rs:
        fail(f"{w}: {d['kind']} needs an earlier recognition")
        continue
    last = rs[-1]
    expiry = add_months(last["_date"], 36)
    if expiry < dt.date(2026, 1, 1):
        fail(f"{w}: latest certificate expired {expiry}, before the 2026 round")
    if d.get("_filed") and not (last["_date"] <= d["_filed"] <= expiry):
        fail(f"{w}: filed on {d['_filed']}, when the certificate of {last['_date']} (valid through {expiry}) was not in force")
    if d["kind"] == "nang_hang" and not last["_stars"] < target:
        fail(f"{w}: upgrade target {target}★ not above current {last['_stars']}★")
    if d["kind"] == "danh_gia_lai":
        window_open, window_close = expiry - dt.timedelta(days=180), expiry - dt.timedelta(days=120)
        if not (window_close <= deadline and window_open.year == 2026):
            fail(f"{w}: renewal window {window_open}..{window_close} does not fall in round {rnd} of 2026")
        if d.get("_filed") and not (window_open <= d["_filed"] <= window_close):
            fail(f"{w}: filed on {d['_filed']}, outside the renewal window {window_open}..{window_close} (Art. 7.6.a)")
        if target != last["_stars"]:
            fail(f"{w}: re-evaluation target {target}★ differs from current {last['_stars']}★")
    if c and c["_old"]:
        s = successor(c)
        if s is None:
            fail(f"{w}: old commune {c['code']} has no post-merger successor in communes.csv")
if len(dossiers) < 10:
    fail(f"dossiers-2026.csv: only {len(dossiers)} dossiers")
if 26 not in sets_2026:
    fail("dossiers-2026.csv: no tourism (set 26) dossier")
if len(sets_2026) < 6:
    fail(f"dossiers-2026.csv: only {len(sets_2026)} product sets")
if not inclusive:
    fail("dossiers-2026.csv: no producer with a woman/ethnic-minority/disabled representative")
for k in ("lan_dau", "nang_hang", "danh_gia_lai"):
    if not any(d["kind"] == k for d in dossiers):
        fail(f"dossiers-2026.csv: no {k} dossier")

# ---------------------------------------------------------------- after recognition
def in_force_on(key, day):
    """Whether the product held a recognition in force on `day` (36 months from each decision)."""
    return any(r.get("_date") and r["_date"] <= day <= add_months(r["_date"], 36) for r in by_product.get(key, []))


outlets = read("outlets.csv")
outlet = {}
OUTLET_KINDS = {"supermarket", "ocop_point", "agent", "trade_fair", "ecommerce", "export"}
for o in outlets:
    w = f"outlets.csv:{o['_line']}"
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9._-]{0,39}", o["code"]):
        fail(f"{w}: outlet code {o['code']!r}")
    if o["code"] in outlet:
        fail(f"{w}: duplicate outlet code")
    outlet[o["code"]] = o
    if o["kind"] not in OUTLET_KINDS:
        fail(f"{w}: kind {o['kind']!r}")
    if (o["kind"] == "export") != bool(o["country"]) or (o["country"] and (not re.fullmatch(r"[A-Z]{2}", o["country"]) or o["country"] == "VN")):
        fail(f"{w}: an export market (and only one) has a country, 2 letters, not VN")
    if o["importer"] and o["kind"] != "export":
        fail(f"{w}: importer on a non-export outlet")
chains = {o["chain"] for o in outlets if o["kind"] == "supermarket"}
if chains != REPORT["chains"]:
    fail(f"outlets.csv: supermarket chains {sorted(chains)}, report names {sorted(REPORT['chains'])}")
if sum(o["kind"] == "ocop_point" for o in outlets) != REPORT["ocop_points"]:
    fail(f"outlets.csv: {sum(o['kind'] == 'ocop_point' for o in outlets)} OCOP points, report says {REPORT['ocop_points']}")

listings = read("listings.csv")
periods = defaultdict(list)
for l in listings:
    w = f"listings.csv:{l['_line']}"
    key = (l["product_name"], l["producer_registration_no"])
    if key not in product:
        fail(f"{w}: product {key} not in products.csv")
    if l["outlet"] not in outlet:
        fail(f"{w}: outlet {l['outlet']} not in outlets.csv")
    start, end = date(l["listed_on"], w), date(l["ended_on"], w)
    mark = boolean(l["ocop_mark"], w)
    if start is None:
        fail(f"{w}: listed_on is required")
        continue
    if end and end < start:
        fail(f"{w}: ended_on before listed_on")
    if mark and not in_force_on(key, start):
        fail(f"{w}: listed with the OCOP mark on {start} without a recognition in force")
    for u in filter(None, l["mark_updates"].split(";")):
        day = date(u.strip(), w)
        if day and (not mark or day < start or (end and day > end) or not in_force_on(key, day)):
            fail(f"{w}: mark update {day} outside the listing, or without a recognition in force")
    for (s0, e0, line) in periods[(key, l["outlet"])]:
        if (e0 is None or start <= e0) and (end is None or s0 <= end):
            fail(f"{w}: overlaps the listing of line {line} at the same outlet")
    periods[(key, l["outlet"])].append((start, end, l["_line"]))

targets = read("targets.csv")
for t in targets:
    w = f"targets.csv:{t['_line']}"
    if not (t["year"].isdigit() and t["products"].isdigit()):
        fail(f"{w}: year and products are whole numbers")
        continue
    if province_at(t["province_code"], dt.date(int(t["year"]), 12, 31)) is None:
        fail(f"{w}: province {t['province_code']} did not exist in {t['year']}")
    if REPORT["target"].get(int(t["year"])) != int(t["products"]):
        fail(f"{w}: target {t['products']} for {t['year']}, report says {REPORT['target'].get(int(t['year']))}")
attained = (200 * cnt_year[2020] + REPORT["target"][2020]) // (2 * REPORT["target"][2020])
if attained != REPORT["attained"]:
    fail(f"targets: 2020 attained {attained} %, report says {REPORT['attained']} %")

upgrade_dossiers = {(d["product_name"], d["producer_registration_no"]) for d in dossiers if d["kind"] == "nang_hang" and d["round"] == "2"}
for c in read("claims-2026.csv"):
    w = f"claims-2026.csv:{c['_line']}"
    if (c["product_name"], c["producer_registration_no"]) not in upgrade_dossiers:
        fail(f"{w}: not the product of a round-2 upgrade dossier")
    if not re.fullmatch(r"\d+(\.\d+)?", c["criterion"]) or not c["points"].isdigit() or not c["change"]:
        fail(f"{w}: criterion, points and change are required")
for a in read("self-assessments-2026.csv"):
    w = f"self-assessments-2026.csv:{a['_line']}"
    if (a["product_name"], a["producer_registration_no"]) not in {(d["product_name"], d["producer_registration_no"]) for d in dossiers}:
        fail(f"{w}: no 2026 dossier for this product")
    if not a["total"].isdigit() or not 0 <= int(a["total"]) <= 100:
        fail(f"{w}: total must be 0..100")

# ---------------------------------------------------------------- report
print(f"provinces {len(provinces)}, communes {len(communes)} "
      f"({sum(c['_old'] for c in communes)} old, {sum(not c['_old'] for c in communes)} new), "
      f"producers {len(producers)}, products {len(products)}, recognitions {len(recs)}, dossiers {len(dossiers)}")
print(f"2019–2020: {len(hist)} products ({cnt_year[2019]} in 2019, {cnt_year[2020]} in 2020; "
      f"{cnt_star[4]} at 4★, {cnt_star[3]} at 3★); {n_prod} producers {dict(kinds)} → {shares}")
print(f"old communes whose successor code is reused from another old commune in this file: {reused}")
print(f"2026 dossiers: {dict(Counter(d['kind'] for d in dossiers))}, sets {sorted(sets_2026)}")
print(f"outlets {len(outlets)} (chains {sorted(chains)}, {sum(o['kind'] == 'ocop_point' for o in outlets)} OCOP points), "
      f"listings {len(listings)}, targets {len(targets)} (2020 attained {attained} %)")
if errors:
    for e in errors:
        print("FAIL", e)
    print(f"0 passed, {len(errors)} failed")
    sys.exit(1)
print("all checks passed")
