import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// All-or-nothing imports: every line is tried (each in a savepoint, so one bad line does not
/// hide the next), every problem is reported with its line number, and if there is any problem
/// the whole transaction is rolled back.
public struct RegistryImport {
    let connection: Connection
    let actor: PersonCode

    public init(_ connection: Connection, actor: PersonCode) {
        self.connection = connection
        self.actor = actor
    }

    /// Checks the header: missing required columns and unknown columns are both refused.
    public static func checkHeader(_ header: [String], kind: ImportKind, file: String) throws {
        var problems: [ImportProblem] = []
        let known = Set(kind.requiredColumns + kind.optionalColumns)
        let missing = kind.requiredColumns.filter { !header.contains($0) }
        if !missing.isEmpty {
            problems.append(ImportProblem(line: 1, reason: LocalizedText(
                vi: "thiếu cột bắt buộc: \(missing.joined(separator: ", ")) (cần: \(kind.requiredColumns.joined(separator: ", ")))",
                en: "missing required column(s): \(missing.joined(separator: ", ")) (required: \(kind.requiredColumns.joined(separator: ", ")))")))
        }
        let unknown = header.filter { !known.contains($0) }
        if !unknown.isEmpty {
            problems.append(ImportProblem(line: 1, reason: LocalizedText(
                vi: "cột không xác định: \(unknown.joined(separator: ", ")) (cho phép: \(kind.requiredColumns + kind.optionalColumns))",
                en: "unknown column(s): \(unknown.joined(separator: ", ")) (allowed: \(kind.requiredColumns + kind.optionalColumns))")))
        }
        var seen = Set<String>()
        for column in header where !seen.insert(column).inserted {
            problems.append(ImportProblem(line: 1, reason: LocalizedText(vi: "cột \(column) lặp lại", en: "column \(column) appears twice")))
        }
        if !problems.isEmpty { throw StoreError.importFailed(file: file, problems: problems) }
    }

    /// Imports `records` of `kind`; returns the number of rows written.
    @discardableResult
    public func run(_ kind: ImportKind, records: [ImportRecord], file: String, defaultYear: Int, progress: (Int, Int) -> Void = { _, _ in }) throws -> Int {
        try connection.transaction { _ in
            var problems: [ImportProblem] = []
            var written = 0
            var successors: [(code: String, validFrom: String?, successor: String, line: Int)] = []
            var recognitions: [RecognitionImport.Line] = []
            for (index, record) in records.enumerated() {
                do {
                    try connection.transaction { _ in
                        try importOne(kind, record, defaultYear: defaultYear, successors: &successors, recognitions: &recognitions)
                    }
                    written += 1
                } catch let problem as RecordProblem {
                    problems.append(ImportProblem(line: record.line, reason: problem.reason))
                } catch let error as any LocalizedFailure {
                    problems.append(ImportProblem(line: record.line, reason: LocalizedText(vi: error.message(.vi), en: error.message(.en))))
                } catch let error as PostgresError {
                    let mapped = StoreError(error)
                    problems.append(ImportProblem(line: record.line, reason: LocalizedText(vi: mapped.message(.vi), en: mapped.message(.en))))
                }
                progress(index + 1, records.count)
            }
            let units = UnitRepository(connection)
            for link in successors {
                do {
                    try connection.transaction { _ in try units.linkSuccessor(code: link.code, validFrom: link.validFrom, successorCode: link.successor) }
                } catch let error as any LocalizedFailure {
                    problems.append(ImportProblem(line: link.line, reason: LocalizedText(vi: "successor_code: " + error.message(.vi), en: "successor_code: " + error.message(.en))))
                }
            }
            // Recognitions are checked as each product's whole history (docs/certification.md §10);
            // with any problem the transaction is undone, so every bad line is named and nothing stays.
            if kind == .recognitions {
                let outcome = try RecognitionImport(connection, actor: actor).write(recognitions)
                problems = (problems + outcome.problems).sorted { $0.line < $1.line }
                written -= outcome.alreadyRecorded.count
            }
            if !problems.isEmpty { throw StoreError.importFailed(file: file, problems: problems) }
            return written
        }
    }

    struct RecordProblem: Error {
        let reason: LocalizedText
    }

    private func require(_ record: ImportRecord, _ column: String) throws -> String {
        guard let value = record.value(column) else {
            throw RecordProblem(reason: LocalizedText(vi: "cột \(column) trống", en: "column \(column) is empty"))
        }
        return value
    }

    private func bool(_ record: ImportRecord, _ column: String) throws -> Bool {
        guard let raw = record.value(column)?.lowercased() else { return false }
        switch raw {
        case "true", "t", "1", "yes", "có", "x": return true
        case "false", "f", "0", "no", "không": return false
        default: throw RecordProblem(reason: LocalizedText(vi: "\(column) = \"\(raw)\" không phải true/false", en: "\(column) = \"\(raw)\" is not true/false"))
        }
    }

    private func int(_ record: ImportRecord, _ column: String, required: Bool = true) throws -> Int? {
        guard let raw = record.value(column) else {
            if required { throw RecordProblem(reason: LocalizedText(vi: "cột \(column) trống", en: "column \(column) is empty")) }
            return nil
        }
        guard let value = Int(raw) else {
            throw RecordProblem(reason: LocalizedText(vi: "\(column) = \"\(raw)\" không phải số nguyên", en: "\(column) = \"\(raw)\" is not a whole number"))
        }
        return value
    }

    private func date(_ record: ImportRecord, _ column: String) throws -> String? {
        guard let raw = record.value(column) else { return nil }
        guard CalendarDate(iso: raw) != nil else {
            throw RecordProblem(reason: LocalizedText(vi: "\(column) = \"\(raw)\" không phải ngày YYYY-MM-DD", en: "\(column) = \"\(raw)\" is not a YYYY-MM-DD date"))
        }
        return raw
    }

    private func importOne(_ kind: ImportKind, _ record: ImportRecord, defaultYear: Int, successors: inout [(code: String, validFrom: String?, successor: String, line: Int)],
                           recognitions: inout [RecognitionImport.Line]) throws {
        switch kind {
        case .provinces:
            let province = Province(code: try require(record, "code"), name: try require(record, "name"), kind: record.value("kind") ?? "tinh",
                                    validFrom: try date(record, "valid_from"), validTo: try date(record, "valid_to"))
            guard ["tinh", "thanh_pho"].contains(province.kind) else {
                throw RecordProblem(reason: LocalizedText(vi: "kind phải là tinh hoặc thanh_pho", en: "kind must be tinh or thanh_pho"))
            }
            try UnitRepository(connection).upsert(province)
            if let successor = record.value("successor_code") {
                successors.append((province.code, province.validFrom, successor, record.line))
            }
        case .communes:
            let commune = Commune(code: try require(record, "code"), name: try require(record, "name"), kind: record.value("kind") ?? "xa",
                                  provinceCode: try require(record, "province_code"), validFrom: try date(record, "valid_from"),
                                  validTo: try date(record, "valid_to"), formerDistrict: record.value("former_district"))
            guard ["xa", "phuong", "dac_khu", "thi_tran"].contains(commune.kind) else {
                throw RecordProblem(reason: LocalizedText(vi: "kind phải là xa, phuong, dac_khu hoặc thi_tran", en: "kind must be xa, phuong, dac_khu or thi_tran"))
            }
            try UnitRepository(connection).upsert(commune)
        case .producers:
            let kindRaw = try require(record, "kind")
            guard let producerKind = ProducerKind(flexible: kindRaw) else {
                throw RecordProblem(reason: LocalizedText(
                    vi: "loại hình \"\(kindRaw)\" không hợp lệ (htx, tht, dn, trang_trai, ho, hoi)",
                    en: "unknown kind \"\(kindRaw)\" (htx, tht, dn, trang_trai, ho, hoi)"))
            }
            try ProducerRepository(connection).add(ProducerDraft(
                registrationNo: try require(record, "registration_no"), name: try require(record, "name"), kind: producerKind,
                communeCode: try require(record, "commune_code"), address: record.value("address"), phone: record.value("phone"),
                email: record.value("email"),
                representative: Representative(name: record.value("representative"), female: try bool(record, "representative_female"),
                                               ethnicMinority: try bool(record, "representative_ethnic_minority"), disabled: try bool(record, "representative_disabled")),
                illustrative: try bool(record, "illustrative")
            ), actor: actor)
        case .products:
            try ProductRepository(connection).add(ProductDraft(
                name: try require(record, "name"), producerRef: try require(record, "producer_registration_no"),
                productSet: try int(record, "product_set")!, communeCode: record.value("commune_code"), code: record.value("code"),
                year: try int(record, "year", required: false) ?? defaultYear, illustrative: try bool(record, "illustrative")
            ), actor: actor)
        case .recognitions:
            do {
                recognitions.append(try RecognitionImport(connection, actor: actor).parse(record))
            } catch let problem as RecognitionImport.Problem {
                throw RecordProblem(reason: problem.reason)
            }
        }
    }
}
