#!/usr/bin/env python3
"""Generate scoring/qd26-2026/*.yaml from the reference transcription of QĐ 26/2026 Phụ lục II.

Usage: python3 scoring/tools/generate.py SOURCE.md [OUT_DIR]

Deterministic: same input, same bytes. Every reading that differs from the printed text is
recorded on the item (printedPoints / printedMax / sourceNote), never silently changed.
"""
import re
import sys
import unicodedata
from pathlib import Path

import yaml

SOURCE_NAME = "qd26-2026-phu-luc-II.md"


def nfc(s):
    return unicodedata.normalize("NFC", s).strip()


SET_RE = re.compile(r"^### Bộ (\d+)\. (.+)$")
CAT_RE = re.compile(r"^\(Sản phẩm: (.+?)(?:[.,] Nhóm: (.+))?\)\s*$")
DQ_RE = re.compile(r"^_((?:Hồ sơ )?[Bb]ị loại khi): (.+)_\s*$")
MIN_RE = re.compile(r"^Yêu cầu tối thiểu")
PART_RE = re.compile(r"^\*\*(Phần|PHẦN) ([ABC]):? (.+?)\*\* — tối đa \*\*(\d+)\*\* điểm$")
NODE_RE = re.compile(r"^\*\*(\d+(?:\.\d+)*)\.? (.+?)\*\* — tối đa (.+)$")
NOTE_RE = re.compile(r"^_ghi chú: (.+)_$")
OPT_RE = re.compile(
    r"^(.+?) → \*\*(.+?)\*\*"
    r"(?: — ⟨tối thiểu ([345])★⟩)?"
    r"(?: _\[Trường hợp ([12]): ([^\]]+)\]_)?"
    r"(?: _\((.+)\)_)?$"
)
YESNO = "(không liệt kê phương án: tiêu chí có/không, đạt thì được 1 điểm)"
KNOCKOUT_HINTS = ("bị loại", "không đánh giá các bước tiếp theo", "không đánh giá những sản phẩm",
                  "không xem xét các chỉ tiêu khác")
CONDITION_NOTE = "Chỉ áp dụng khi có câu chuyện sản phẩm"


def knock_out_kind(text):
    t = text.lower()
    if "bị loại" in t:
        return "disqualify"
    if "không đánh giá những sản phẩm" in t:
        return "notEvaluated"
    return "stopEvaluation"


def strip_note_prefix(text):
    # The transcription keeps the source's own "Ghi chú:" / "Chú ý:" prefixes; keep them too.
    return nfc(text)


def parse(src):
    lines = src.read_text(encoding="utf-8").splitlines()
    sets, cur, part, stack = [], None, None, []
    for no, raw in enumerate(lines, 1):
        line = raw.rstrip()
        m = SET_RE.match(line)
        if m:
            cur = {"set": int(m.group(1)), "title": nfc(m.group(2)), "parts": [], "_line": no}
            sets.append(cur)
            part, stack = None, []
            continue
        if cur is None or not line.strip():
            continue
        if line.startswith("Tổng:"):
            cur["_total"] = line
            continue
        m = CAT_RE.match(line)
        if m and "category" not in cur:
            cur["category"] = nfc(m.group(1))
            cur["group"] = nfc(m.group(2)) if m.group(2) else None
            continue
        m = DQ_RE.match(line)
        if m:
            cur["disqualification"] = {"lead": nfc(m.group(1)), "clause": nfc(m.group(2))}
            continue
        if MIN_RE.match(line):
            cur["_minimums"] = line
            continue
        m = PART_RE.match(line)
        if m:
            part = {"code": m.group(2), "title": nfc(m.group(3)), "max": int(m.group(4)), "groups": []}
            pm = re.search(r"\((\d+) [Đđ]iểm\)", m.group(3))
            if pm and int(pm.group(1)) != part["max"]:
                part["printedMax"] = pm.group(1)
                part["sourceNote"] = (f"Tiêu đề ghi \"({pm.group(1)} Điểm)\" nhưng cột điểm ghi {part['max']} "
                                      f"và các tiêu chí cộng lại bằng {part['max']}; dùng {part['max']}.")
            cur["parts"].append(part)
            stack = []
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if not body.startswith("- "):
            raise SystemExit(f"{src.name}:{no}: unexpected line: {line[:80]}")
        body = body[2:]
        depth = indent // 2
        m = NODE_RE.match(body)
        if m:
            node = {"code": m.group(1), "title": nfc(m.group(2))}
            mx = m.group(3).strip()
            if re.fullmatch(r"\d+", mx):
                node["max"] = int(mx)
            else:
                em = re.fullmatch(r"\(trống trong văn bản; suy ra (\d+) vì (.+)\)", mx)
                if not em:
                    raise SystemExit(f"{src.name}:{no}: bad maximum: {mx}")
                node["max"] = int(em.group(1))
                node["printedMax"] = ""
                node["sourceNote"] = (f"Ô điểm tối đa để trống trong văn bản; đọc là {em.group(1)} "
                                      f"vì {nfc(em.group(2))}.")
            del stack[depth:]
            if depth == 0:
                part["groups"].append(node)
            else:
                stack[depth - 1].setdefault("children", []).append(node)
            stack.append(node)
            continue
        owner = stack[depth - 1]
        m = NOTE_RE.match(body)
        if m:
            text = strip_note_prefix(m.group(1))
            if text == CONDITION_NOTE:
                owner["condition"] = {"criterion": owner["code"].rsplit(".", 1)[0] + ".1", "minPoints": 1,
                                      "text": text}
            elif any(h in text.lower() for h in KNOCKOUT_HINTS):
                owner["knockOut"] = {"kind": knock_out_kind(text), "text": text}
            elif text.startswith("Lựa chọn một trong hai trường hợp"):
                owner["variantNote"] = text
            else:
                owner.setdefault("notes", []).append(text)
            continue
        if body == YESNO:
            owner["yesNo"] = True
            owner["sourceNote"] = ("Văn bản không liệt kê phương án: tiêu chí có/không, "
                                   f"đạt thì được {owner['max']} điểm.")
            continue
        m = OPT_RE.match(body)
        if not m:
            raise SystemExit(f"{src.name}:{no}: unparsed line: {body[:100]}")
        opt = {"text": nfc(m.group(1))}
        pts = m.group(2).strip()
        if re.fullmatch(r"\d+", pts):
            opt["points"] = int(pts)
        elif pts == "(trống trong văn bản)":
            opt["points"] = 0
            opt["printedPoints"] = ""
            opt["sourceNote"] = "Ô điểm để trống trong văn bản; đọc là 0 (các bộ khác ghi 0 cho phương án này)."
        else:
            tm = re.fullmatch(r"(\d+) ⚠ văn bản ghi \"(\d+)\" — gần như chắc chắn là lỗi đánh máy của (\d+) \((.+)\)",
                              pts)
            if not tm:
                raise SystemExit(f"{src.name}:{no}: bad points: {pts}")
            opt["points"] = int(tm.group(3))
            opt["printedPoints"] = tm.group(2)
            opt["sourceNote"] = (f"Văn bản ghi \"{tm.group(2)}\" — lỗi đánh máy; đọc là {tm.group(3)} "
                                 f"({nfc(tm.group(4))}).")
        if m.group(3):
            opt["minStars"] = int(m.group(3))
        if m.group(4):
            v = int(m.group(4))
            opt["variant"] = v
            owner.setdefault("variants", {})
            label = nfc(m.group(5))
            if owner["variants"].get(v, label) != label:
                raise SystemExit(f"{src.name}:{no}: variant {v} has two labels")
            owner["variants"][v] = label
        if m.group(6):
            note = nfc(m.group(6))
            opt["note"] = note
            if any(h in note.lower() for h in KNOCKOUT_HINTS) or "loại bỏ" in note.lower():
                owner["knockOut"] = {"kind": "disqualify", "text": note}
        owner.setdefault("options", []).append(opt)
    return sets


def check_minimums(s):
    """Cross-check the per-set 'Yêu cầu tối thiểu' line against the markers on the options."""
    line = s.get("_minimums", "")
    declared = set()
    for stars, body in re.findall(r"\*\*([345])★\*\*: ([^;]+)", line):
        for item in body.split(","):
            item = item.strip()
            if item in ("—", ""):
                continue
            code, pts = item.split("≥")
            declared.add((int(stars), code, int(pts)))
    found = set()

    def walk(n):
        for o in n.get("options", []):
            if "minStars" in o:
                found.add((o["minStars"], n["code"], o["points"]))
        for c in n.get("children", []):
            walk(c)
    for p in s["parts"]:
        for g in p["groups"]:
            walk(g)
    if declared != found:
        raise SystemExit(f"Bộ {s['set']}: markers differ from summary: {sorted(declared ^ found)}")


KEY_ORDER = ["code", "title", "max", "printedMax", "sourceNote", "yesNo", "notes", "condition", "knockOut",
             "variantNote", "variants", "options", "children"]


def ordered(node, subkey):
    out = {}
    for k in KEY_ORDER:
        if k not in node:
            continue
        if k == "children":
            out[subkey] = [ordered(c, "subcriteria") for c in node[k]]
        elif k == "variants":
            out[k] = {int(v): node[k][v] for v in sorted(node[k])}
        else:
            out[k] = node[k]
    return out


def emit(s):
    doc = {
        "set": s["set"],
        "title": s["title"],
        "category": s["category"],
        "group": s.get("group"),
        "disqualification": s.get("disqualification"),
        "parts": [],
    }
    for p in s["parts"]:
        po = {k: p[k] for k in ("code", "title", "max", "printedMax", "sourceNote") if k in p}
        po["groups"] = [ordered(g, "criteria") for g in p["groups"]]
        doc["parts"].append(po)
    return doc


class Dumper(yaml.SafeDumper):
    pass


def str_presenter(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"' if needs_quote(data) else None)


def needs_quote(s):
    return s == "" or s.strip() != s or bool(re.match(r"^[\d\-\[\]{}>|*&!%@`#,?:'\"]", s)) or ": " in s or " #" in s


Dumper.add_representer(str, str_presenter)


def main():
    src = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "qd26-2026"
    out.mkdir(parents=True, exist_ok=True)
    sets = parse(src)
    if [s["set"] for s in sets] != list(range(1, 27)):
        raise SystemExit("expected sets 1..26")
    for s in sets:
        check_minimums(s)
        text = yaml.dump(emit(s), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100000,
                         default_flow_style=False)
        header = (f"# QĐ 26/2026/QĐ-TTg, Phụ lục II — Bộ {s['set']}. {s['title']}\n"
                  f"# Generated by scoring/tools/generate.py from {SOURCE_NAME}; review diffs, do not hand-edit.\n")
        (out / f"set-{s['set']:02d}.yaml").write_text(header + text, encoding="utf-8")
    print(f"wrote {len(sets)} sets to {out}")


if __name__ == "__main__":
    main()
