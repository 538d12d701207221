import Foundation

/// The cases of the bad-input corpus, grouped by write path. Exit statuses: 64 a bad command
/// line, 65 bad input, 66 something named does not exist, 73 a conflict with what is stored.
enum Corpus {
    static func cases(_ world: CorpusWorld) -> [CorpusCase] {
        registryImports() + producers() + products(world) + dossiers(world) + councils(world) + sessions(world) + sheets(world) + scoreImports(world) + chores()
            + printing(world)
            + afterRecognition(world)
    }

    private static func data(_ text: String) -> Data { Data(text.utf8) }

    /// Text values every free-text field must refuse, with what the message says.
    /// The bad texts a command line can carry (an argument cannot hold a NUL).
    static var badArguments: [(name: String, value: String, fragment: String)] { badTexts.filter { $0.name != "NUL" } }

    static let badTexts: [(name: String, value: String, fragment: String)] = [
        ("blank", "   ", "trống"),
        ("NUL", "Tên\u{0}cắt", "U+0000"),
        ("escape", "\u{1B}[31mđỏ\u{1B}[0m", "U+001B"),
        ("bidi override", "abc\u{202E}cba", "U+202E"),
        ("too long", String(repeating: "Dài ", count: 80), "tối đa 200"),
        ("line break", "hai\ndòng", "U+000A"),
    ]

    // MARK: CSV imports

    static func registryImports() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func csv(_ kind: String, _ name: String, _ text: String, status: Int32 = 65, _ fragments: [String], extra: [String] = []) {
            cases.append(CorpusCase(group: "import \(kind)", name: name, arguments: ["import", kind, "@\(kind)-\(cases.count).csv"] + extra,
                                    files: ["\(kind)-\(cases.count).csv": data(text)], status: status, fragments: fragments))
        }
        func csvData(_ kind: String, _ name: String, _ bytes: Data, _ fragments: [String]) {
            cases.append(CorpusCase(group: "import \(kind)", name: name, arguments: ["import", kind, "@\(kind)-\(cases.count).csv"],
                                    files: ["\(kind)-\(cases.count).csv": bytes], status: 65, fragments: fragments))
        }
        let rows: [(kind: String, header: [String], good: [String])] = [
            ("provinces", ["code", "name", "kind", "valid_from", "valid_to"], ["93", "Tỉnh Mới", "tinh", "2025-07-01", ""]),
            ("communes", ["code", "name", "province_code", "kind", "valid_from"], ["09999", "Xã Mới", "24", "xa", "2025-07-01"]),
            ("producers", ["registration_no", "name", "kind", "commune_code", "phone", "email"], ["2400999100", "HTX Mới", "htx", "07534", "0204000100", "a@b.vn"]),
            ("products", ["name", "producer_registration_no", "product_set", "code", "year"], ["Sản phẩm mới", "2400910001", "12", "", "2026"]),
            ("recognitions", ["product_name", "producer_registration_no", "stars", "year", "rubric", "province_code", "decision_date", "score"],
             ["Trà giảo cổ lam Sa Lý", "2400910001", "3", "2026", "qd26-2026", "24", "2026-11-01", "72"]),
        ]
        func line(_ values: [String]) -> String {
            values.map { $0.contains(",") || $0.contains("\"") || $0.contains("\n") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
        }
        // Per column: values that must be refused.
        let badValues: [String: [(String, String)]] = [
            "code": [("AB", "mã"), ("２４", "mã"), ("1;DROP TABLE province", "mã"), ("", "trống")],
            "province_code": [("2", "mã tỉnh"), ("99", "99"), ("x", "mã tỉnh")],
            "commune_code": [("7534", "mã xã"), ("99999", "99999"), ("O7534", "mã xã")],
            "kind": [("huyen", "loại"), ("", "trống")],
            "valid_from": [("2025-02-30", "tháng 2 năm 2025 có 28 ngày"), ("01/07/2025", "YYYY-MM-DD"), ("1800-01-01", "1945")],
            "valid_to": [("2025-06-31", "không có ngày 31")],
            "registration_no": [("AB", "mã số thuế"), ("２４００９９９１００", "mã số thuế"), ("12345", "mã số thuế"), ("", "trống")],
            "phone": [("abc", "điện thoại"), ("123", "điện thoại")],
            "email": [("không-có-a-còng", "thư điện tử"), ("a@b", "thư điện tử")],
            "product_set": [("0", "bộ sản phẩm"), ("27", "bộ sản phẩm"), ("bốn", "số nguyên"), ("", "trống")],
            "producer_registration_no": [("2400999999", "2400999999"), ("xx", "mã số thuế")],
            "year": [("99999", "năm"), ("1999", "năm"), ("năm nay", "số nguyên")],
            "stars": [("2", "3–5 sao"), ("6", "3–5 sao"), ("ba", "số nguyên")],
            "rubric": [("qd99-2030", "qd99-2030")],
            "decision_date": [("2027-01-01", "tương lai"), ("2026-13-01", "không có tháng 13")],
            "score": [("101", "0 đến 100"), ("-1", "0 đến 100"), ("7O", "0 đến 100")],
            "product_name": [("Không có sản phẩm này", "Không có sản phẩm này")],
        ]
        for row in rows {
            for (index, column) in row.header.enumerated() {
                for (value, fragment) in badValues[column] ?? [] {
                    // A blank optional cell means "not given" (a default kind, an assigned code).
                    if value.isEmpty && (column == "kind" && row.kind != "producers" || column == "code" && row.kind == "products") { continue }
                    var values = row.good
                    values[index] = value
                    csv(row.kind, "\(column) = \(value)", line(row.header) + "\n" + line(values) + "\n", ["dòng 2", fragment])
                }
                // Every text column refuses the bad texts.
                if ["name", "product_name"].contains(column) {
                    for bad in badTexts where !(row.kind == "recognitions" && bad.name == "too long") {
                        var values = row.good
                        values[index] = bad.value
                        csv(row.kind, "\(column): \(bad.name)", line(row.header) + "\n" + line(values) + "\n", ["dòng 2", bad.fragment])
                    }
                }
            }
            let header = line(row.header)
            let good = line(row.good)
            csv(row.kind, "missing column", line(Array(row.header.dropFirst())) + "\n" + line(Array(row.good.dropFirst())) + "\n", ["thiếu cột bắt buộc"])
            csv(row.kind, "unknown column", header + ",fax\n" + good + ",1\n", ["cột không xác định: fax"])
            csv(row.kind, "repeated column", header + "," + row.header[0] + "\n" + good + "," + row.good[0] + "\n", ["lặp lại"])
            csv(row.kind, "short row", header + "\n" + line(Array(row.good.dropLast())) + "\n", ["dòng 2", "cột"])
            csv(row.kind, "long row", header + "\n" + good + ",thừa\n", ["dòng 2", "cột"])
            csv(row.kind, "unclosed quote", header + "\n\"" + good + "\n", ["ngoặc kép"])
            csv(row.kind, "stray quote", header + "\n" + good.replacingOccurrences(of: ",", with: ",a\"b", options: [], range: good.range(of: ",")) + "\n", ["ngoặc kép"])
            csv(row.kind, "empty file", "", ["trống"])
            csv(row.kind, "blank file", "\n\n  \n", ["trống"])
            csv(row.kind, "same key twice", header + "\n" + good + "\n" + good + "\n", ["dòng 3", "dòng 2"])
            var latin1 = Data((header + "\n").utf8)
            latin1.append(contentsOf: Array(row.good[0].utf8) + [0xE0, 0x2C])
            latin1.append(contentsOf: Array(row.good.dropFirst().joined(separator: ",").utf8) + [0x0A])
            csvData(row.kind, "not UTF-8", latin1, ["UTF-8", "dòng 2"])
            csvData(row.kind, "UTF-16", Data([0xFF, 0xFE] + Array(header.utf8).flatMap { [$0, 0] }), ["UTF-8"])
            cases.append(CorpusCase(group: "import \(row.kind)", name: "file not found", arguments: ["import", row.kind, "/nonexistent/\(row.kind).csv"],
                                    status: 66, fragments: ["/nonexistent/\(row.kind).csv"]))
            cases.append(CorpusCase(group: "import \(row.kind)", name: "a folder", arguments: ["import", row.kind, "/tmp"], status: 65, fragments: ["/tmp"]))
        }
        // Records that exist: equal lines would pass; a different one is refused without --update.
        csv("provinces", "changes a stored province", "code,name,valid_from\n24,Bắc Ninh đổi tên,2025-07-01\n", ["dòng 2", "--update"])
        csv("producers", "changes a stored producer", "registration_no,name,kind,commune_code\n2400910001,HTX khác tên,htx,07534\n", ["dòng 2", "--update"])
        csv("producers", "association owning tea, updated", "registration_no,name,kind,commune_code\n2400910001,HTX Dược liệu Sa Lý,hoi,07534\n",
            ["du lịch"], extra: ["--update"])
        csv("products", "a product's code never changes", "name,producer_registration_no,product_set,code\nTrà giảo cổ lam Sa Lý,2400910001,12,24-07534-099-2026\n",
            ["mã sản phẩm"], extra: ["--update"])
        csv("products", "code is not T-X-STT-YYYY", "name,producer_registration_no,product_set,code\nMới,2400910001,12,ABC\n", ["T-X-STT-YYYY"])
        csv("products", "association with a non-tourism set", "name,producer_registration_no,product_set\nMật ong hội,2400910004,4\n", ["du lịch"])
        cases.append(CorpusCase(group: "import", name: "unknown kind", arguments: ["import", "farmers", "@x.csv"], files: ["x.csv": data("a\n1\n")],
                                status: 65, fragments: ["farmers"]))
        cases.append(CorpusCase(group: "import", name: "no file", arguments: ["import", "producers"], status: 64, fragments: ["CSV"]))
        cases.append(CorpusCase(group: "import", name: "year out of range", arguments: ["import", "products", "@y.csv", "--year", "3000"],
                                files: ["y.csv": data("name,producer_registration_no,product_set\nMới,2400910001,12\n")], status: 65, fragments: ["năm"]))
        return cases
    }

    // MARK: Producers

    static func producers() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let base = ["producer", "add", "--registration", "2400999200", "--name", "HTX Thử", "--kind", "htx", "--commune", "07534"]
        func add(_ name: String, replacing flag: String, with value: String, status: Int32 = 65, _ fragments: [String]) {
            var arguments = base
            if let index = arguments.firstIndex(of: flag) { arguments[index + 1] = value } else { arguments += [flag, value] }
            cases.append(CorpusCase(group: "producer add", name: name, arguments: arguments, status: status, fragments: fragments))
        }
        for (value, fragment) in [("AB", "mã số thuế"), ("２４００９９９２００", "mã số thuế"), ("12345", "mã số thuế"), ("  ", "trống"),
                                  ("2400999200-0011111111111", "mã số thuế"), ("2400999200-", "mã số thuế")] {
            add("registration \(value)", replacing: "--registration", with: value, [fragment, "--registration"])
        }
        for bad in badArguments { add("name: \(bad.name)", replacing: "--name", with: bad.value, [bad.fragment, "--name"]) }
        for value in ["cong_ty", "", "HTX!"] { add("kind \(value)", replacing: "--kind", with: value, ["htx"]) }
        for (value, status, fragment) in [("99999", Int32(66), "99999"), ("7534", 65, "mã xã"), ("abcde", 65, "mã xã")] {
            add("commune \(value)", replacing: "--commune", with: value, status: status, [fragment])
        }
        for value in ["a", "a@", "@b.vn", "a b@c.vn", "a@b"] { add("email \(value)", replacing: "--email", with: value, ["thư điện tử"]) }
        for value in ["12", "điện thoại", "09123456789012345"] { add("phone \(value)", replacing: "--phone", with: value, ["điện thoại"]) }
        for bad in badArguments where bad.name != "blank" { add("address: \(bad.name)", replacing: "--address", with: bad.value + String(repeating: bad.name == "too long" ? "x" : "", count: 100), [bad.fragment == "tối đa 200" ? "tối đa 300" : bad.fragment]) }
        for bad in badArguments where bad.name != "blank" { add("representative: \(bad.name)", replacing: "--representative", with: bad.value, [bad.fragment]) }
        add("registered already", replacing: "--registration", with: "2400910001", status: 73, ["2400910001", "HTX Dược liệu Sa Lý"])
        cases.append(CorpusCase(group: "producer add", name: "missing --name", arguments: ["producer", "add", "--registration", "2400999201", "--kind", "htx", "--commune", "07534"],
                                status: 64, fragments: ["--name"]))
        cases.append(CorpusCase(group: "producer add", name: "English", arguments: base.map { $0 == "07534" ? "7534" : $0 } + ["--lang", "en"],
                                status: 65, fragments: ["commune code is 5 digits"]))
        // Edits.
        let edit = ["producer", "edit", "2400910001"]
        cases.append(CorpusCase(group: "producer edit", name: "unknown producer", arguments: ["producer", "edit", "2400999999", "--name", "X"], status: 66, fragments: ["2400999999"]))
        cases.append(CorpusCase(group: "producer edit", name: "kind hoi with non-tourism products", arguments: edit + ["--kind", "hoi"], status: 65, fragments: ["du lịch"]))
        cases.append(CorpusCase(group: "producer edit", name: "kind unknown", arguments: edit + ["--kind", "xyz"], status: 65, fragments: ["xyz"]))
        for bad in badArguments { cases.append(CorpusCase(group: "producer edit", name: "name: \(bad.name)", arguments: edit + ["--name", bad.value], status: 65, fragments: [bad.fragment])) }
        cases.append(CorpusCase(group: "producer edit", name: "email", arguments: edit + ["--email", "x"], status: 65, fragments: ["thư điện tử"]))
        cases.append(CorpusCase(group: "producer edit", name: "phone", arguments: edit + ["--phone", "1"], status: 65, fragments: ["điện thoại"]))
        cases.append(CorpusCase(group: "producer edit", name: "commune", arguments: edit + ["--commune", "99999"], status: 66, fragments: ["99999"]))
        cases.append(CorpusCase(group: "producer edit", name: "female not a bool", arguments: edit + ["--female", "có lẽ"], status: 64, fragments: ["--female"]))
        return cases
    }

    // MARK: Products

    static func products(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let base = ["product", "add", "--producer", "2400910001", "--name", "Sản phẩm thử", "--set", "12"]
        func add(_ name: String, _ extra: [String], status: Int32 = 65, _ fragments: [String]) {
            var arguments = base
            var i = 0
            while i < extra.count {
                if let index = arguments.firstIndex(of: extra[i]) { arguments[index + 1] = extra[i + 1] } else { arguments += [extra[i], extra[i + 1]] }
                i += 2
            }
            cases.append(CorpusCase(group: "product add", name: name, arguments: arguments, status: status, fragments: fragments))
        }
        for value in ["0", "27", "99"] { add("set \(value)", ["--set", value], ["bộ sản phẩm"]) }
        add("set not a number", ["--set", "bốn"], status: 64, ["--set"])
        for value in ["99999", "1999", "2100"] { add("year \(value)", ["--year", value], ["năm"]) }
        for value in ["ABC", "24-07534-1-26", "24-7534-001-2026", "２４-07534-001-2026", "24-07534-000-2026", "24-07534-001-3000", "24--001-2026"] {
            add("code \(value)", ["--code", value], [value.count > 3 ? "mã" : "T-X-STT-YYYY"])
        }
        add("code taken", ["--code", world.product, "--name", "Tên khác"], status: 73, [world.product])
        for bad in badArguments { add("name: \(bad.name)", ["--name", bad.value], [bad.fragment]) }
        add("same name for the producer", ["--name", "Trà giảo cổ lam Sa Lý"], status: 73, ["Trà giảo cổ lam Sa Lý"])
        add("unknown producer", ["--producer", "2400999999"], status: 66, ["2400999999"])
        add("unknown commune", ["--commune", "09998"], status: 66, ["09998"])
        add("bad commune", ["--commune", "x"], ["mã xã"])
        add("association, non-tourism set", ["--producer", "2400910004", "--set", "4"], ["du lịch"])
        return cases
    }

    // MARK: Dossiers

    static func dossiers(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func c(_ group: String, _ name: String, _ arguments: [String], _ status: Int32, _ fragments: [String]) {
            cases.append(CorpusCase(group: group, name: name, arguments: arguments, status: status, fragments: fragments))
        }
        let open = ["dossier", "open", "--product", "24-07231-002-2019", "--kind", "lan_dau", "--year", "2026", "--round", "2"]
        c("dossier open", "unknown product", ["dossier", "open", "--product", "24-07534-999-2026"], 66, ["24-07534-999-2026"])
        c("dossier open", "kind", open + ["--kind", "mới"], 65, ["mới"])
        for year in ["1990", "3000"] { c("dossier open", "year \(year)", open.map { $0 == "2026" ? year : $0 }, 65, ["năm"]) }
        for round in ["0", "10"] { c("dossier open", "round \(round)", open.map { $0 == "2" ? round : $0 }, 65, ["kỳ"]) }
        for stars in ["2", "6"] { c("dossier open", "target \(stars)", open + ["--target-stars", stars], 65, ["hạng sao"]) }
        c("dossier open", "unknown rubric", open + ["--rubric", "qd1-1999"], 66, ["qd1-1999"])
        c("dossier open", "already open this round", ["dossier", "open", "--product", world.product, "--kind", "lan_dau"], 73, [world.product])
        for bad in badArguments where bad.name != "blank" && bad.name != "line break" {
            c("dossier open", "note: \(bad.name)", open + ["--note", bad.value + (bad.name == "too long" ? String(repeating: "x", count: 2000) : "")],
              65, [bad.fragment == "tối đa 200" ? "tối đa 2000" : bad.fragment])
        }
        for code in ["HS-2026-9999", "HS-1999-0001"] {
            for verb in ["advance", "withdraw", "status"] { c("dossier \(verb)", "unknown \(code)", ["dossier", verb, code], 66, [code]) }
        }
        for code in ["HS-26-1", "2026-0001", "HS-2026-", "hs_2026_0001", "HS-2026-０００１"] {
            c("dossier advance", "malformed \(code)", ["dossier", "advance", code], 65, ["HS-YYYY-NNNN"])
        }
        c("dossier advance", "ready is scheduled by a session", ["dossier", "advance", "HS-2026-0006"], 65, ["phiên họp"])
        c("dossier advance", "scheduled is decided by the council", ["dossier", "advance", world.dossier], 65, [world.dossier])
        c("dossier advance", "unknown target", ["dossier", "advance", "HS-2026-0006", "--to", "done"], 65, ["done"])
        c("dossier return", "nothing missing", ["dossier", "return", "HS-2026-0006"], 65, ["bổ sung"])
        c("dossier return", "blank missing", ["dossier", "return", "HS-2026-0006", "--missing", "  "], 65, ["bổ sung"])
        c("dossier return", "decided dossier", ["dossier", "return", "HS-2026-0001", "--missing", "x"], 65, ["HS-2026-0001"])
        c("dossier return", "missing with an escape", ["dossier", "return", "HS-2026-0006", "--missing", "a\u{1B}[2Jb"], 65, ["U+001B"])
        return cases
    }

    // MARK: Councils

    static func councils(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func c(_ group: String, _ name: String, _ arguments: [String], _ status: Int32, _ fragments: [String]) {
            cases.append(CorpusCase(group: group, name: name, arguments: arguments, status: status, fragments: fragments))
        }
        let create = ["council", "create", "BN-HD-2027", "--name", "Hội đồng 2027"]
        c("council create", "code taken", ["council", "create", "BN-HD-2026", "--name", "X"], 73, ["BN-HD-2026"])
        for code in ["bn hd", "", "Hội-đồng", String(repeating: "A", count: 41)] { c("council create", "code \(code.prefix(8))", ["council", "create", code, "--name", "X"], 65, ["mã hội đồng"]) }
        for bad in badArguments { c("council create", "name: \(bad.name)", ["council", "create", "BN-HD-2027", "--name", bad.value], 65, [bad.fragment]) }
        for quorum in ["5/3", "0/3", "abc", "2/0", "1/1/1"] { c("council create", "quorum \(quorum)", create + ["--quorum", quorum], 65, ["túc số"]) }
        c("council create", "level", create + ["--level", "huyen"], 64, ["huyen"])
        for spread in ["101", "1000"] { c("council create", "spread \(spread)", create + ["--max-spread", spread], 65, ["chênh"]) }
        c("council create", "minimum split", create + ["--minimum-split", "vote"], 64, ["vote"])
        c("council create", "province", create + ["--province", "ab"], 65, ["mã tỉnh"])
        let member = ["council", "member", "BN-HD-2026"]
        c("council member", "unknown council", ["council", "member", "XX-1", "--person", "a", "--name", "A"], 66, ["XX-1"])
        c("council member", "bad person code", member + ["--person", "Nguyễn Văn A", "--name", "A"], 65, ["mã người"])
        c("council member", "unknown person without a name", member + ["--person", "ai-do"], 66, ["ai-do"])
        c("council member", "role", member + ["--person", "uv-dang-van-son", "--role", "boss"], 65, ["boss"])
        c("council member", "chair's role while a session is open", member + ["--person", "ct-nguyen-van-hung", "--role", "member"], 73, [world.session])
        c("council member", "a new member while a session is open", member + ["--person", "uv-moi", "--name", "Người Mới"], 73, [world.session])
        for bad in badArguments where bad.name != "blank" { c("council member", "name: \(bad.name)", member + ["--person", "uv-x", "--name", bad.value], 65, [bad.fragment]) }
        return cases
    }

    // MARK: Sessions

    static func sessions(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func c(_ group: String, _ name: String, _ arguments: [String], _ status: Int32, _ fragments: [String]) {
            cases.append(CorpusCase(group: group, name: name, arguments: arguments, status: status, fragments: fragments))
        }
        let s = world.session, d = world.dossier
        let open = ["council", "session", "open", "--council", "BN-HD-2026", "--date", "2026-11-26"]
        c("session open", "no dossier", open, 65, ["ít nhất một hồ sơ"])
        c("session open", "unknown council", ["council", "session", "open", "--council", "XX-9", "--date", "2026-11-26", "--dossier", "HS-2026-0006"], 66, ["XX-9"])
        for date in ["26/11/2026", "2026-11-31", "hôm nay"] { c("session open", "date \(date)", open.map { $0 == "2026-11-26" ? date : $0 } + ["--dossier", "HS-2026-0006"], 65, ["ngày"]) }
        c("session open", "dossier not ready", open + ["--dossier", "HS-2026-0001"], 65, ["HS-2026-0001"])
        c("session open", "transition rubric", open + ["--dossier", "HS-2026-0007"], 65, ["Hồ sơ HS-2026-0007", "qd148-2023"])
        c("session open", "dossier twice", open + ["--dossier", "HS-2026-0006", "--dossier", "HS-2026-0006"], 65, ["HS-2026-0006"])
        c("session open", "dossier on an undecided session", open + ["--dossier", d], 73, ["Hồ sơ \(d) đã được xếp vào phiên \(s)"])
        c("session open", "unknown dossier", open + ["--dossier", "HS-2026-9999"], 66, ["HS-2026-9999"])
        c("session open", "absent not a member", open + ["--dossier", "HS-2026-0006", "--absent", "ai-do"], 65, ["ai-do"])
        let recuse = ["council", "session", "recuse", s, "--dossier", d]
        c("session recuse", "unknown member", recuse + ["--member", "ai-do", "--reason", "x"], 65, ["ai-do"])
        c("session recuse", "kind", recuse + ["--member", "uv-dang-van-son", "--kind", "ban-be", "--reason", "x"], 65, ["ban-be"])
        c("session recuse", "blank reason", recuse + ["--member", "uv-dang-van-son", "--reason", " "], 65, ["lý do"])
        c("session recuse", "dossier not on the session", ["council", "session", "recuse", s, "--dossier", "HS-2026-0001", "--member", "uv-dang-van-son", "--reason", "x"], 65, ["HS-2026-0001"])
        c("session recuse", "finalized session", ["council", "session", "recuse", "PH-2026-001", "--dossier", "HS-2026-0001", "--member", "uv-dang-van-son", "--reason", "x"], 73, ["HS-2026-0001"])
        c("session recuse", "unknown session", ["council", "session", "recuse", "PH-2026-099", "--dossier", d, "--member", "uv-dang-van-son", "--reason", "x"], 66, ["PH-2026-099"])
        c("session recuse", "malformed session", ["council", "session", "recuse", "P-1", "--dossier", d, "--member", "uv-dang-van-son", "--reason", "x"], 65, ["PH-YYYY-NNN"])
        c("session attendance", "unknown person", ["council", "session", "attendance", s, "--absent", "ai-do"], 65, ["ai-do"])
        c("session attendance", "finalized", ["council", "session", "attendance", "PH-2026-001", "--absent", "uv-dang-van-son"], 73, ["PH-2026-001"])
        c("session defer", "blank reason", ["council", "session", "defer", s, "--dossier", d, "--reason", "  "], 65, ["lý do"])
        c("session defer", "reason with escapes", ["council", "session", "defer", s, "--dossier", d, "--reason", "\u{1B}[2J"], 65, ["U+001B"])
        c("session defer", "not on the session", ["council", "session", "defer", s, "--dossier", "HS-2026-0001", "--reason", "x"], 65, ["HS-2026-0001"])
        c("session override", "unknown flag", ["council", "session", "override", s, "--dossier", d, "--flag", "spread", "--chair", "ct-nguyen-van-hung", "--reason", "x"], 65, ["spread"])
        c("session override", "not the chair", ["council", "session", "override", s, "--dossier", d, "--flag", "quorum", "--chair", "uv-dang-van-son", "--reason", "x"], 65, ["uv-dang-van-son"])
        c("session knockout", "not a clause of the set", ["council", "session", "knockout", s, "--dossier", d, "--clause", "9.9", "--reason", "x", "--by", "ct-nguyen-van-hung"], 65, ["9.9"])
        c("session knockout", "blank reason", ["council", "session", "knockout", s, "--dossier", d, "--clause", "hồ sơ", "--reason", " ", "--by", "ct-nguyen-van-hung"], 65, ["lý do"])
        c("session knockout", "withdraw what was never decided", ["council", "session", "knockout", s, "--dossier", d, "--clause", "hồ sơ", "--reason", "x", "--withdraw", "--by", "ct-nguyen-van-hung"], 65, ["hồ sơ"])
        let reschedule = ["council", "session", "reschedule", s, "--reason", "Hoãn họp"]
        c("session reschedule", "before the filing", reschedule + ["--date", "2026-12-01"], 65, [d, "--date"])
        c("session reschedule", "the same day", reschedule + ["--date", "2026-12-05"], 65, ["--date"])
        c("session reschedule", "date 05/12/2026", reschedule + ["--date", "05/12/2026"], 65, ["YYYY-MM-DD"])
        c("session reschedule", "blank reason", ["council", "session", "reschedule", s, "--date", "2026-12-08", "--reason", " "], 65, ["lý do"])
        c("session reschedule", "finalized session", ["council", "session", "reschedule", "PH-2026-001", "--date", "2026-12-08", "--reason", "x"], 73, ["PH-2026-001"])
        c("session reschedule", "unknown session", ["council", "session", "reschedule", "PH-2026-099", "--date", "2026-12-08", "--reason", "x"], 66, ["PH-2026-099"])
        c("session finalize", "quorum not met", ["council", "session", "finalize", s], 65, ["túc số"])
        c("session finalize", "unknown session", ["council", "session", "finalize", "PH-2026-077"], 66, ["PH-2026-077"])
        cases.append(CorpusCase(group: "session finalize", name: "before the session's day", arguments: ["council", "session", "finalize", s],
                                status: 65, fragments: [s, "05/12/2026", "chưa thể kết luận"],
                                environment: ["OCOP_CLOCK": "2026-12-03T09:00:00+07:00"]))
        c("session finalize", "dossier not on it", ["council", "session", "finalize", s, "--dossier", "HS-2026-0001"], 65, ["HS-2026-0001"])
        return cases
    }

    // MARK: Sheets

    static func sheets(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let d = world.dossier
        let first = world.sheet[0].0
        func sheet(_ name: String, _ text: String, member: String = "uv-dang-van-son", extra: [String] = [], status: Int32 = 65, _ fragments: [String]) {
            let file = "sheet-\(cases.count).yaml"
            cases.append(CorpusCase(group: "score", name: name, arguments: ["score", d, "--member", member, "--sheet", "@\(file)", "--submit"] + extra,
                                    files: [file: Data(text.utf8)], status: status, fragments: fragments))
        }
        sheet("a criterion missing", world.sheetText([first: nil]), [first])
        sheet("an unknown criterion", world.sheetText(extra: "\"9.9\": 1\n"), ["9.9"])
        sheet("a wrong criterion code", world.sheetText(extra: "\"1.1.1\": 1\n"), ["1.1.1"])
        for points in [7, -1, 100] {
            sheet("points \(points) not an option of 1.2", world.sheetText(["1.2": points]), ["1.2"])
        }
        sheet("points not a number", world.sheetText().replacingOccurrences(of: "\"\(first)\": ", with: "\"\(first)\": ba #"), [first])
        sheet("points as text", world.sheetText().replacingOccurrences(of: "\"\(first)\": \(world.sheet[0].1)", with: "\"\(first)\": \"ba\""), [first])
        sheet("a criterion twice", world.sheetText(extra: "\"\(first)\": \(world.sheet[0].1)\n"), [first])
        sheet("not YAML", "{{{ :::", ["YAML"])
        sheet("a list, not a mapping", "- 1\n- 2\n", ["bảng"])
        sheet("empty", "", ["trống"])
        sheet("member label with a NUL", "member: \"a\\0b\"\n" + world.sheetText(), ["U+0000"])
        sheet("too many entries", world.sheetText(extra: (0..<120).map { "\"x\($0)\": 1" }.joined(separator: "\n") + "\n"), ["tối đa 100"])
        sheet("a misspelt field", world.sheetText(extra: "membr: An\n"), ["membr", "member, set, knockOuts"])
        sheet("answers wrapped in a key", "criteria:\n" + world.sheetText().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n",
              ["criteria", "\"1.1\": 3"])
        sheet("knockOuts not a list", world.sheetText(extra: "knockOuts: hồ sơ\n"), ["knockOuts"])
        sheet("tourism variant on a set without cases", world.sheetText().replacingOccurrences(of: "\"\(first)\": \(world.sheet[0].1)", with: "\"\(first)\": {variant: 1, points: \(world.sheet[0].1)}"), [first])
        sheet("already submitted", world.sheetText(), member: "uv-vu-thi-lan", status: 73, ["uv-vu-thi-lan"])
        cases.append(CorpusCase(group: "score", name: "before the meeting's day", arguments: ["score", d, "--member", "uv-dang-van-son", "--sheet", "@early.yaml", "--submit"],
                                files: ["early.yaml": Data(world.sheetText().utf8)], status: 65,
                                fragments: [world.session, "05/12/2026", "chưa nhận phiếu trước ngày đó"],
                                environment: ["OCOP_CLOCK": "2026-12-04T09:00:00+07:00"]))
        sheet("not a member", world.sheetText(), member: "ai-do", status: 66, ["ai-do"])
        sheet("an advisor does not score", world.sheetText(), member: "tv-ngo-minh-tuan", status: 65, ["tv-ngo-minh-tuan"])
        sheet("malformed member code", world.sheetText(), member: "Ủy viên A", status: 65, ["mã người"])
        sheet("paper without its reference", world.sheetText(), extra: ["--entered-by", "tk-bui-thi-thu"], ["--paper-ref"])
        sheet("paper reference without who entered it", world.sheetText(), extra: ["--paper-ref", "PC-1"], ["--entered-by"])
        sheet("correction reason without a first sheet", world.sheetText(), extra: ["--reason", "sửa"], ["uv-dang-van-son"])
        let big = String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 3000)
        sheet("a file over the limit", big + world.sheetText(), ["256 KiB"])
        cases.append(CorpusCase(group: "score", name: "not UTF-8", arguments: ["score", d, "--member", "uv-dang-van-son", "--sheet", "@latin.yaml", "--submit"],
                                files: ["latin.yaml": Data("member: ".utf8) + Data([0xE9, 0x0A])], status: 65, fragments: ["UTF-8"]))
        cases.append(CorpusCase(group: "score", name: "sheet file missing", arguments: ["score", d, "--member", "uv-dang-van-son", "--sheet", "/nonexistent.yaml", "--submit"],
                                status: 66, fragments: ["/nonexistent.yaml"]))
        cases.append(CorpusCase(group: "score", name: "unknown dossier", arguments: ["score", "HS-2026-9999", "--member", "uv-dang-van-son", "--sheet", "@ok.yaml", "--submit"],
                                files: ["ok.yaml": Data(world.sheetText().utf8)], status: 66, fragments: ["HS-2026-9999"]))
        cases.append(CorpusCase(group: "score", name: "dossier not in an open session", arguments: ["score", "HS-2026-0001", "--member", "uv-dang-van-son", "--sheet", "@ok2.yaml", "--submit"],
                                files: ["ok2.yaml": Data(world.sheetText().utf8)], status: 65, fragments: ["HS-2026-0001"]))
        cases.append(CorpusCase(group: "score", name: "submit without a sheet, no terminal", arguments: ["score", d, "--member", "uv-dang-van-son", "--submit"],
                                status: 64, fragments: ["--sheet"]))
        return cases
    }

    // MARK: Score imports

    static func scoreImports(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        let d = world.dossier
        func rows(member: String = "uv-dang-van-son", _ changes: [String: String?] = [:]) -> String {
            world.sheet.compactMap { code, points -> String? in
                if let change = changes[code] { return change.map { "\(d),\(member),\(code),\($0)" } }
                return "\(d),\(member),\(code),\(points)"
            }.joined(separator: "\n") + "\n"
        }
        let header = "dossier,member,criterion,points\n"
        func csv(_ name: String, _ text: String, status: Int32 = 65, _ fragments: [String]) {
            let file = "scores-\(cases.count).csv"
            cases.append(CorpusCase(group: "score import", name: name, arguments: ["score", "import", "@\(file)"], files: [file: Data(text.utf8)], status: status, fragments: fragments))
        }
        let first = world.sheet[0].0
        csv("a criterion missing", header + rows([first: nil]), [first])
        csv("an unknown criterion", header + rows() + "\(d),uv-dang-van-son,9.9,1\n", ["9.9"])
        csv("points not an option", header + rows(["1.2": "7"]), ["1.2"])
        csv("points not a number", header + rows(["1.2": "bảy"]), ["bảy"])
        csv("a row twice", header + rows() + "\(d),uv-dang-van-son,\(first),\(world.sheet[0].1)\n", [first])
        csv("not a member", header + rows(member: "ai-do"), ["ai-do"])
        csv("an advisor", header + rows(member: "tv-ngo-minh-tuan"), ["tv-ngo-minh-tuan"])
        // A sheet equal to the submitted one is skipped (tested in ScoreCommandTests); a different one needs a reason.
        csv("already submitted, changed without a reason", header + rows(member: "uv-vu-thi-lan", ["1.1": "3"]), ["uv-vu-thi-lan", "dòng 2"])
        csv("unknown dossier", header + rows().replacingOccurrences(of: d, with: "HS-2026-9999"), status: 66, ["HS-2026-9999"])
        csv("malformed dossier code", header + rows().replacingOccurrences(of: d, with: "HS-26-1"), ["HS-26-1"])
        csv("missing column", "dossier,member,criterion\n\(d),uv-dang-van-son,1.1\n", ["points"])
        csv("unknown column", "dossier,member,criterion,points,fax\n", ["fax"])
        csv("empty", "", ["trống"])
        csv("unclosed quote", header + "\"\(d),uv-dang-van-son,1.1,1\n", ["dòng 2"])
        csv("paper without reference", "dossier,member,criterion,points,entered_by\n" + rows().split(separator: "\n").map { $0 + ",tk-bui-thi-thu" }.joined(separator: "\n") + "\n", ["paper_ref"])
        csv("a NUL in a cell", header + rows().replacingOccurrences(of: "uv-dang-van-son,\(first)", with: "uv-dang-van-son\u{0},\(first)"), ["dòng"])
        cases.append(CorpusCase(group: "score import", name: "not UTF-8", arguments: ["score", "import", "@latin-scores.csv"],
                                files: ["latin-scores.csv": Data(header.utf8) + Data("\(d),uv-dang-van-son,1.1,".utf8) + Data([0xB3, 0x0A])],
                                status: 65, fragments: ["UTF-8", "dòng 2"]))
        cases.append(CorpusCase(group: "score import", name: "finalized session named", arguments: ["score", "import", "@s.csv", "--session", "PH-2026-001"],
                                files: ["s.csv": Data((header + rows()).utf8)], status: 65, fragments: [d]))
        return cases
    }

    // MARK: Chores

    static func chores() -> [CorpusCase] {
        [
            CorpusCase(group: "demo", name: "demo over existing data", arguments: ["demo"], status: 65, fragments: ["--reset"]),
            CorpusCase(group: "demo", name: "reset of a configured server without --yes", arguments: ["demo", "--reset"], status: 65, fragments: ["--yes"]),
            CorpusCase(group: "db", name: "reset of a configured server", arguments: ["db", "reset"], status: 65, fragments: ["nội bộ"]),
            CorpusCase(group: "db", name: "destroy of a configured server", arguments: ["db", "destroy", "--yes"], status: 65, fragments: ["nội bộ"]),
            CorpusCase(group: "user", name: "acting person not a code", arguments: ["producer", "edit", "2400910001", "--name", "X", "--as", "Nguyễn Văn A"], status: 65, fragments: ["mã người"]),
            CorpusCase(group: "user", name: "OCOP_LANG unknown", arguments: ["producer", "list", "--lang", "fr"], status: 64, fragments: ["fr"]),
        ]
    }

    // MARK: Printing, keys and verification

    /// The world's one key is in service from 01/12/2026: it cannot sign the round's certificates
    /// (issued 16/11/2026), so no print below reaches the point of giving a status-list index.
    static func printing(_ world: CorpusWorld) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        func c(_ group: String, _ name: String, _ arguments: [String], _ status: Int32, _ fragments: [String], files: [String: Data] = [:]) {
            cases.append(CorpusCase(group: group, name: name, arguments: arguments, files: files, status: status, fragments: fragments))
        }
        let create = ["issuer", "key", "create", "--issuer", "24"]
        c("issuer key create", "issuer not a code", ["issuer", "key", "create", "--issuer", "99X"], 65, ["cơ quan cấp", "--issuer"])
        c("issuer key create", "unknown province", ["issuer", "key", "create", "--issuer", "98"], 66, ["98"])
        c("issuer key create", "until before from", create + ["--valid-from", "2027-01-01", "--valid-until", "2026-12-31"], 65, ["ngày cuối dùng khóa", "--valid-until"])
        c("issuer key create", "impossible date", create + ["--valid-from", "2026-02-30"], 65, ["ngày bắt đầu dùng khóa"])
        c("issuer key create", "key file exists", create + ["--key-file", "@existing.json"], 73, ["existing.json", "không ghi đè"],
          files: ["existing.json": data("{}")])
        c("issuer key create", "key folder missing", create + ["--key-file", "/nonexistent-ocop/k.json"], 69, ["/nonexistent-ocop/k.json"])
        c("issuer key add", "no such file", ["issuer", "key", "add", "--key-file", "/nonexistent-ocop/k.json"], 66, ["/nonexistent-ocop/k.json"])
        c("issuer key add", "readable by others", ["issuer", "key", "add", "--key-file", "@open-key.json"], 78, ["chmod 600"], files: ["open-key.json": data("{}")])
        c("issuer key retire", "unknown kid", ["issuer", "key", "retire", "24-AAAAAAAA"], 66, ["24-AAAAAAAA"])
        c("issuer key retire", "before its service", ["issuer", "key", "retire", world.kid, "--date", "2026-11-30"], 65, ["01/12/2026"])
        c("issuer key retire", "bad date", ["issuer", "key", "retire", world.kid, "--date", "30/11/2026"], 65, ["ngày"])
        c("issuer key show", "issuer not a code", ["issuer", "key", "show", "--issuer", "x"], 65, ["cơ quan cấp"])
        c("issuer key export", "unknown kid", ["issuer", "key", "export", "--pem", "24-AAAAAAAA"], 66, ["24-AAAAAAAA"])

        let set = ["issuer", "set", "24"]
        c("issuer set", "issuer not a code", ["issuer", "set", "2A", "--frame-color", "#000000"], 65, ["cơ quan cấp"])
        c("issuer set", "unknown province", ["issuer", "set", "98", "--no-frame"], 66, ["98"])
        c("issuer set", "plain http address", set + ["--verification-address", "http://ocop.bacninh.gov.vn/c/"], 65, ["https://", "--verification-address"])
        c("issuer set", "address too long", set + ["--verification-address", "https://ocop.a-long-host-name.bacninh.gov.vn/c/"], 65, ["tối đa 32"])
        c("issuer set", "address with a query", set + ["--verification-address", "https://ocop.vn/c?x=1"], 65, ["địa chỉ xác thực"])
        c("issuer set", "status list not https", set + ["--status-list-url", "ftp://ocop.vn/24.jwt"], 65, ["https://", "--status-list-url"])
        for color in ["xanh", "#12345", "#GGGGGG"] { c("issuer set", "colour \(color)", set + ["--frame-color", color], 65, ["#RRGGBB", "--frame-color"]) }
        for side in ["20", "61"] { c("issuer set", "QR side \(side)", set + ["--qr-side", side], 65, ["30 đến 60", "--qr-side"]) }
        c("issuer set", "seal diameter", set + ["--seal-diameter", "100"], 65, ["20 đến 60"])
        c("issuer set", "emblem missing", set + ["--emblem", "/nonexistent-ocop/quoc-huy.png"], 65, ["tệp quốc huy", "--emblem"])
        c("issuer set", "seal not a PNG", set + ["--seal", "@dau.png"], 65, ["không phải tệp PNG"], files: ["dau.png": data("GIF89a")])
        c("issuer set", "signature is a folder", set + ["--signature", "/tmp"], 65, ["--signature"])
        c("issuer set", "unknown field to clear", set + ["--clear", "colour"], 65, ["frame_color", "--clear"])
        for bad in badArguments where bad.name != "too long" { c("issuer set", "name: \(bad.name)", set + ["--name", bad.value], 65, [bad.fragment]) }
        c("issuer set", "name too long", set + ["--name", String(repeating: "Dài ", count: 20)], 65, ["tối đa 48"])

        c("certificate print", "no key in service", ["certificate", "print", "GCN-24-2026-0001"], 65, ["Không có khóa ký nào của cơ quan 24", "16/11/2026"])
        c("certificate print", "whole decision, no key", ["certificate", "print", "--decision", "1523/QĐ-UBND"], 65, ["Không có khóa ký nào"])
        c("certificate print", "unknown certificate", ["certificate", "print", "GCN-24-2026-0999"], 66, ["GCN-24-2026-0999"])
        c("certificate print", "imported certificate", ["certificate", "print", "GCN-24-2024-0001"], 65, ["sổ lịch sử"])
        c("certificate print", "not a number", ["certificate", "print", "24-2026-1"], 65, ["GCN-<mã tỉnh hoặc BNNMT>"])
        c("certificate print", "nothing named", ["certificate", "print"], 64, ["--decision"])
        c("certificate print", "numbers and a decision", ["certificate", "print", "GCN-24-2026-0001", "--decision", "1523/QĐ-UBND"], 64, ["--decision"])
        c("certificate print", "one file and split", ["certificate", "print", "GCN-24-2026-0001", "--output", "a.pdf", "--split", "b"], 64, ["--split"])
        c("certificate print", "output is a folder", ["certificate", "print", "GCN-24-2026-0001", "--output", "/tmp"], 65, ["/tmp"])
        c("certificate print", "unknown decision", ["certificate", "print", "--decision", "999/QĐ-UBND"], 66, ["999/QĐ-UBND"])
        c("certificate print", "a revocation issues none", ["certificate", "print", "--decision", "1650/QĐ-UBND"], 65, ["không cấp giấy chứng nhận nào"])
        c("certificate print", "key file missing", ["certificate", "print", "GCN-24-2026-0001", "--key-file", "/nonexistent-ocop/k.json"], 66, ["/nonexistent-ocop/k.json"])
        c("certificate verify", "not an OCOP code", ["certificate", "verify", "xin chào"], 65, ["không phải mã QR của giấy chứng nhận OCOP"])
        c("certificate verify", "no such file", ["certificate", "verify", "/nonexistent-ocop/qr.txt"], 66, ["/nonexistent-ocop/qr.txt"])
        c("certificate verify", "another site's address", ["certificate", "verify", "https://example.com/x"], 65, ["không phải mã QR của giấy chứng nhận OCOP"])
        c("certificate verify", "damaged code", ["certificate", "verify", "OC1:ABC"], 65, ["hỏng"])
        c("certificate verify", "a newer format", ["certificate", "verify", "OC2:ABCDEF"], 65, ["2"])
        c("certificate verify", "trust list missing", ["certificate", "verify", "OC1:ABC", "--trust", "/nonexistent-ocop/trust.json"], 66, ["/nonexistent-ocop/trust.json"])
        c("certificate verify", "trust list not JSON", ["certificate", "verify", "@qr.txt", "--trust", "@trust.json"], 65, ["JSON"],
          files: ["qr.txt": data("OC1:ABC\n"), "trust.json": data("[1, 2")])
        c("certificate verify", "bad day", ["certificate", "verify", "OC1:ABC", "--on", "2026-13-01"], 65, ["ngày kiểm tra", "--on"])
        c("certificate status-list", "issuer not a code", ["certificate", "status-list", "--issuer", "X"], 65, ["cơ quan cấp"])
        c("certificate status-list", "no key that day", ["certificate", "status-list", "--issuer", "24", "--date", "2026-11-30"], 65, ["Không có khóa ký nào"])
        c("certificate status-list", "no key at all", ["certificate", "status-list", "--issuer", "BNNMT"], 65, ["chưa có khóa nào được ghi nhận"])

        let minutes = ["council", "session", "minutes", "PH-2026-001", "--pdf"]
        c("minutes pdf", "no start time", minutes, 65, ["giờ bắt đầu", "--start"])
        c("minutes pdf", "time not HH:MM", minutes + ["--start", "8h", "--end", "11:30"], 65, ["HH:MM", "--start"])
        c("minutes pdf", "ends before it starts", minutes + ["--start", "11:30", "--end", "08:00"], 65, ["--end"])
        c("minutes pdf", "no founding date", minutes + ["--start", "08:00", "--end", "11:30"], 65, ["1234/QĐ-UBND", "--established-on"])
        c("minutes pdf", "number with an escape", minutes + ["--start", "08:00", "--end", "11:30", "--established-on", "2026-03-10", "--number", "03\u{1B}[2J"], 65, ["U+001B"])
        c("minutes pdf", "unknown session", ["council", "session", "minutes", "PH-2026-999", "--pdf"], 66, ["PH-2026-999"])
        c("score print", "no sheet of that member", ["score", "print", "HS-2026-0001", "--member", "tk-bui-thi-thu"], 66, ["tk-bui-thi-thu", "HS-2026-0001"])
        c("score print", "no such version", ["score", "print", "HS-2026-0001", "--member", "uv-vu-thi-lan", "--version", "9"], 66, ["phiên bản 9"])
        c("score print", "unknown dossier", ["score", "print", "HS-2026-9999", "--member", "uv-vu-thi-lan"], 66, ["HS-2026-9999"])
        c("decision print", "unknown decision", ["decision", "print", "999/QĐ-UBND"], 66, ["999/QĐ-UBND"])
        c("decision notice pdf", "a recognised dossier", ["decision", "notice", "HS-2026-0001", "--number", "1/TB-SNNMT", "--date", "2026-12-01",
                                                         "--signer-name", "A", "--signer-title", "B", "--pdf"], 65, ["không chờ quyết định công nhận"])
        c("decision notice", "dated before the council met", ["decision", "notice", "HS-2026-0013", "--number", "1/TB-SNNMT", "--date", "2026-11-01",
                                                              "--signer-name", "A", "--signer-title", "B"], 65, ["HS-2026-0013", "01/11/2026", "10/11/2026"])
        c("rubric sheet pdf", "no set 27", ["rubric", "sheet", "27", "--pdf"], 66, ["27"])
        return cases
    }
}
