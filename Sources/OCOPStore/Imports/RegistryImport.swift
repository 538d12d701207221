import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Registry imports (docs/import.md). Honest: an import adds records; a line equal to a stored
/// record is counted as already there; a line that differs from its stored record is refused
/// unless the mode is `update`, which reports every change. All or nothing: every line is tried
/// (each in a savepoint, so one bad line does not hide the next), every problem is reported
/// with its line number, and if there is any problem the whole transaction is rolled back.
public struct RegistryImport {
    let connection: Connection
    let actor: PersonCode
    let today: CalendarDate

    public init(_ connection: Connection, actor: PersonCode, today: CalendarDate) {
        self.connection = connection
        self.actor = actor
        self.today = today
    }

    /// Checks the header: missing required columns and unknown columns are both refused.
    public static func checkHeader(_ header: [String], kind: ImportKind, file: String) throws {
        var problems: [ImportProblem] = []
        let known = Set(kind.requiredColumns + kind.optionalColumns)
        let missing = kind.requiredColumns.filter { !header.contains($0) }
        if !missing.isEmpty {
            problems.append(ImportProblem(line: 1, reason: LocalizedText(
                vi: "thiếu cột bắt buộc: \(missing.joined(separator: ", ")) (cần: \(kind.requiredColumns.joined(separator: ", ")))",
                en: "missing required \(missing.count == 1 ? "column" : "columns"): \(missing.joined(separator: ", ")) (required: \(kind.requiredColumns.joined(separator: ", ")))")))
        }
        let unknown = header.filter { !known.contains($0) }
        if !unknown.isEmpty {
            let allowed = (kind.requiredColumns + kind.optionalColumns).joined(separator: ", ")
            problems.append(ImportProblem(line: 1, reason: LocalizedText(
                vi: "cột không xác định: \(unknown.map(shown).joined(separator: ", ")) (cho phép: \(allowed))",
                en: "unknown \(unknown.count == 1 ? "column" : "columns"): \(unknown.map(shown).joined(separator: ", ")) (allowed: \(allowed))")))
        }
        var seen = Set<String>()
        for column in header where !seen.insert(column).inserted {
            problems.append(ImportProblem(line: 1, reason: LocalizedText(vi: "cột \(shown(column)) lặp lại", en: "column \(shown(column)) appears twice")))
        }
        if !problems.isEmpty { throw StoreError.importFailed(file: file, problems: problems) }
    }

    /// Imports `records` of `kind`. `columns` are the file's columns: only those are compared
    /// with, and in update mode written to, stored records.
    public func run(_ kind: ImportKind, records: [ImportRecord], columns: [String], file: String, defaultYear: Int,
                    mode: ImportMode = .add, progress: (Int, Int) -> Void = { _, _ in }) throws -> ImportOutcome {
        if kind == .recognitions { return try runRecognitions(records, file: file, progress: progress) }
        return try connection.transaction { _ in
            var problems: [ImportProblem] = []
            var outcome = ImportOutcome(kind: kind, file: file, added: 0, unchanged: 0, updated: [])
            var firstLine: [String: Int] = [:]
            var successors: [(code: String, validFrom: String?, successor: String, line: Int)] = []
            let present = Set(columns)
            for (index, record) in records.enumerated() {
                defer { progress(index + 1, records.count) }
                let line: Line
                do {
                    line = try parse(kind, record, defaultYear: defaultYear, present: present)
                } catch {
                    problems.append(problem(error, line: record.line))
                    continue
                }
                if let earlier = firstLine[line.key] {
                    problems.append(ImportProblem(line: record.line, reason: LocalizedText(
                        vi: "\(line.label(.vi)) trùng với dòng \(earlier) (cùng khoá)", en: "\(line.label(.en)) is the same record as line \(earlier) (same key)")))
                    continue
                }
                firstLine[line.key] = record.line
                do {
                    try connection.transaction { _ in
                        switch try apply(line, mode: mode) {
                        case .added: outcome.added += 1
                        case .unchanged: outcome.unchanged += 1
                        case .updated(let changes): outcome.updated.append(RecordChange(line: record.line, record: line.key.split(separator: "|").joined(separator: " / "), changes: changes))
                        }
                        if let successor = line.successor { successors.append((successor.code, successor.validFrom, successor.successor, record.line)) }
                    }
                } catch {
                    try Self.stopIfUnavailable(error)
                    problems.append(problem(error, line: record.line))
                }
            }
            let units = UnitRepository(connection)
            for link in successors {
                do {
                    try connection.transaction { _ in try units.linkSuccessor(code: link.code, validFrom: link.validFrom, successorCode: link.successor) }
                } catch {
                    let reason = problem(error, line: link.line).reason
                    problems.append(ImportProblem(line: link.line, reason: LocalizedText(vi: "successor_code: " + reason(.vi), en: "successor_code: " + reason(.en))))
                }
            }
            if !problems.isEmpty { throw StoreError.importFailed(file: file, problems: problems.sorted { $0.line < $1.line }) }
            return outcome
        }
    }

    /// Recognitions are checked as each product's whole history (docs/certification.md §10):
    /// every line is parsed and checked, then `RecognitionImport` validates and writes them all.
    /// A line equal to a recorded recognition counts as already there; a recorded decision is
    /// never changed by an import (update mode or not).
    private func runRecognitions(_ records: [ImportRecord], file: String, progress: (Int, Int) -> Void) throws -> ImportOutcome {
        try connection.transaction { _ in
            let importer = RecognitionImport(connection, actor: actor)
            var problems: [ImportProblem] = []
            var lines: [RecognitionImport.Line] = []
            var firstLine: [String: Int] = [:]
            for (index, record) in records.enumerated() {
                defer { progress(index + 1, records.count) }
                do {
                    // The same text and range rules as every other input, before the history rules.
                    _ = try Validate.text(record.value("product_name") ?? "", field: "product_name", limit: FieldLimit.name)
                    _ = try RegistrationNumber(parsing: record.value("producer_registration_no") ?? "", field: "producer_registration_no")
                    _ = try Validate.optionalText(record.value("decision_no"), field: "decision_no", limit: FieldLimit.reference)
                    _ = try Validate.optionalText(record.value("revocation_reason"), field: "revocation_reason", limit: FieldLimit.note, multiline: true)
                    if let year = record.value("year").flatMap(Int.init) { _ = try Validate.year(year, today: today) }
                    if let day = record.value("decision_date") { _ = try Validate.date(day, field: "decision_date", notAfter: today) }
                    _ = try ProvinceCode(parsing: record.value("province_code") ?? "", field: "province_code")
                    if let stars = record.value("stars").flatMap(Int.init), !(3...5).contains(stars) {
                        throw DomainError.invalidValue(field: "stars", value: String(stars), reason: LocalizedText(
                            vi: "chỉ sản phẩm 3–5 sao được công nhận.", en: "only 3 to 5 stars are recognised."))
                    }
                    if let score = record.value("score"), score.isEmpty || !score.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
                        throw DomainError.invalidValue(field: "score", value: score, reason: LocalizedText(
                            vi: "phải là số từ 0 đến 100 (dấu chấm thập phân).", en: "must be a number 0 to 100 (decimal point)."))
                    }
                    let key = [record.value("product_name"), record.value("producer_registration_no"), record.value("decision_date"),
                               record.value("decision_no"), record.value("stars")].map { $0 ?? "" }.joined(separator: "|")
                    if let earlier = firstLine[key] {
                        problems.append(ImportProblem(line: record.line, reason: LocalizedText(
                            vi: "công nhận này trùng với dòng \(earlier) (cùng khoá)", en: "this recognition is the same record as line \(earlier) (same key)")))
                        continue
                    }
                    firstLine[key] = record.line
                    lines.append(try connection.transaction { _ in try importer.parse(record) })
                } catch {
                    try Self.stopIfUnavailable(error)
                    problems.append(problem(error, line: record.line))
                }
            }
            let written: RecognitionImport.Outcome
            do {
                written = try importer.write(lines)
            } catch where !problems.isEmpty {
                // The lines already named are the reason; the rest is rolled back with them.
                throw StoreError.importFailed(file: file, problems: problems.sorted { $0.line < $1.line })
            }
            problems = (problems + written.problems).sorted { $0.line < $1.line }
            if !problems.isEmpty { throw StoreError.importFailed(file: file, problems: problems) }
            return ImportOutcome(kind: .recognitions, file: file, added: lines.count - written.alreadyRecorded.count,
                                 unchanged: written.alreadyRecorded.count, updated: [])
        }
    }

    // MARK: - One line

    /// A parsed, checked line: its key, the values to compare with a stored record, and how to
    /// add it or change the stored one.
    private struct Line {
        let key: String
        /// The record as people name it, in a message: `tỉnh 24 (2025-07-01)`.
        let label: LocalizedText
        /// The columns of the file that describe the record, in file order, as normalised text.
        let values: [(column: String, value: String?)]
        let stored: () throws -> Stored?
        let insert: () throws -> Void
        var successor: (code: String, validFrom: String?, successor: String)? = nil
    }

    private struct Stored {
        let values: [String: String?]
        /// Writes the line's values over the stored record; `nil` when records of this kind
        /// are never changed by an import (a recorded decision).
        let update: (() throws -> Void)?
    }

    private enum Applied {
        case added, unchanged, updated([FieldChange])
    }

    private struct DifferentRecord: Error {
        let label: LocalizedText
        let changes: [FieldChange]
        let updatable: Bool
    }

    private func apply(_ line: Line, mode: ImportMode) throws -> Applied {
        guard let stored = try line.stored() else {
            try line.insert()
            return .added
        }
        let changes = line.values.compactMap { column, value -> FieldChange? in
            let old = stored.values[column] ?? nil
            return old == value ? nil : FieldChange(field: column, old: old, new: value)
        }
        if changes.isEmpty { return .unchanged }
        guard mode == .update, let update = stored.update else {
            throw DifferentRecord(label: line.label, changes: changes, updatable: stored.update != nil)
        }
        try update()
        return .updated(changes)
    }

    private func problem(_ error: any Error, line: Int) -> ImportProblem {
        switch error {
        case let different as DifferentRecord:
            let list = different.changes.map { "\($0.field): \(Self.quoted($0.old)) → \(Self.quoted($0.new))" }.joined(separator: "; ")
            if different.updatable {
                return ImportProblem(line: line, reason: LocalizedText(
                    vi: "\(different.label(.vi)) đã có với giá trị khác (\(list)); nhập chỉ thêm mới — muốn sửa bản ghi đã có thì nhập ở chế độ cập nhật",
                    en: "\(different.label(.en)) already exists with other values (\(list)); an import only adds — to change stored records, import in update mode"),
                    field: "update")
            }
            return ImportProblem(line: line, reason: LocalizedText(
                vi: "\(different.label(.vi)) đã được ghi với giá trị khác (\(list)); quyết định đã ghi không sửa bằng nhập tệp",
                en: "\(different.label(.en)) is recorded with other values (\(list)); a recorded decision is not changed by an import"))
        case let failure as RecognitionImport.Problem:
            return ImportProblem(line: line, reason: failure.reason)
        case let failure as any LocalizedFailure:
            // The CSV user knows columns: name the one concerned.
            let columns = failure.fields.joined(separator: ", ")
            let prefix = columns.isEmpty ? LocalizedText(vi: "", en: "") : LocalizedText(vi: "cột \(columns): ", en: "column \(columns): ")
            return ImportProblem(line: line, reason: LocalizedText(vi: prefix(.vi) + failure.message(.vi), en: prefix(.en) + failure.message(.en)))
        case let failure as PostgresError:
            let mapped = StoreError(failure)
            return ImportProblem(line: line, reason: LocalizedText(vi: mapped.message(.vi), en: mapped.message(.en)))
        default:
            return ImportProblem(line: line, reason: LocalizedText(vi: "\(error)", en: "\(error)"))
        }
    }

    /// A lost connection or a server going down is not a problem of the line: stop at once.
    private static func stopIfUnavailable(_ error: any Error) throws {
        if let failure = StoreError.converting(error), failure.kind == .unavailable { throw failure }
        if let failure = error as? StoreError, failure.kind == .unavailable { throw failure }
    }

    private static func quoted(_ value: String?) -> String { value.map { "«\(shown($0))»" } ?? "∅" }

    // MARK: - Kinds

    private func parse(_ kind: ImportKind, _ record: ImportRecord, defaultYear: Int, present: Set<String>) throws -> Line {
        func compared(_ pairs: [(String, String?)]) -> [(column: String, value: String?)] {
            pairs.filter { present.contains($0.0) }.map { (column: $0.0, value: $0.1) }
        }
        let units = UnitRepository(connection)
        switch kind {
        case .provinces:
            let province = try Province(code: try require(record, "code"), name: try require(record, "name"), kind: record.value("kind") ?? "tinh",
                                        validFrom: record.value("valid_from"), validTo: record.value("valid_to"),
                                        successorCode: record.value("successor_code")).validated()
            let period = province.validFrom.map { " (\($0))" } ?? ""
            let label = LocalizedText(vi: "tỉnh \(province.code)\(period)", en: "province \(province.code)\(period)")
            var line = Line(
                key: province.code + "|" + (province.validFrom ?? ""), label: label,
                values: compared([("name", province.name), ("kind", province.kind), ("valid_to", province.validTo), ("successor_code", province.successorCode)]),
                stored: {
                    try units.province(code: province.code, validFrom: province.validFrom).map { id, stored in
                        Stored(values: ["name": stored.name, "kind": stored.kind, "valid_to": stored.validTo, "successor_code": stored.successorCode],
                               update: { try units.update(provinceID: id, province) })
                    }
                },
                insert: { try units.add(province) })
            if let successor = province.successorCode { line.successor = (province.code, province.validFrom, successor) }
            return line
        case .communes:
            let commune = try Commune(code: try require(record, "code"), name: try require(record, "name"), kind: record.value("kind") ?? "xa",
                                      provinceCode: try require(record, "province_code"), validFrom: record.value("valid_from"),
                                      validTo: record.value("valid_to"), formerDistrict: record.value("former_district")).validated()
            return Line(
                key: commune.code + "|" + (commune.validFrom ?? ""),
                label: LocalizedText(vi: "xã \(commune.code)", en: "commune \(commune.code)").appending(commune.validFrom.map { " (\($0))" } ?? ""),
                values: compared([("name", commune.name), ("kind", commune.kind), ("province_code", commune.provinceCode),
                                  ("valid_to", commune.validTo), ("former_district", commune.formerDistrict)]),
                stored: {
                    try units.commune(code: commune.code, validFrom: commune.validFrom).map { id, stored in
                        Stored(values: ["name": stored.name, "kind": stored.kind, "province_code": stored.provinceCode,
                                        "valid_to": stored.validTo, "former_district": stored.formerDistrict],
                               update: { try units.update(communeID: id, commune) })
                    }
                },
                insert: { try units.add(commune) })
        case .producers:
            let kindRaw = try require(record, "kind")
            guard let producerKind = ProducerKind(flexible: kindRaw) else {
                throw DomainError.invalidValue(field: "kind", value: kindRaw, reason: LocalizedText(
                    vi: "loại hình phải là htx, tht, dn, trang_trai, ho hoặc hoi.", en: "the kind must be htx, tht, dn, trang_trai, ho or hoi."))
            }
            let draft = try ProducerDraft(
                registrationNo: try require(record, "registration_no"), name: try require(record, "name"), kind: producerKind,
                communeCode: try require(record, "commune_code"), address: record.value("address"), phone: record.value("phone"),
                email: record.value("email"),
                representative: Representative(name: record.value("representative"), female: try bool(record, "representative_female"),
                                               ethnicMinority: try bool(record, "representative_ethnic_minority"), disabled: try bool(record, "representative_disabled")),
                illustrative: try bool(record, "illustrative")).validated()
            let producers = ProducerRepository(connection)
            return Line(
                key: draft.registrationNo, label: LocalizedText(vi: "chủ thể \(draft.registrationNo)", en: "producer \(draft.registrationNo)"),
                values: compared(Self.producerValues(draft)),
                stored: {
                    guard let stored = try producers.stored(registrationNo: draft.registrationNo) else { return nil }
                    return Stored(values: Dictionary(uniqueKeysWithValues: Self.producerValues(stored)), update: {
                        try producers.edit(draft.registrationNo, Self.changes(from: draft, present: present), actor: actor)
                    })
                },
                insert: { try producers.add(draft, actor: actor) })
        case .products:
            let draft = try ProductDraft(
                name: try require(record, "name"), producerRef: try require(record, "producer_registration_no"),
                productSet: try int(record, "product_set"), communeCode: record.value("commune_code"), code: record.value("code"),
                year: try record.value("year").map { _ in try int(record, "year") } ?? defaultYear, illustrative: try bool(record, "illustrative")
            ).validated(today: today)
            let registration = try RegistrationNumber(parsing: draft.producerRef).rawValue
            let products = ProductRepository(connection)
            return Line(
                key: registration + "|" + draft.name,
                label: LocalizedText(vi: "sản phẩm «\(Self.shown(draft.name))» của chủ thể \(registration)",
                                     en: "product «\(Self.shown(draft.name))» of producer \(registration)"),
                // A blank code or commune means "assign one" / "the producer's": nothing to compare.
                values: compared([("product_set", String(draft.productSet)), ("commune_code", draft.communeCode), ("code", draft.code),
                                  ("illustrative", String(draft.illustrative))]).filter { $0.value != nil || !["code", "commune_code"].contains($0.column) },
                stored: {
                    guard let stored = try products.product(named: draft.name, producerRegistrationNo: registration) else { return nil }
                    let illustrative = try products.isIllustrative(productID: stored.id)
                    return Stored(values: ["product_set": String(stored.productSet), "commune_code": stored.communeCode, "code": stored.code,
                                           "illustrative": String(illustrative)], update: {
                        // A product's code is its identity on certificates: it never changes.
                        if let code = draft.code, code != stored.code {
                            throw StoreError.invalid(field: "code", value: code, reason: LocalizedText(
                                vi: "sản phẩm đã có mã \(stored.code); mã sản phẩm không đổi được.",
                                en: "the product already has code \(stored.code); a product code never changes."))
                        }
                        try products.update(productID: stored.id,
                                            productSet: present.contains("product_set") ? draft.productSet : stored.productSet,
                                            communeCode: present.contains("commune_code") ? draft.communeCode ?? stored.communeCode : stored.communeCode,
                                            illustrative: present.contains("illustrative") ? draft.illustrative : illustrative)
                    })
                },
                insert: { try products.add(draft, today: today, actor: actor) })
        case .recognitions:
            preconditionFailure("recognitions are imported as whole histories (runRecognitions)")
        }
    }

    private static func producerValues(_ draft: ProducerDraft) -> [(String, String?)] {
        [("name", draft.name), ("kind", draft.kind.rawValue), ("commune_code", draft.communeCode), ("address", draft.address),
         ("phone", draft.phone), ("email", draft.email), ("representative", draft.representative.name),
         ("representative_female", String(draft.representative.female)),
         ("representative_ethnic_minority", String(draft.representative.ethnicMinority)),
         ("representative_disabled", String(draft.representative.disabled)), ("illustrative", String(draft.illustrative))]
    }

    /// The edit that makes a stored producer match the file's columns.
    private static func changes(from draft: ProducerDraft, present: Set<String>) -> ProducerChanges {
        func given<T>(_ column: String, _ value: T) -> T? { present.contains(column) ? value : nil }
        return ProducerChanges(
            name: given("name", draft.name), kind: given("kind", draft.kind), communeCode: given("commune_code", draft.communeCode),
            address: given("address", draft.address ?? ""), phone: given("phone", draft.phone ?? ""), email: given("email", draft.email ?? ""),
            representativeName: given("representative", draft.representative.name ?? ""),
            female: given("representative_female", draft.representative.female),
            ethnicMinority: given("representative_ethnic_minority", draft.representative.ethnicMinority),
            disabled: given("representative_disabled", draft.representative.disabled), illustrative: given("illustrative", draft.illustrative))
    }

    // MARK: - Cells

    private func require(_ record: ImportRecord, _ column: String) throws(DomainError) -> String {
        guard let value = record.value(column) else {
            throw DomainError.missingValue(field: column, what: LocalizedText(vi: "cột \(column) trống.", en: "column \(column) is empty."))
        }
        return value
    }

    private func bool(_ record: ImportRecord, _ column: String) throws(DomainError) -> Bool {
        guard let raw = record.value(column)?.lowercased() else { return false }
        switch raw {
        case "true", "t", "1", "yes", "có", "x": return true
        case "false", "f", "0", "no", "không": return false
        default: throw DomainError.invalidValue(field: column, value: raw, reason: LocalizedText(vi: "không phải true/false.", en: "is not true/false."))
        }
    }

    private func int(_ record: ImportRecord, _ column: String) throws(DomainError) -> Int {
        let raw = try require(record, column)
        guard raw.utf8.count <= 9, raw.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(raw) else {
            throw DomainError.invalidValue(field: column, value: raw, reason: LocalizedText(vi: "không phải số nguyên.", en: "is not a whole number."))
        }
        return value
    }

    static func shown(_ value: String) -> String { DomainError.shown(value) }
}

extension ProducerRepository {
    /// The stored producer with this registration number as the import compares it.
    func stored(registrationNo: String) throws -> ProducerDraft? {
        try connection.optional("""
            SELECT p.registration_no, p.name, p.kind, c.code AS commune_code, p.address, p.phone, p.email, p.representative,
                   p.representative_female, p.representative_ethnic_minority, p.representative_disabled, p.illustrative
            FROM producer p JOIN commune c ON c.id = p.commune_id WHERE p.registration_no = $1
            """, registrationNo).map { row in
            ProducerDraft(registrationNo: try row["registration_no"], name: try row["name"],
                          kind: try StoreError.decode(ProducerKind.self, try row["kind"], table: "producer", column: "kind"),
                          communeCode: try row["commune_code"], address: try row["address"], phone: try row["phone"], email: try row["email"],
                          representative: Representative(name: try row["representative"], female: try row["representative_female"],
                                                         ethnicMinority: try row["representative_ethnic_minority"], disabled: try row["representative_disabled"]),
                          illustrative: try row["illustrative"])
        }
    }
}
