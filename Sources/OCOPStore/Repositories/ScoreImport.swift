import Foundation
import OCOPDomain
import Postgres

/// `ocop score import`: a whole session's sheets from one CSV file, one line per answer
/// (layout in docs/council.md). All or nothing; every bad line is reported with its number.
public struct ScoreImportSummary: Sendable {
    public var session: String
    public var sheets: Int
    public var answers: Int
    public var corrections: Int
}

/// A small, fast RFC 4180 reader over bytes (the import may hold millions of lines).
public enum ScoreCSV {
    public struct Record {
        public var line: Int
        public var fields: [String]
    }

    public static func records(_ data: Data) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        let n = bytes.count
        func endField() {
            // NFC only matters beyond ASCII; codes and points (almost every field) skip it.
            let text = String(decoding: field, as: UTF8.self)
            fields.append(field.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping)
            field.removeAll(keepingCapacity: true)
        }
        while i < n {
            let b = bytes[i]
            if quoted {
                if b == 34 {
                    if i + 1 < n, bytes[i + 1] == 34 { field.append(34); i += 2; continue }
                    quoted = false
                } else {
                    if b == 10 { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 34: quoted = true
            case 44: endField()
            case 13: break
            case 10:
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
                fields.removeAll(keepingCapacity: true)
                line += 1
                recordLine = line
            default: field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
        }
        return records
    }

    public static let required = ["dossier", "member", "criterion", "points"]
    public static let optional = ["variant", "entered_by", "paper_ref", "reason"]
}

extension ScoreStore {
    private struct Group {
        var dossier: String
        var member: String
        var firstLine: Int
        var enteredBy: String = ""
        var paperRef: String = ""
        var reason: String = ""
        var answers: [String: SheetAnswer] = [:]
        var lines: [String: Int] = [:]
        var bad = false
    }

    /// Imports every sheet of `data` into the session (`session`, or the open session of the
    /// file's first dossier). Nothing is written unless every line is valid.
    public func importSheets(session: String?, file: String, data: Data, actor: String) throws -> ScoreImportSummary {
        var problems: [ImportProblem] = []
        func problem(_ line: Int, _ vi: String, _ en: String) { problems.append(ImportProblem(line: line, reason: LocalizedText(vi: vi, en: en))) }
        let records = ScoreCSV.records(data)
        guard let header = records.first else {
            throw StoreError.importFailed(file: file, problems: [ImportProblem(line: 1, reason: LocalizedText(vi: "tệp trống", en: "the file is empty"))])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() { column[name] = i }
        let missingColumns = ScoreCSV.required.filter { column[$0] == nil }
        let unknownColumns = names.filter { !ScoreCSV.required.contains($0) && !ScoreCSV.optional.contains($0) }
        if !missingColumns.isEmpty || !unknownColumns.isEmpty {
            var vi = "tiêu đề phải có các cột \(ScoreCSV.required.joined(separator: ","))", en = "the header needs the columns \(ScoreCSV.required.joined(separator: ","))"
            if !missingColumns.isEmpty { vi += "; thiếu \(missingColumns.joined(separator: ", "))"; en += "; missing \(missingColumns.joined(separator: ", "))" }
            if !unknownColumns.isEmpty { vi += "; cột lạ \(unknownColumns.joined(separator: ", "))"; en += "; unknown \(unknownColumns.joined(separator: ", "))" }
            throw StoreError.importFailed(file: file, problems: [ImportProblem(line: header.line, reason: LocalizedText(vi: vi, en: en))])
        }
        let cD = column["dossier"]!, cM = column["member"]!, cC = column["criterion"]!, cP = column["points"]!
        let cV = column["variant"], cE = column["entered_by"], cR = column["paper_ref"], cW = column["reason"]

        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == names.count else {
                problem(record.line, "có \(f.count) cột, tiêu đề có \(names.count)", "has \(f.count) fields, the header has \(names.count)")
                continue
            }
            let dossier = CouncilStore.codeKey(f[cD]), member = CouncilStore.personKey(f[cM])
            let criterion = f[cC].trimmingCharacters(in: .whitespaces)
            guard !dossier.isEmpty, !member.isEmpty, !criterion.isEmpty else {
                problem(record.line, "dossier, member và criterion không được để trống", "dossier, member and criterion must not be empty")
                continue
            }
            let key = dossier + "\u{1}" + member
            let g: Int
            if let existing = groupIndex[key] { g = existing } else {
                g = groups.count
                groupIndex[key] = g
                groups.append(Group(dossier: dossier, member: member, firstLine: record.line))
            }
            for (c, path, label) in [(cE, \Group.enteredBy, "entered_by"), (cR, \Group.paperRef, "paper_ref"), (cW, \Group.reason, "reason")] {
                guard let c else { continue }
                let value = f[c].trimmingCharacters(in: .whitespaces)
                if value.isEmpty { continue }
                if groups[g][keyPath: path].isEmpty { groups[g][keyPath: path] = value }
                else if groups[g][keyPath: path] != value {
                    problem(record.line, "\(label) khác với các dòng trước của cùng phiếu (\(groups[g][keyPath: path]))",
                            "\(label) differs from earlier lines of the same sheet (\(groups[g][keyPath: path]))")
                }
            }
            guard let points = Int(f[cP].trimmingCharacters(in: .whitespaces)) else {
                problem(record.line, "điểm \"\(f[cP])\" không phải số nguyên", "points \"\(f[cP])\" is not an integer")
                groups[g].bad = true
                continue
            }
            var variant: Int?
            if let cV, !f[cV].trimmingCharacters(in: .whitespaces).isEmpty {
                guard let v = Int(f[cV].trimmingCharacters(in: .whitespaces)) else {
                    problem(record.line, "trường hợp \"\(f[cV])\" phải là 1 hoặc 2", "variant \"\(f[cV])\" must be 1 or 2")
                    groups[g].bad = true
                    continue
                }
                variant = v
            }
            if let first = groups[g].lines[criterion] {
                problem(record.line, "tiêu chí \(criterion) của \(member) cho \(dossier) đã có ở dòng \(first)",
                        "criterion \(criterion) of \(member) for \(dossier) already given on line \(first)")
                continue
            }
            groups[g].lines[criterion] = record.line
            groups[g].answers[criterion] = SheetAnswer(points: points, variant: variant)
        }
        if groups.isEmpty && problems.isEmpty {
            problem(header.line + 1, "không có dòng phiếu nào", "no answer lines")
        }

        return try connection.transaction { connection in
            let councils = CouncilStore(connection)
            let sessionCode: String
            if let session { sessionCode = CouncilStore.codeKey(session) } else if let first = groups.first {
                sessionCode = try councils.openSession(forDossier: first.dossier)
            } else {
                throw StoreError.importFailed(file: file, problems: problems)
            }
            let sessionRow = try councils.sessionRow(sessionCode, lock: "SHARE")
            guard sessionRow.status == "open" else { throw CouncilError.sessionFinalized(sessionCode) }
            let snapshot = try councils.snapshot(sessionCode)
            let policy = snapshot.council.policy
            let roster = Dictionary(uniqueKeysWithValues: snapshot.roster.map { ($0.person, $0) })
            let personIDs = Dictionary(uniqueKeysWithValues: try connection.query("""
                SELECT p.code, p.id FROM council_member m JOIN person p ON p.id = m.person_id WHERE m.council_id = $1
                """, snapshot.council.id).map { (try $0.decode(String.self, "code"), try $0.decode(Int.self, "id")) })
            let versions = Dictionary(try connection.query("""
                SELECT dossier_id, person_id, max(version)::int AS v FROM score_sheet WHERE session_id = $1 GROUP BY dossier_id, person_id
                """, snapshot.id).map { ("\(try $0.decode(Int.self, "dossier_id")):\(try $0.decode(Int.self, "person_id"))", try $0.decode(Int.self, "v")) },
                uniquingKeysWith: max)
            let dossiers = Dictionary(uniqueKeysWithValues: snapshot.dossiers.map { ($0.code, $0) })
            let engines = CouncilStore.Engines(RubricStore(connection))
            let knownPeople = Set(try connection.query("SELECT code FROM person").map { try $0.decode(String.self, "code") })

            struct Ready { var group: Int; var dossierID: Int; var personID: Int; var version: Int; var total: Int; var hash: String; var rubric: String }
            var ready: [Ready] = []
            ready.reserveCapacity(groups.count)
            for (g, group) in groups.enumerated() {
                let line = group.firstLine
                guard let dossier = dossiers[group.dossier] else {
                    problem(line, "hồ sơ \(group.dossier) không thuộc phiên \(sessionCode)", "dossier \(group.dossier) is not on session \(sessionCode)")
                    continue
                }
                if dossier.result != nil {
                    problem(line, "hội đồng đã kết luận hồ sơ \(group.dossier)", "the council has already concluded \(group.dossier)")
                    continue
                }
                guard let member = roster[group.member], let personID = personIDs[group.member] else {
                    problem(line, "\(group.member) không phải thành viên hội đồng \(snapshot.council.code)", "\(group.member) is not a member of council \(snapshot.council.code)")
                    continue
                }
                if !policy.scores(member.role) {
                    problem(line, "\(group.member) (\(member.role.label(.vi))) không chấm điểm", "\(group.member) (\(member.role.label(.en))) does not score")
                    continue
                }
                if !member.present { problem(line, "\(group.member) vắng mặt tại phiên \(sessionCode)", "\(group.member) is absent from session \(sessionCode)"); continue }
                if dossier.recusals.contains(where: { $0.person == group.member }) {
                    problem(line, "\(group.member) đã khai báo xung đột lợi ích với hồ sơ \(group.dossier)", "\(group.member) is recused from \(group.dossier)")
                    continue
                }
                if group.enteredBy.isEmpty != group.paperRef.isEmpty {
                    problem(line, "phiếu giấy cần cả entered_by và paper_ref", "a paper sheet needs both entered_by and paper_ref")
                } else if !group.enteredBy.isEmpty, !knownPeople.contains(CouncilStore.personKey(group.enteredBy)) {
                    problem(line, "không có người mã \(group.enteredBy) (entered_by)", "no person with code \(group.enteredBy) (entered_by)")
                }
                let current = versions["\(dossier.id):\(personID)"]
                if let current, group.reason.isEmpty {
                    problem(line, "\(group.member) đã nộp phiếu cho \(group.dossier) (phiên bản \(current)); đính chính cần cột reason",
                            "\(group.member) already submitted a sheet for \(group.dossier) (version \(current)); a correction needs a reason")
                    continue
                }
                if current == nil, !group.reason.isEmpty {
                    problem(line, "\(group.member) chưa có phiếu cho \(group.dossier): bỏ reason", "\(group.member) has no sheet for \(group.dossier) yet: leave reason empty")
                    continue
                }
                if group.bad { continue }
                let engine = try engines.engine(dossier.rubricHash)
                let sheet = ScoreSheet(label: group.member, answers: group.answers)
                let found = engine.validate(sheet)
                if !found.isEmpty {
                    for p in found {
                        let code: String? = switch p.kind {
                        case .unknownCriterion(let c), .notScorable(let c, _), .pointsNotAnOption(let c, _, _), .conditionNotMet(let c, _, _),
                             .variantMissing(let c), .variantNotApplicable(let c), .unknownVariant(let c, _, _): c
                        default: nil
                        }
                        let at = code.flatMap { group.lines[$0] } ?? line
                        let text = LocalizedText(vi: "\(group.dossier), " + p.message(.vi), en: "\(group.dossier), " + p.message(.en))
                        problems.append(ImportProblem(line: at, reason: text))
                    }
                    continue
                }
                let total = group.answers.values.reduce(0) { $0 + $1.points }
                ready.append(Ready(group: g, dossierID: dossier.id, personID: personID, version: (current ?? 0) + 1, total: total,
                                   hash: dossier.rubricHash, rubric: dossier.rubricVersion))
            }
            if !problems.isEmpty {
                problems.sort { $0.line < $1.line }
                throw StoreError.importFailed(file: file, problems: problems)
            }
            // Reserve the sheet ids, then stream both tables through COPY.
            let ids = try connection.query("SELECT nextval('score_sheet_id_seq') AS id FROM generate_series(1, $1)", ready.count)
                .map { try $0.decode(Int.self, "id") }
            let actorText = actor.nfc
            let sessionID = String(snapshot.id)
            try connection.copyIn("""
                COPY score_sheet (id, session_id, dossier_id, person_id, version, rubric_version, rubric_hash, total, source,
                                  entered_by, paper_ref, reason, submitted_by) FROM STDIN
                """, rows: zip(ids, ready).lazy.map { id, r -> [String?] in
                let g = groups[r.group]
                let paper = !g.paperRef.isEmpty
                return [String(id), sessionID, String(r.dossierID), String(r.personID), String(r.version), r.rubric, r.hash, String(r.total),
                        paper ? "paper" : "import", paper ? CouncilStore.personKey(g.enteredBy) : nil, paper ? g.paperRef : nil,
                        g.reason.isEmpty ? nil : g.reason, actorText]
            })
            var answerCount = 0
            for r in ready { answerCount += groups[r.group].answers.count }
            try connection.copyIn("COPY score_answer (sheet_id, criterion, points, variant) FROM STDIN",
                                  rows: zip(ids, ready).lazy.flatMap { id, r in
                let idText = String(id)
                return groups[r.group].answers.lazy.map { code, answer -> [String?] in
                    [idText, code, String(answer.points), answer.variant.map(String.init)]
                }
            })
            try connection.query("""
                DELETE FROM score_draft d USING score_sheet s
                WHERE d.session_id = $1 AND s.session_id = d.session_id AND s.dossier_id = d.dossier_id AND s.person_id = d.person_id
                """, snapshot.id)
            return ScoreImportSummary(session: sessionCode, sheets: ready.count, answers: answerCount,
                                      corrections: ready.filter { $0.version > 1 }.count)
        }
    }
}
