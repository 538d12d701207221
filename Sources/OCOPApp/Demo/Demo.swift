import Foundation
import OCOPDomain
import OCOPModels
import OCOPRubrics
import OCOPStore

/// What the demo tells as it goes; the front end renders each event.
public enum DemoEvent: Sendable {
    case step(Int, LocalizedText)
    case say(LocalizedText)
    /// The seed report's year-end figures, read back from the register.
    case register(RegisterSummary, producers: Int, recognitions: Int, products: Int)
    /// The command a user would type, then its output.
    case command(String)
    case flags(DossierCode, [CouncilFlag])
    case finalized(FinalizationReport)
    case minutes(SessionSnapshot)
    case status(DossierStatusView)
    /// What a decision would contain, then what it recorded.
    case draft(DecisionDraft)
    case decision(DecisionView)
    case audit(PostAuditView)
    case revoked(CertificateView, RevocationTiming, DecisionView)
    /// The register on a day: how many certificates stand in each status.
    case certificateRegister([CertificateView], asOf: CalendarDate)
    /// Who must be invited to re-evaluation (the mail-merge CSV).
    case expiring([CertificateView])
    /// Listings, as `ocop listing list` shows them.
    case listings([ListingView])
    /// The register on a day, as the province's annual report counts it.
    case registerReport(RegisterReport)
}

/// `ocop demo`: loads the Bắc Giang / Bắc Ninh demo data (db/seed/) and runs a 2026 evaluation
/// round through the workflow and the provincial council. Inputs are read and checked before
/// anything is written, and the whole run — a reset included — is one transaction: a failure
/// leaves the database as it was.
public struct DemoRun {
    public var reset: Bool
    /// A configured (non-embedded) database is only emptied with an explicit confirmation.
    public var confirmed: Bool
    public var seed: URL?

    public init(reset: Bool, confirmed: Bool, seed: URL?) {
        self.reset = reset
        self.confirmed = confirmed
        self.seed = seed
    }

    static let seedFiles = ["provinces.csv", "communes.csv", "producers.csv", "products.csv", "recognitions.csv", "dossiers-2026.csv"]

    public func run(on workbench: Workbench, narrate: (DemoEvent) -> Void) throws {
        let seed = self.seed ?? workbench.configuration.share.seed
        // Every input first: a missing folder or file fails before anything is touched.
        var files: [String: (header: [String], records: [ImportRecord])] = [:]
        for name in Self.seedFiles + DemoMarket.files {
            files[name] = try CSVFile.read(seed.appendingPathComponent(name).path)
        }
        let path = { (name: String) in seed.appendingPathComponent(name).path }
        try RegistryImport.checkHeader(files["provinces.csv"]!.header, kind: .provinces, file: path("provinces.csv"))
        try RegistryImport.checkHeader(files["communes.csv"]!.header, kind: .communes, file: path("communes.csv"))
        try RegistryImport.checkHeader(files["producers.csv"]!.header, kind: .producers, file: path("producers.csv"))
        try RegistryImport.checkHeader(files["products.csv"]!.header, kind: .products, file: path("products.csv"))
        try RegistryImport.checkHeader(files["recognitions.csv"]!.header, kind: .recognitions, file: path("recognitions.csv"))
        let roundHeader = files["dossiers-2026.csv"]!.header
        let missingColumns = ["product_name", "producer_registration_no", "kind", "year", "round"].filter { !roundHeader.contains($0) }
        guard missingColumns.isEmpty else {
            throw StoreError.importFailed(file: path("dossiers-2026.csv"), problems: [ImportProblem(line: 1, reason: LocalizedText(
                vi: "thiếu cột: \(missingColumns.joined(separator: ", "))", en: "missing columns: \(missingColumns.joined(separator: ", "))"))])
        }

        // The story's decisions are dated up to 01/12/2026; a decision is never dated in the future.
        guard workbench.today >= DemoDecisions.lastDay else { throw AppError.demoNeedsLaterClock(DemoDecisions.lastDay) }

        narrate(.step(1, LocalizedText(vi: "Cơ sở dữ liệu", en: "Database")))
        _ = try workbench.connection()  // open (and start) the database before narrating where it is
        let location = workbench.configuration.database.description
        narrate(.say(LocalizedText(vi: "Dùng \(location.text(.vi)).", en: "Using \(location.text(.en)).")))
        if try Maintenance.hasRegistryData(try workbench.connection()) {
            guard reset else { throw AppError.databaseHasData }
            if !workbench.configuration.database.isEmbedded, !confirmed {
                throw AppError.confirmationNeeded(LocalizedText(
                    vi: "Đặt lại sẽ xóa toàn bộ dữ liệu trên máy chủ \(location.text(.vi)). Cần xác nhận để tiếp tục.",
                    en: "A reset deletes all data on \(location.text(.en)). It needs a confirmation."))
            }
            // Emptying a database whose facts are append-only is the administrator's act, done
            // before the demo's own transaction (docs/audit.md).
            try workbench.emptyDatabaseAsAdministrator()
            narrate(.say(LocalizedText(vi: "Đã xóa dữ liệu cũ (đặt lại).", en: "Deleted the existing data (reset).")))
        }
        try workbench.transaction { connection in
            try workbench.syncRubrics()
            let catalog = try workbench.catalog()
            let versions = catalog.versionIDs.map(\.rawValue).joined(separator: ", ")
            narrate(.say(LocalizedText(vi: "Bộ tiêu chí: \(versions) (QĐ 26/2026: 26 bộ sản phẩm).", en: "Rubrics: \(versions) (QĐ 26/2026: 26 product sets).")))

            narrate(.step(2, LocalizedText(vi: "Đơn vị hành chính (trước và sau 1/7/2025)", en: "Administrative units (before and after 1/7/2025)")))
            let importer = RegistryImport(connection, actor: workbench.actor, today: workbench.today)
            let provinces = try importer.run(.provinces, records: files["provinces.csv"]!.records, columns: files["provinces.csv"]!.header, file: path("provinces.csv"), defaultYear: workbench.today.year).added
            let communes = try importer.run(.communes, records: files["communes.csv"]!.records, columns: files["communes.csv"]!.header, file: path("communes.csv"), defaultYear: workbench.today.year).added
            narrate(.say(LocalizedText(vi: "  \(provinces) tỉnh, \(communes) xã/phường", en: "  \(provinces) provinces, \(communes) communes")))
            narrate(.say(LocalizedText(
                vi: "  Tỉnh Bắc Giang (mã 24) hợp nhất vào tỉnh Bắc Ninh mới (mã 24) từ 1/7/2025; giấy chứng nhận cũ giữ tỉnh cũ.",
                en: "  Bắc Giang (code 24) merged into the new Bắc Ninh (code 24) on 1/7/2025; old certificates keep their old province.")))

            narrate(.step(3, LocalizedText(vi: "Chủ thể, sản phẩm và sổ công nhận 2019–2020", en: "Producers, products and the 2019–2020 register")))
            let producers = try importer.run(.producers, records: files["producers.csv"]!.records, columns: files["producers.csv"]!.header, file: path("producers.csv"), defaultYear: 2026).added
            // Products get the year of their first recognition in their code; new ones the round's year.
            var firstYear: [String: Int] = [:]
            for record in files["recognitions.csv"]!.records {
                guard let name = record.value("product_name"), let producer = record.value("producer_registration_no"),
                      let year = record.value("year").flatMap(Int.init) else { continue }
                firstYear[producer + "|" + name] = min(firstYear[producer + "|" + name] ?? year, year)
            }
            let dated = files["products.csv"]!.records.map { record -> ImportRecord in
                var fields = record.fields
                let key = (record.value("producer_registration_no") ?? "") + "|" + (record.value("name") ?? "")
                if record.value("year") == nil { fields["year"] = String(firstYear[key] ?? 2026) }
                return ImportRecord(line: record.line, fields: fields)
            }
            let products = try importer.run(.products, records: dated, columns: files["products.csv"]!.header, file: path("products.csv"), defaultYear: 2026).added
            let recognitions = try importer.run(.recognitions, records: files["recognitions.csv"]!.records, columns: files["recognitions.csv"]!.header, file: path("recognitions.csv"), defaultYear: 2026).added
            narrate(.register(try RegisterQueries(connection).summary(years: [2019, 2020]), producers: producers, recognitions: recognitions, products: products))

            narrate(.step(4, LocalizedText(vi: "Kỳ đánh giá 2026 theo QĐ 26/2026/QĐ-TTg", en: "The 2026 round under QĐ 26/2026/QĐ-TTg")))
            let councilDossiers = try runRound(workbench, rows: files["dossiers-2026.csv"]!.records, file: path("dossiers-2026.csv"), narrate: narrate) { dossier, filedOn in
                try DemoMarket.fileWithDossier(workbench, dossier: dossier, filedOn: filedOn, claims: files["claims-2026.csv"]!.records,
                                               selfAssessments: files["self-assessments-2026.csv"]!.records, path: path, narrate: narrate)
            }

            narrate(.step(5, LocalizedText(vi: "Hội đồng đánh giá cấp tỉnh", en: "The provincial council")))
            try workbench.at(CalendarDate(year: 2026, month: 11, day: 10)!) {
                try DemoCouncil.run(workbench, dossiers: councilDossiers, narrate: narrate)
            }

            let notGranted = try DemoDecisions.run(workbench, dossiers: councilDossiers, narrate: narrate)

            narrate(.step(11, LocalizedText(vi: "Chủ thể tra cứu hồ sơ", en: "Producers look up their dossiers")))
            for code in [councilDossiers.first, notGranted].compactMap({ $0 }) {
                narrate(.command("ocop dossier status \(code)"))
                narrate(.status(try workbench.dossierStatus(code)))
            }
            try printingStep(workbench, narrate: narrate)

            try DemoMarket.run(workbench, records: files.mapValues(\.records), path: path, narrate: narrate)
            narrate(.say(LocalizedText(vi: "\nXong. Xem thêm: ocop decision list, ocop certificate list --status current, ocop product list, ocop dossier list --year 2026, ocop product history 24-07804-001-2020, ocop dossier diff HS-2026-0008, ocop report round 2026 2, ocop report listings.",
                                       en: "\nDone. Next: ocop decision list, ocop certificate list --status current, ocop product list, ocop dossier list --year 2026, ocop product history 24-07804-001-2020, ocop dossier diff HS-2026-0008, ocop report round 2026 2, ocop report listings.")))
        }
    }

    /// Who gets a notice instead of a decision, and the commands that print every document of the
    /// round and check a certificate's QR code (docs/printing.md). Nothing is printed or signed
    /// here: signing needs the province's own key, made on its own machine.
    private func printingStep(_ workbench: Workbench, narrate: (DemoEvent) -> Void) throws {
        narrate(.step(12, LocalizedText(vi: "In văn bản, ký và xác thực giấy chứng nhận", en: "Printing, signing and verifying certificates")))
        let notices = try workbench.decisionDraft(authority: .province(code: "24")).notices
        for entry in notices {
            narrate(.say(LocalizedText(
                vi: "\(entry.dossier) \(entry.productName): \(entry.score.display(.vi)) điểm, dưới 3★: không có quyết định công nhận; Sở Nông nghiệp và Môi trường thông báo kết quả cho chủ thể và UBND cấp xã (Điều 7.3.g).",
                en: "\(entry.dossier) \(entry.productName): \(entry.score.display(.en)) points, below 3★: no recognition decision; the Department of Agriculture and Environment notifies the producer and the commune (Art. 7.3.g).")))
        }
        narrate(.say(LocalizedText(vi: "Các lệnh in (tệp PDF ghi vào thư mục hiện tại; xem docs/printing.md):", en: "The printing commands (PDF files go to the current folder; see docs/printing.md):")))
        var commands = [
            "ocop issuer key create --issuer 24 --valid-from 2026-01-01",
            "ocop issuer key create --issuer BNNMT --valid-from 2026-01-01",
            "ocop certificate print --decision 1523/QĐ-UBND",
            "ocop certificate print GCN-24-2026-0001",
            "ocop certificate print GCN-BNNMT-2026-0001",
            "ocop decision print 1523/QĐ-UBND",
            "ocop decision print 2150/QĐ-BNNMT",
            "ocop decision print 1650/QĐ-UBND",
            "ocop council session minutes PH-2026-001 --pdf --number 03/BB-HĐOCOP --start 08:00 --end 11:30 --established-on 2026-03-10",
        ]
        for entry in notices {
            commands.append("ocop decision notice \(entry.dossier) --number 45/TB-SNNMT --date 2026-11-20 --signer-prefix \"KT. GIÁM ĐỐC\" --signer-title \"PHÓ GIÁM ĐỐC\" --signer-name \"Trần Thị Mai\" --pdf")
        }
        commands += [
            "ocop rubric sheet 12 --pdf",
            "ocop score print HS-2026-0001 --member uv-vu-thi-lan",
            "pdftoppm -png -r 300 GCN-24-2026-0001.pdf trang && zbarimg --raw -q trang-1.png > qr.txt",
            "ocop certificate verify qr.txt",
            "ocop issuer key export --output trust.json && ocop certificate status-list --issuer 24",
            "ocop certificate verify qr.txt --trust trust.json --status-list status-list-24.jwt",
        ]
        for command in commands { narrate(.command(command)) }
    }

    /// Opens the round's dossiers and walks them through commune and provincial review; returns
    /// the dossiers that reach the council under QĐ 26/2026.
    private func runRound(_ workbench: Workbench, rows: [ImportRecord], file: String, narrate: (DemoEvent) -> Void,
                          filed: (Dossier, CalendarDate) throws -> Void) throws -> [DossierCode] {
        var toCouncil: [DossierCode] = []
        var returnedOne = false
        let connection = try workbench.connection()
        for record in rows {
            guard let name = record.value("product_name"), let producer = record.value("producer_registration_no"),
                  let product = try ProductRepository(connection).product(named: name, producerRegistrationNo: producer),
                  let kind = record.value("kind").flatMap(DossierKind.init(flexible:)),
                  let year = record.value("year").flatMap(Int.init), let round = record.value("round").flatMap(Int.init)
            else {
                throw StoreError.importFailed(file: file, problems: [ImportProblem(line: record.line, reason: LocalizedText(
                    vi: "sản phẩm không có trong sổ, hoặc loại/năm/kỳ không hợp lệ", en: "unknown product, or a bad kind/year/round"))])
            }
            // Art. 12.2: dossiers filed before 22/5/2026 follow the 2021–2025 rules (QĐ 148 + 1489).
            let transition = round == 1
            let rubric = transition ? RubricVersionID.qd148_2023.rawValue : RubricVersionID.qd26_2026.rawValue
            // Each step is stamped on its day: filed, taken up by the commune the next day, proposed
            // to the province before the round's deadline (Art. 5.1), reviewed, ready for the council.
            let filedOn = record.value("filed_on").flatMap { CalendarDate(iso: $0) } ?? workbench.today
            let proposed = CalendarDate(year: year, month: round == 1 ? 4 : 10, day: round == 1 ? 28 : 1) ?? filedOn
            let dossier = try workbench.at(filedOn) {
                try workbench.openDossier(DossierOpening(
                    productRef: product.code, kind: kind, year: year, round: round,
                    targetStars: record.value("target_stars").flatMap(Int.init), rubricVersion: rubric, note: record.value("note"), filedOn: filedOn))
            }
            var path: [DossierStatus] = [.submitted]
            path.append(try workbench.at(filedOn.adding(days: 1)) { try workbench.advanceDossier(dossier.code).status })
            path.append(try workbench.at(proposed) { try workbench.advanceDossier(dossier.code).status })
            if !returnedOne && !transition {
                returnedOne = true
                // The returned list is what the provincial body wrote, in Vietnamese, as it would be.
                try workbench.at(proposed.adding(days: 4)) {
                    try workbench.returnDossier(dossier.code, missing: ["Phiếu kiểm nghiệm chỉ tiêu an toàn thực phẩm còn hiệu lực",
                                                                        "Bản sao giấy chứng nhận đăng ký nhãn hiệu"],
                                                note: "Cơ quan tham mưu cấp tỉnh yêu cầu bổ sung")
                }
                path.append(.returned)
                try workbench.at(proposed.adding(days: 11)) { try workbench.advanceDossier(dossier.code, note: "Chủ thể đã bổ sung") }
                path.append(.provincialReview)
            }
            path.append(try workbench.at(proposed.adding(days: 14)) { try workbench.advanceDossier(dossier.code).status })
            path.append(try workbench.at(proposed.adding(days: 19)) { try workbench.advanceDossier(dossier.code).status })
            narrate(.say(LocalizedText(
                vi: "  \(dossier.code) \(product.name) (\(kind.label(.vi)), bộ \(product.productSet), \(rubric)): " + path.map { $0.shortLabel(.vi) }.joined(separator: " → "),
                en: "  \(dossier.code) \(product.name) (\(kind.label(.en)), set \(product.productSet), \(rubric)): " + path.map { $0.shortLabel(.en) }.joined(separator: " → "))))
            if !transition { try filed(dossier, filedOn) }
            if transition {
                narrate(.say(LocalizedText(
                    vi: "    Điều 12.2: hồ sơ nộp trước 22/5/2026 đánh giá theo QĐ 148/2023; bảng điểm QĐ 148 không có trong chương trình nên hồ sơ này không được chấm ở đây.",
                    en: "    Art. 12.2: filed before 22/5/2026, evaluated under QĐ 148/2023, whose point tables are not in the workbench: this dossier is not scored here.")))
            } else {
                toCouncil.append(dossier.code)
            }
        }
        return toCouncil
    }
}
