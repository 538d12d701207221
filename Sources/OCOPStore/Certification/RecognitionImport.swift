import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Historical recognitions (`ocop import recognitions`) go through the same rules as the ones
/// the workbench decides: each line is parsed and checked on its own, then each product's whole
/// history — what is already recorded plus the file's lines — is validated by
/// `RecognitionHistory` (bands, 5★ only from the Ministry, no decision in the future, no two
/// certificates in force at once). A legal overlap (an upgrade, or a renewal once the
/// re-evaluation window opened) supersedes the earlier certificate from the later one's date.
/// Every problem names its line; with any problem nothing is written.
public struct RecognitionImport {
    let connection: Connection
    let actor: PersonCode

    public init(_ connection: Connection, actor: PersonCode) {
        self.connection = connection
        self.actor = actor
    }

    /// One parsed line.
    public struct Line: Sendable {
        let line: Int
        let productID: Int
        let row: RecognitionRow
        let decidedOn: CalendarDate
        let decisionText: String?
        let provinceID: Int
        let provinceCode: String
        let illustrative: Bool
        let revocationReason: String?
    }

    struct Problem: Error {
        let reason: LocalizedText
    }

    private static func problem(_ vi: String, _ en: String) -> Problem { Problem(reason: LocalizedText(vi: vi, en: en)) }

    /// Parses and checks one line against the register (product, province, rubric), writing nothing.
    public func parse(_ record: ImportRecord) throws -> Line {
        func require(_ column: String) throws -> String {
            guard let value = record.value(column) else { throw Self.problem("cột \(column) trống", "column \(column) is empty") }
            return value
        }
        func int(_ column: String) throws -> Int {
            let raw = try require(column)
            guard let value = Int(raw) else {
                throw Self.problem("\(column) = \"\(raw)\" không phải số nguyên", "\(column) = \"\(raw)\" is not a whole number")
            }
            return value
        }
        func date(_ column: String) throws -> CalendarDate? {
            guard let raw = record.value(column) else { return nil }
            guard let date = CalendarDate(iso: raw) else {
                throw Self.problem("\(column) = \"\(raw)\" không phải ngày YYYY-MM-DD", "\(column) = \"\(raw)\" is not a YYYY-MM-DD date")
            }
            return date
        }
        let name = try require("product_name")
        let producer = try require("producer_registration_no")
        guard let product = try ProductRepository(connection).product(named: name, producerRegistrationNo: producer) else {
            throw Self.problem("không có sản phẩm \"\(name)\" của chủ thể \(producer)", "no product \"\(name)\" of producer \(producer)")
        }
        let stars = try int("stars")
        var score: Int?
        if let raw = record.value("score") {
            guard let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")), value >= 0, value <= 100,
                  let hundredths = Stored.hundredths(NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX")))
            else {
                throw Self.problem("score = \"\(raw)\" phải là số từ 0 đến 100", "score = \"\(raw)\" must be a number 0 to 100")
            }
            score = hundredths
        }
        let year = try int("year")
        guard let decided = try date("decision_date") else {
            throw Self.problem("cột decision_date trống: không xác định được thời hạn của giấy chứng nhận",
                               "column decision_date is empty: the certificate's period cannot be placed")
        }
        var number: DecisionNumber?
        let decisionText = record.value("decision_no")
        if let decisionText {
            do { number = try DecisionNumber(parsing: decisionText) } catch {
                throw Problem(reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
            }
        }
        let issuerRaw = record.value("issuer") ?? HistoricalIssuer.province.rawValue
        guard let issuer = HistoricalIssuer(rawValue: issuerRaw.lowercased()) else {
            throw Self.problem("issuer = \"\(issuerRaw)\" phải là district, province hoặc ministry",
                               "issuer = \"\(issuerRaw)\" must be district, province or ministry")
        }
        let rubric = try require("rubric")
        guard try connection.optional("SELECT 1 FROM rubric_version WHERE id = $1", rubric) != nil else {
            throw Self.problem("không có phiên bản bộ tiêu chí \(rubric)", "no rubric version \(rubric)")
        }
        let provinceCode = try require("province_code")
        let provinceID: Int
        do { provinceID = try UnitRepository(connection).provinceID(provinceCode, at: decided.iso) } catch let error as StoreError {
            throw Problem(reason: LocalizedText(vi: error.message(.vi), en: error.message(.en)))
        }
        let illustrative: Bool
        switch record.value("illustrative")?.lowercased() {
        case nil, "false", "f", "0", "no", "không": illustrative = false
        case "true", "t", "1", "yes", "có", "x": illustrative = true
        case let other?: throw Self.problem("illustrative = \"\(other)\" không phải true/false", "illustrative = \"\(other)\" is not true/false")
        }
        let row = RecognitionRow(stars: stars, scoreHundredths: score, year: year, decisionNumber: number, decisionDate: decided,
                                 issuer: issuer, validUntil: try date("valid_until"), rubricVersion: RubricVersionID(rawValue: rubric),
                                 revokedOn: try date("revoked_on"))
        return Line(line: record.line, productID: product.id, row: row, decidedOn: decided, decisionText: number?.description ?? decisionText,
                    provinceID: provinceID, provinceCode: provinceCode, illustrative: illustrative,
                    revocationReason: record.value("revocation_reason"))
    }

    /// One recognition given as a record (not a CSV line), checked the same way.
    public func line(productID: Int, _ r: RecognitionRecord, illustrative: Bool) throws -> Line {
        func date(_ text: String?, _ field: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else {
                throw StoreError.invalid(field: field, value: text, reason: CalendarDate.problem(parsing: text))
            }
            return date
        }
        guard let decided = try date(r.decisionDate, "decision_date") else {
            throw StoreError.missing(field: "decision_date", what: LocalizedText(vi: "ngày quyết định công nhận", en: "the recognition decision's date"))
        }
        guard try connection.optional("SELECT 1 FROM rubric_version WHERE id = $1", r.rubricVersion) != nil else {
            throw StoreError.notFound(.rubricVersion, r.rubricVersion)
        }
        let number = try r.decisionNo.map { try DecisionNumber(parsing: $0) }
        let provinceID = try UnitRepository(connection).provinceID(r.provinceCode, at: decided.iso)
        let row = RecognitionRow(stars: r.stars, scoreHundredths: r.score.flatMap { Stored.hundredths(NSDecimalNumber(decimal: $0).description(withLocale: Locale(identifier: "en_US_POSIX"))) },
                                 year: r.year, decisionNumber: number, decisionDate: decided, issuer: r.issuer,
                                 validUntil: try date(r.validUntil, "valid_until"), rubricVersion: RubricVersionID(rawValue: r.rubricVersion),
                                 revokedOn: try date(r.revokedAt, "revoked_on"))
        return Line(line: 1, productID: productID, row: row, decidedOn: decided, decisionText: number?.description ?? r.decisionNo,
                    provinceID: provinceID, provinceCode: r.provinceCode, illustrative: illustrative, revocationReason: r.revocationReason)
    }

    /// What `write` did: the problems (nothing is written when there is any) and the lines that
    /// were already recorded exactly as given (written again as nothing, so a register can be
    /// imported twice).
    public struct Outcome: Sendable {
        public var problems: [ImportProblem] = []
        public var alreadyRecorded: [Int] = []
    }

    /// Validates every product's history with the parsed lines and, when nothing is wrong, writes
    /// them. A line naming a recorded recognition (same product, decision date and decision
    /// number) is not written again: equal, it counts as already recorded; different, it is a
    /// problem — a recorded decision is not changed by an import.
    public func write(_ lines: [Line]) throws -> Outcome {
        let today = try Stored.today(connection)
        let certificates = CertificateRepository(connection)
        var outcome = Outcome()
        var problems: [ImportProblem] = []
        var plans: [(existing: [CertificateView], lines: [Line], superseded: [Int: CalendarDate])] = []
        for productID in Set(lines.map(\.productID)).sorted() {
            let existing = try certificates.certificates(productID: productID, asOf: today)
            var mine: [Line] = []
            for line in lines where line.productID == productID {
                guard let recorded = existing.first(where: { Self.names($0, line) }) else { mine.append(line); continue }
                let differences = Self.differences(recorded, line)
                if differences.isEmpty { outcome.alreadyRecorded.append(line.line); continue }
                let list = differences.joined(separator: "; ")
                problems.append(ImportProblem(line: line.line, reason: LocalizedText(
                    vi: "công nhận này đã được ghi (giấy chứng nhận \(recorded.number)) với giá trị khác (\(list)); quyết định đã ghi không sửa bằng nhập tệp",
                    en: "this recognition is recorded (certificate \(recorded.number)) with other values (\(list)); a recorded decision is not changed by an import")))
            }
            let rows = existing.map(Self.row) + mine.map(\.row)
            for p in RecognitionHistory.validate(rows, today: today) {
                // A problem is told on the file's line; between two recorded rows it is not this file's.
                var index = p.row
                if index < existing.count, case let .overlap(other, _, _, _, _) = p.kind { index = other }
                if index < existing.count, case let .sameDayRecognition(other, _) = p.kind { index = other }
                guard index >= existing.count else { continue }
                problems.append(ImportProblem(line: mine[index - existing.count].line, reason: LocalizedText(vi: p.message(.vi), en: p.message(.en))))
            }
            plans.append((existing, mine, RecognitionHistory.supersessions(rows)))
        }
        guard problems.isEmpty else { return Outcome(problems: problems.sorted { $0.line < $1.line }, alreadyRecorded: []) }

        for plan in plans {
            let n = plan.existing.count
            var ids: [Int: Int] = Dictionary(uniqueKeysWithValues: plan.existing.enumerated().map { ($0.offset, $0.element.id) })
            // In decision order, so that each certificate a line supersedes is cut short before it goes in.
            let order = plan.lines.indices.sorted { (plan.lines[$0].decidedOn, plan.lines[$0].line) < (plan.lines[$1].decidedOn, plan.lines[$1].line) }
            for i in order {
                let line = plan.lines[i]
                let start = line.decidedOn
                let replaced = plan.superseded.filter { $0.value == start }.compactMap { entry in
                    ids[entry.key].map { (index: entry.key, id: $0) }
                }.filter { $0.index >= n || plan.existing[$0.index].facts.supersededOn == nil }
                for r in replaced { try certificates.supersede(id: r.id, on: start, by: nil) }
                let inserted = try certificates.insert(.init(
                    productID: line.productID, stars: line.row.stars, scoreHundredths: line.row.scoreHundredths, year: line.row.year,
                    decisionNumber: line.decisionText, issuedOn: start, validUntil: line.row.validUntil ?? CertificateTerm.validUntil(issuedOn: start),
                    rubricVersion: line.row.rubricVersion.rawValue, provinceID: line.provinceID, issuer: line.row.issuer,
                    numberIssuer: line.row.issuer == .ministry ? IssuingAuthority.ministryCode : line.provinceCode,
                    dossierID: nil, decisionID: nil, revokedOn: line.row.revokedOn, revocationReason: line.revocationReason,
                    illustrative: line.illustrative,
                    supersededOn: plan.superseded[n + i],
                    supersededBy: plan.superseded[n + i].flatMap { on in plan.existing.first { $0.facts.issuedOn == on }?.id }), actor: actor)
                ids[n + i] = inserted.id
                for r in replaced { try certificates.linkSuccessor(id: r.id, by: inserted.id) }
            }
        }
        return outcome
    }

    /// Whether a line names a recorded certificate: the same decision, on the same date.
    private static func names(_ recorded: CertificateView, _ line: Line) -> Bool {
        guard recorded.facts.issuedOn == line.decidedOn else { return false }
        guard let number = line.row.decisionNumber else { return recorded.decisionNumber == nil }
        return row(recorded).decisionNumber == number
    }

    /// The columns in which a line differs from the certificate it names (`column: old → new`);
    /// optional columns are compared only when the line gives them.
    private static func differences(_ recorded: CertificateView, _ line: Line) -> [String] {
        var out: [String] = []
        func compare(_ column: String, _ old: String?, _ new: String?) {
            if old != new { out.append("\(column): \(old ?? "∅") → \(new ?? "∅")") }
        }
        func score(_ h: Int?) -> String? { h.map { String(format: "%d.%02d", $0 / 100, $0 % 100) } }
        compare("stars", String(recorded.stars), String(line.row.stars))
        compare("issuer", recorded.issuer.rawValue, line.row.issuer.rawValue)
        compare("year", String(recorded.evaluationYear), String(line.row.year))
        compare("rubric", recorded.rubricVersion, line.row.rubricVersion.rawValue)
        if line.row.scoreHundredths != nil { compare("score", score(recorded.scoreHundredths), score(line.row.scoreHundredths)) }
        if let until = line.row.validUntil { compare("valid_until", recorded.facts.validUntil.iso, until.iso) }
        if let revoked = line.row.revokedOn { compare("revoked_on", recorded.facts.revokedOn?.iso, revoked.iso) }
        return out
    }

    /// A recorded certificate as a history row.
    static func row(_ c: CertificateView) -> RecognitionRow {
        RecognitionRow(stars: c.stars, scoreHundredths: c.scoreHundredths, year: c.evaluationYear,
                       decisionNumber: c.decisionNumber.flatMap { try? DecisionNumber(parsing: $0) }, decisionDate: c.facts.issuedOn,
                       issuer: c.issuer, validUntil: c.facts.validUntil, rubricVersion: RubricVersionID(rawValue: c.rubricVersion),
                       revokedOn: c.facts.revokedOn)
    }
}
