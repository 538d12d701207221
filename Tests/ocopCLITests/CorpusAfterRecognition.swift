import Foundation

/// Bad inputs of the after-recognition write paths: outlets, listings (add, end, update),
/// targets, upgrade claims, self-assessments, and the reports' arguments.
extension Corpus {
    static func afterRecognition(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func c(_ group: String, _ name: String, _ arguments: [String], _ status: Int32, _ fragments: [String], files: [String: Data] = [:]) {
            cases.append(CorpusCase(group: group, name: name, arguments: arguments, files: files, status: status, fragments: fragments))
        }

        // Outlets.
        let outlet = ["outlet", "add", "OCOP-MOI", "--kind", "ocop-point", "--name", "Điểm OCOP mới"]
        c("outlet add", "malformed code", ["outlet", "add", "A B", "--kind", "agent", "--name", "X"], 65, ["mã kênh phân phối"])
        c("outlet add", "unknown kind", outlet.map { $0 == "ocop-point" ? "chợ" : $0 }, 65, ["chợ"])
        c("outlet add", "export without a country", ["outlet", "add", "XK-US", "--kind", "export", "--name", "Hoa Kỳ"], 65, ["mã nước", "--country"])
        c("outlet add", "a country on a supermarket", outlet.map { $0 == "ocop-point" ? "supermarket" : $0 } + ["--country", "JP"], 65, ["xuất khẩu"])
        c("outlet add", "Viet Nam is not an export market", ["outlet", "add", "XK-VN", "--kind", "export", "--name", "X", "--country", "VN"], 65, ["ISO 3166-1"])
        c("outlet add", "an importer on an OCOP point", outlet + ["--importer", "Công ty A"], 65, ["nhà nhập khẩu"])
        c("outlet add", "code already used", ["outlet", "add", "aeon-lb", "--kind", "supermarket", "--name", "Khác"], 73, ["AEON-LB"])
        for bad in badArguments {
            c("outlet add", "name: \(bad.name)", ["outlet", "add", "OCOP-MOI", "--kind", "agent", "--name", bad.value], 65, [bad.fragment])
        }
        c("outlet add", "address with a line break", outlet + ["--address", "a\nb"], 65, ["U+000A"])

        // Listings.
        let honey = "24-07678-001-2020"  // Mật ong rừng Tây Yên Tử: its certificate expired on 24/11/2026
        let add = ["listing", "add", "--product", "24-07561-001-2020", "--outlet", "AEON-LB", "--from", "2026-06-01"]  // Bưởi Đào đường, 4★ until 2027
        c("listing add", "unknown product", ["listing", "add", "--product", "24-07534-999-2026", "--outlet", "AEON-LB"], 66, ["24-07534-999-2026"])
        c("listing add", "unknown outlet", add.map { $0 == "AEON-LB" ? "KHONG-CO" : $0 }, 66, ["KHONG-CO"])
        c("listing add", "malformed outlet", add.map { $0 == "AEON-LB" ? "Aeon Long Biên" : $0 }, 65, ["mã kênh phân phối"])
        c("listing add", "a day in the future", add.map { $0 == "2026-06-01" ? "2027-01-01" : $0 }, 65, ["tương lai", "--from"])
        c("listing add", "malformed day", add.map { $0 == "2026-06-01" ? "01/06/2026" : $0 }, 65, ["YYYY-MM-DD"])
        c("listing add", "no certificate in force that day", ["listing", "add", "--product", honey, "--outlet", "AEON-LB"], 65, ["còn hiệu lực", "--from"])
        c("listing add", "another product's certificate", add + ["--certificate", "GCN-24-2026-0001"], 65, ["GCN-24-2026-0001"])
        c("listing add", "a certificate not in force that day", add + ["--certificate", "GCN-24-2020-0009"], 65, ["GCN-24-2020-0009"])
        c("listing add", "a certificate without the mark", add + ["--no-mark", "--certificate", "GCN-24-2024-0001"], 65, ["nhãn OCOP"])
        c("listing add", "malformed certificate", add + ["--certificate", "GCN-24"], 65, ["GCN"])
        c("listing add", "already listed there", ["listing", "add", "--product", honey, "--outlet", "VINMART-BG", "--no-mark"], 73, ["ocop listing end"])
        c("listing add", "contract with an escape", add + ["--contract", "HĐ\u{1B}[2J1"], 65, ["U+001B"])
        c("listing add", "contract too long", add + ["--contract", String(repeating: "9", count: 61)], 65, ["tối đa 60"])
        c("listing end", "unknown listing", ["listing", "end", "9999"], 66, ["9999"])
        c("listing end", "not a number", ["listing", "end", "một"], 64, ["một"])
        c("listing end", "already ended", ["listing", "end", world.endedListing], 73, ["#\(world.endedListing)"])
        c("listing end", "before it started", ["listing", "end", world.openListing, "--date", "2000-01-01"], 65, ["trước ngày bắt đầu"])
        c("listing end", "in the future", ["listing", "end", world.openListing, "--date", "2027-01-01"], 65, ["tương lai"])
        c("listing end", "reason with a bidi override", ["listing", "end", world.openListing, "--reason", "a\u{202E}b"], 65, ["U+202E"])
        c("listing update", "unknown listing", ["listing", "update", "9999"], 66, ["9999"])
        c("listing update", "a listing without the mark", ["listing", "update", world.plainListing], 65, ["không dùng nhãn OCOP"])
        c("listing update", "no certificate in force now", ["listing", "update", world.openListing], 65, ["còn hiệu lực"])
        c("listing update", "malformed certificate", ["listing", "update", world.openListing, "--certificate", "GCN-x"], 65, ["GCN"])
        c("listing list", "unknown product", ["listing", "list", "--product", "24-07534-999-2026"], 66, ["24-07534-999-2026"])

        // Targets.
        let target = ["target", "set", "--province", "24", "--year", "2027", "--products", "20"]
        c("target set", "malformed province", target.map { $0 == "24" ? "2" : $0 }, 65, ["mã tỉnh", "--province"])
        c("target set", "a province that did not exist", target.map { $0 == "24" ? "99" : $0 }, 66, ["99"])
        c("target set", "year out of range", target.map { $0 == "2027" ? "1999" : $0 }, 65, ["năm"])
        c("target set", "no products", target.map { $0 == "20" ? "0" : $0 }, 65, ["--products"])
        c("target set", "a changed target without --update", ["target", "set", "--province", "24", "--year", "2020", "--products", "30"], 73, ["--update", "32"])
        c("target set", "basis with an escape", target + ["--basis", "KH\u{1B}[31m"], 65, ["U+001B"])

        // Claims and self-assessments.
        let claim = ["dossier", "claim", world.upgrade, "--criterion", "4.1", "--points", "5", "--change", "Bán tại AEON"]
        c("dossier claim", "unknown dossier", claim.map { $0 == world.upgrade ? "HS-2026-9999" : $0 }, 66, ["HS-2026-9999"])
        c("dossier claim", "a first evaluation", claim.map { $0 == world.upgrade ? world.dossier : $0 }, 65, ["lần đầu"])
        c("dossier claim", "after the council", claim.map { $0 == world.upgrade ? "HS-2026-0008" : $0 }, 65, ["kết quả của Hội đồng"])
        c("dossier claim", "unknown criterion", claim.map { $0 == "4.1" ? "9.9" : $0 }, 65, ["9.9", "--criterion"])
        c("dossier claim", "a heading, not a criterion", claim.map { $0 == "4.1" ? "4" : $0 }, 65, ["--criterion"])
        c("dossier claim", "points not an option", claim.map { $0 == "5" ? "4" : $0 }, 65, ["1, 2, 3, 5", "--points"])
        c("dossier claim", "a criterion claimed twice", claim.map { $0 == "4.1" ? "2.3" : $0 == "5" ? "3" : $0 }, 73, ["2.3"])
        c("dossier claim", "blank change", claim.map { $0 == "Bán tại AEON" ? "  " : $0 }, 65, ["trống", "--change"])
        c("dossier claim", "evidence with an escape", claim + ["--evidence", "HĐ\u{1B}c"], 65, ["U+001B", "--evidence"])
        c("dossier claim", "too much evidence", claim + Array(repeating: ["--evidence", "HĐ"], count: 21).flatMap { $0 }, 65, ["tối đa 20"])
        let missing = "self-missing.yaml"
        c("dossier self-assess", "unknown dossier", ["dossier", "self-assess", "HS-2026-9999", "--sheet", "@\(missing)"], 66, ["HS-2026-9999"],
          files: [missing: Data(world.sheetText().utf8)])
        c("dossier self-assess", "sheet file missing", ["dossier", "self-assess", world.dossier, "--sheet", "/nonexistent-self.yaml"], 66, ["/nonexistent-self.yaml"])
        c("dossier self-assess", "a criterion missing", ["dossier", "self-assess", world.dossier, "--sheet", "@self-1.yaml"], 65, [world.sheet[0].0],
          files: ["self-1.yaml": Data(world.sheetText([world.sheet[0].0: nil]).utf8)])
        c("dossier self-assess", "points not an option", ["dossier", "self-assess", world.dossier, "--sheet", "@self-2.yaml"], 65, ["1.2"],
          files: ["self-2.yaml": Data(world.sheetText(["1.2": 7]).utf8)])
        c("dossier self-assess", "after the council", ["dossier", "self-assess", "HS-2026-0008", "--sheet", "@self-3.yaml"], 65, ["kết quả của Hội đồng"],
          files: ["self-3.yaml": Data(world.sheetText().utf8)])
        c("plan", "no stored self-assessment", ["plan", world.upgrade, "--self-assessment", "--target", "5"], 66, ["self-assess"])
        c("plan", "self-assessment and a sheet", ["plan", "--self-assessment", "--sheet", "/x.yaml", "--set", "1", "--target", "4"], 64, ["--self-assessment"])
        c("dossier diff", "before the council", ["dossier", "diff", world.upgrade], 66, [world.upgrade])
        c("dossier diff", "a first evaluation", ["dossier", "diff", "HS-2026-0001"], 65, ["lần đầu"])

        // Reports.
        c("report", "round year out of range", ["report", "round", "1999", "1"], 65, ["năm"])
        c("report", "round out of range", ["report", "round", "2026", "10"], 65, ["đợt"])
        c("report", "malformed province", ["report", "register", "--province", "x"], 65, ["mã tỉnh"])
        c("report", "malformed day", ["report", "register", "--as-of", "2026-13-01"], 65, ["không có tháng 13", "--as-of"])
        c("report", "unknown format", ["report", "register", "--format", "xml"], 64, ["xml"])
        c("report", "a format not offered", ["product", "history", "24-07804-001-2020", "--format", "markdown"], 64, ["markdown"])
        c("report", "negative days", ["report", "expiring", "--within=-1"], 65, ["--within"])
        return cases
    }
}
