import ArgumentParser
import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore
import Postgres

/// `ocop demo`: loads the Bắc Giang / Bắc Ninh demo data and runs as much of a 2026 evaluation
/// round as the workbench does, narrating each step.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Nạp dữ liệu mẫu và chạy một kỳ đánh giá / load the demo data and run an evaluation round.",
        discussion: """
        The demo data (db/seed/, see its README) is the OCOP register of Bắc Giang at the end of \
        2020 — 95 products at 3★ or more from 57 producers — and a 2026 round of 12 dossiers in \
        the new Bắc Ninh province (Bắc Giang merged into it on 1/7/2025). It goes into the \
        configured database, or the embedded one. With --reset, existing data is deleted first.
        """
    )

    @OptionGroup var lang: LanguageOption
    @OptionGroup var actor: ActorOption
    @Flag(name: .long, help: "Xóa dữ liệu hiện có trước khi nạp / delete existing data first.") var reset = false
    @Option(name: .long, help: "Thư mục dữ liệu mẫu (mặc định db/seed đi kèm chương trình).") var seed: String?

    func run() throws {
        try runReporting(lang.language) {
            try DemoRun(language: lang.language, actor: actor.actor, reset: reset,
                        seed: seed.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ShareDirectory.seed).run()
        }
    }
}

struct DemoRun {
    let language: Language
    let actor: String
    let reset: Bool
    let seed: URL

    var vi: Bool { language == .vi }

    func say(_ vietnamese: String, _ english: String) {
        Output.write(vi ? vietnamese : english)
    }

    func step(_ number: Int, _ vietnamese: String, _ english: String) {
        Output.write("\n== \(number). " + (vi ? vietnamese : english) + " ==")
    }

    func run() throws {
        let workbench = Workbench(actor: actor, language: language)
        step(1, "Cơ sở dữ liệu", "Database")
        let connection = try workbench.connect()
        say("Dùng \(workbench.database.location.redacted).", "Using \(workbench.database.location.redacted).")
        if try Maintenance.hasRegistryData(connection) {
            guard reset else {
                throw UserFacingError(vi
                    ? "Cơ sở dữ liệu đã có dữ liệu. Chạy `ocop demo --reset` để xóa và nạp lại dữ liệu mẫu."
                    : "The database already holds data. Run `ocop demo --reset` to delete it and load the demo again.", code: ExitStatus.usage)
            }
            try Maintenance.emptyData(connection)
            say("Đã xóa dữ liệu cũ (--reset).", "Deleted the existing data (--reset).")
        }
        let catalog = try RubricCatalog.bundled()
        try RubricStore(connection).sync(catalog)
        say("Bộ tiêu chí: " + catalog.versionIDs.map(\.rawValue).joined(separator: ", ") + " (QĐ 26/2026: 26 bộ sản phẩm).",
            "Rubrics: " + catalog.versionIDs.map(\.rawValue).joined(separator: ", ") + " (QĐ 26/2026: 26 product sets).")

        step(2, "Đơn vị hành chính (trước và sau 1/7/2025)", "Administrative units (before and after 1/7/2025)")
        for kind in [ImportKind.provinces, .communes] {
            let count = try ImportCommand.importFile(kind, path: file("\(kind.rawValue).csv"), workbench: workbench, defaultYear: nil, connection: connection)
            say("  \(kind.rawValue): \(count)", "  \(kind.rawValue): \(count)")
        }
        say("  Tỉnh Bắc Giang (mã 24) hợp nhất vào tỉnh Bắc Ninh mới (mã 24) từ 1/7/2025; giấy chứng nhận cũ giữ tỉnh cũ.",
            "  Bắc Giang (code 24) merged into the new Bắc Ninh (code 24) on 1/7/2025; old certificates keep their old province.")

        step(3, "Chủ thể, sản phẩm và sổ công nhận 2019–2020", "Producers, products and the 2019–2020 register")
        try importRegister(workbench, connection)
        try summariseRegister(connection)

        step(4, "Kỳ đánh giá 2026 theo QĐ 26/2026/QĐ-TTg", "The 2026 round under QĐ 26/2026/QĐ-TTg")
        let councilDossiers = try runRound(workbench, connection)

        step(5, "Hội đồng đánh giá cấp tỉnh", "The provincial council")
        try runCouncilDemo(connection: connection, dossierCodes: councilDossiers, actor: actor, language: language) { Output.write($0) }

        step(6, "Chủ thể tra cứu hồ sơ", "A producer looks up a dossier")
        if let first = councilDossiers.first {
            say("$ ocop dossier status \(first)", "$ ocop dossier status \(first)")
            let view = try DossierStore(connection).statusView(first)
            Output.write(Output.record([
                (vi ? "Hồ sơ" : "Dossier", "\(view.code) — \(view.productName) (\(view.productCode))"),
                (vi ? "Tình trạng" : "Status", view.status.label(language)),
                (vi ? "Đơn vị đang giữ hồ sơ" : "Held by", view.status.holder(language)),
                (vi ? "Bước tiếp theo" : "Next", view.status.nextStep(language)),
            ]))
        }
        say("\nXong. Xem thêm: ocop dossier list --year 2026, ocop product list, ocop rubric list.",
            "\nDone. Next: ocop dossier list --year 2026, ocop product list, ocop rubric list.")
    }

    func file(_ name: String) -> String { seed.appendingPathComponent(name).path }

    /// Products get the year of their first recognition in their code; new ones the round's year.
    private func importRegister(_ workbench: Workbench, _ connection: Connection) throws {
        let producers = try ImportCommand.importFile(.producers, path: file("producers.csv"), workbench: workbench, defaultYear: nil, connection: connection)
        let (recognitionHeader, recognitions) = try CSVFile.read(file("recognitions.csv"), language: language)
        try RegistryImport.checkHeader(recognitionHeader, kind: .recognitions, file: file("recognitions.csv"))
        var firstYear: [String: Int] = [:]
        for record in recognitions {
            guard let name = record.value("product_name"), let producer = record.value("producer_registration_no"),
                  let year = record.value("year").flatMap(Int.init) else { continue }
            let key = producer + "|" + name
            firstYear[key] = min(firstYear[key] ?? year, year)
        }
        let (productHeader, products) = try CSVFile.read(file("products.csv"), language: language)
        try RegistryImport.checkHeader(productHeader, kind: .products, file: file("products.csv"))
        let dated = products.map { record -> ImportRecord in
            var fields = record.fields
            let key = (record.value("producer_registration_no") ?? "") + "|" + (record.value("name") ?? "")
            if record.value("year") == nil { fields["year"] = String(firstYear[key] ?? 2026) }
            return ImportRecord(line: record.line, fields: fields)
        }
        let importer = RegistryImport(connection, actor: actor)
        let productCount = try importer.run(.products, records: dated, file: file("products.csv"), defaultYear: 2026)
        let recognitionCount = try importer.run(.recognitions, records: recognitions, file: file("recognitions.csv"), defaultYear: 2026)
        say("  \(producers) chủ thể, \(productCount) sản phẩm, \(recognitionCount) lượt công nhận.",
            "  \(producers) producers, \(productCount) products, \(recognitionCount) recognitions.")
    }

    private func summariseRegister(_ connection: Connection) throws {
        let byYear = try connection.query("""
            SELECT year, stars, count(*) AS n FROM star_recognition
            WHERE year IN (2019, 2020) GROUP BY year, stars ORDER BY year, stars
            """)
        var lines: [String] = []
        var total = 0
        for row in byYear {
            let n: Int = try row["n"]
            total += n
            lines.append("  \(try row.decode(Int.self, "year")): \(try row.decode(Int.self, "stars"))★ × \(n)")
        }
        Output.write(lines.joined(separator: "\n"))
        let kinds = try connection.query("""
            SELECT kind, count(*) AS n FROM producer p
            WHERE EXISTS (SELECT 1 FROM product pr JOIN star_recognition s ON s.product_id = pr.id
                          WHERE pr.producer_id = p.id AND s.year IN (2019, 2020))
            GROUP BY kind ORDER BY count(*) DESC
            """)
        var producers = 0
        var shares: [(String, Int)] = []
        for row in kinds {
            let n: Int = try row["n"]
            producers += n
            shares.append((try row.decode(String.self, "kind"), n))
        }
        let shareText = shares.map { kind, n in
            let tenths = (n * 1000 + producers / 2) / max(producers, 1)
            return "\(ProducerKind(rawValue: kind)?.label(language) ?? kind) \(n) (\(tenths / 10)\(vi ? "," : ".")\(tenths % 10) %)"
        }.joined(separator: "; ")
        say("  Cuối năm 2020: \(total) sản phẩm đạt 3★ trở lên của \(producers) chủ thể — \(shareText).",
            "  End of 2020: \(total) products at 3★ or more from \(producers) producers — \(shareText).")
    }

    /// Opens the 12 dossiers and walks them through commune and provincial review; returns the
    /// dossiers that reach the council under QĐ 26/2026.
    private func runRound(_ workbench: Workbench, _ connection: Connection) throws -> [String] {
        let (header, rows) = try CSVFile.read(file("dossiers-2026.csv"), language: language)
        let required = ["product_name", "producer_registration_no", "kind", "year", "round"]
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw UserFacingError("dossiers-2026.csv: " + missing.joined(separator: ", "))
        }
        let registry = RegistryStore(connection)
        let dossiers = DossierStore(connection)
        var toCouncil: [String] = []
        var returnedOne = false
        for record in rows {
            guard let name = record.value("product_name"), let producer = record.value("producer_registration_no"),
                  let product = try registry.product(named: name, producerRegistrationNo: producer),
                  let kind = record.value("kind").flatMap(DossierKind.init(flexible:)),
                  let year = record.value("year").flatMap(Int.init), let round = record.value("round").flatMap(Int.init)
            else {
                throw UserFacingError("dossiers-2026.csv line \(record.line): unknown product or bad kind/year/round")
            }
            // Art. 12.2: dossiers filed before 22/5/2026 follow the 2021–2025 rules (QĐ 148 + 1489).
            let transition = round == 1
            let rubric = transition ? RubricVersionID.qd148_2023.rawValue : RubricVersionID.qd26_2026.rawValue
            let dossier = try dossiers.open(.init(
                productRef: product.code, kind: kind, year: year, round: round,
                targetStars: record.value("target_stars").flatMap(Int.init), rubricVersion: rubric, note: record.value("note")
            ), actor: actor)
            var path = ["submitted"]
            for _ in 0..<2 {
                path.append(try dossiers.apply(.advance(to: nil), to: dossier.code, actor: actor).status.rawValue)
            }
            if !returnedOne && !transition {
                returnedOne = true
                let missingItems = vi
                    ? ["Phiếu kiểm nghiệm chỉ tiêu an toàn thực phẩm còn hiệu lực", "Bản sao giấy chứng nhận đăng ký nhãn hiệu"]
                    : ["A valid food-safety lab test report", "A copy of the trademark registration certificate"]
                try dossiers.apply(.returnForCompletion(missing: missingItems), to: dossier.code, actor: actor,
                                   note: vi ? "Cơ quan tham mưu cấp tỉnh yêu cầu bổ sung" : "The provincial body asks for completion")
                path.append("returned")
                try dossiers.apply(.advance(to: nil), to: dossier.code, actor: actor, note: vi ? "Chủ thể đã bổ sung" : "Completed by the producer")
                path.append("provincial_review")
            }
            path.append(try dossiers.apply(.advance(to: nil), to: dossier.code, actor: actor).status.rawValue)
            path.append(try dossiers.apply(.advance(to: nil), to: dossier.code, actor: actor).status.rawValue)
            let label = "\(dossier.code) \(product.name) (\(kind.rawValue), \(vi ? "bộ" : "set") \(product.productSet), \(rubric))"
            say("  \(label): " + path.joined(separator: " → "), "  \(label): " + path.joined(separator: " → "))
            if transition {
                say("    Điều 12.2: hồ sơ nộp trước 22/5/2026 đánh giá theo QĐ 148/2023; bảng điểm QĐ 148 không có trong chương trình nên hồ sơ này không được chấm ở đây.",
                    "    Art. 12.2: filed before 22/5/2026, evaluated under QĐ 148/2023, whose point tables are not in the workbench: this dossier is not scored here.")
            } else {
                toCouncil.append(dossier.code)
            }
        }
        return toCouncil
    }
}
