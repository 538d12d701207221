import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// The columns of a sheet import file (docs/council.md).
public enum ScoreCSV {
    public static let required = ["dossier", "member", "criterion", "points"]
    public static let optional = ["variant", "entered_by", "paper_ref", "reason"]
}

/// The byte-level reader behind `importSheets`: RFC 4180 quoting, CR ignored outside quotes,
/// blank lines skipped, physical line numbers, NFC beyond ASCII, without a String per field. A plain line (no quote, no CR, ASCII only — almost every
/// line of a council sheet) is split on commas in place; any other record goes through the
/// general state machine and keeps its fields as Strings.
struct ScoreCSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    struct Row {
        let base: UnsafePointer<UInt8>
        var line = 0
        /// Byte ranges of the fields of a plain line.
        var starts: [Int] = []
        var ends: [Int] = []
        /// The fields of a record read by the general path.
        var strings: [String] = []
        var plain = true

        init(base: UnsafePointer<UInt8>) { self.base = base }

        var count: Int { plain ? starts.count : strings.count }

        @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 }

        /// The field's range without leading and trailing spaces and tabs (plain lines only;
        /// for ASCII these are all of `CharacterSet.whitespaces`).
        @inline(__always) func trimmedRange(_ k: Int) -> (Int, Int) {
            var s = starts[k], e = ends[k]
            while s < e, Self.isSpace(base[s]) { s += 1 }
            while e > s, Self.isSpace(base[e - 1]) { e -= 1 }
            return (s, e)
        }

        @inline(__always) private func string(_ s: Int, _ e: Int) -> String {
            String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)
        }

        /// The field as read.
        func text(_ k: Int) -> String { plain ? string(starts[k], ends[k]) : strings[k] }

        /// The field without surrounding whitespace.
        func trimmedText(_ k: Int) -> String {
            if plain { let (s, e) = trimmedRange(k); return string(s, e) }
            return strings[k].trimmingCharacters(in: .whitespaces)
        }

        func isBlank(_ k: Int) -> Bool {
            if plain { let (s, e) = trimmedRange(k); return s == e }
            return strings[k].trimmingCharacters(in: .whitespaces).isEmpty
        }

        /// The field trimmed, upper-cased (codes) or lower-cased (person codes).
        func key(_ k: Int, upper: Bool) -> String {
            guard plain else { let t = strings[k].trimmingCharacters(in: .whitespaces); return upper ? t.uppercased() : t.lowercased() }
            let (s, e) = trimmedRange(k)
            return String(unsafeUninitializedCapacity: e - s) { out in
                for j in 0..<(e - s) {
                    let b = base[s + j]
                    out[j] = upper ? (b >= 97 && b <= 122 ? b - 32 : b) : (b >= 65 && b <= 90 ? b + 32 : b)
                }
                return e - s
            }
        }

        /// `Int(field trimmed)`.
        func int(_ k: Int) -> Int? {
            guard plain else { return Int(strings[k].trimmingCharacters(in: .whitespaces)) }
            var (s, e) = trimmedRange(k)
            guard s < e else { return nil }
            var negative = false
            if base[s] == 45 || base[s] == 43 {
                negative = base[s] == 45
                s += 1
                guard s < e else { return nil }
            }
            var value = 0
            while s < e {
                let d = Int(base[s]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (v, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
                guard !o1, !o2 else { return nil }
                value = v
                s += 1
            }
            return value
        }

        /// The raw range of field `k` of this plain line.
        func range(_ k: Int) -> (Int, Int) { (starts[k], ends[k]) }

        /// Whether field `k` of this plain line has exactly the bytes of `other`.
        @inline(__always) func same(_ k: Int, _ other: (Int, Int)) -> Bool {
            let s = starts[k], n = ends[k] - s
            guard n == other.1 - other.0 else { return false }
            return n == 0 || memcmp(base + s, base + other.0, n) == 0
        }
    }

    /// Reads the next record that is not blank into `row`; false at the end of the input.
    mutating func next(into row: inout Row) -> Bool {
        let n = bytes.count
        while i < n {
            let recordStart = i
            row.starts.removeAll(keepingCapacity: true)
            row.ends.removeAll(keepingCapacity: true)
            var fieldStart = i, j = i
            var plain = true
            while j < n {
                let b = bytes[j]
                if b == 10 { break }
                if b == 44 {
                    row.starts.append(fieldStart); row.ends.append(j); fieldStart = j + 1
                } else if b == 34 || b == 13 || b >= 0x80 {
                    plain = false
                    break
                }
                j += 1
            }
            if plain {
                let recordLine = line
                i = j < n ? j + 1 : n
                line += 1
                if j == recordStart { continue }  // a blank line
                row.starts.append(fieldStart); row.ends.append(j)
                row.plain = true
                row.line = recordLine
                return true
            }
            i = recordStart
            if general(into: &row) { return true }
        }
        return false
    }

    /// One record through the full state machine (quotes, CR, non-ASCII); false when blank.
    private mutating func general(into row: inout Row) -> Bool {
        let n = bytes.count
        let recordLine = line
        var field: [UInt8] = []
        var quoted = false
        row.strings.removeAll(keepingCapacity: true)
        func endField() {
            // NFC only matters beyond ASCII.
            let text = String(decoding: field, as: UTF8.self)
            row.strings.append(field.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping)
            field.removeAll(keepingCapacity: true)
        }
        var ended = false
        while i < n {
            let b = bytes[i]
            i += 1
            if quoted {
                if b == 34 {
                    if i < n, bytes[i] == 34 { field.append(34); i += 1 } else { quoted = false }
                } else {
                    if b == 10 { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case 34: quoted = true
            case 44: endField()
            case 13: break
            case 10:
                endField()
                line += 1
                ended = true
            default: field.append(b)
            }
            if ended { break }
        }
        if !ended {
            guard !field.isEmpty || !row.strings.isEmpty else { return false }
            endField()
        }
        row.plain = false
        row.line = recordLine
        return !(row.strings.count == 1 && row.strings[0].isEmpty)
    }
}

extension ScoreRepository {
    private struct ImportAnswer {
        var criterion: Int  // index into the import's criterion names
        var line: Int
        var points: Int
        var variant: Int?
    }

    private struct ImportGroup {
        var dossier: String
        var member: String
        var firstLine: Int
        var enteredBy: String = ""
        var paperRef: String = ""
        var reason: String = ""
        var answers: [ImportAnswer] = []
        /// Bit c set when criterion c (< 64) is already answered.
        var seen: UInt64 = 0
        var bad = false

        func line(of criterion: Int) -> Int? {
            if criterion < 64, seen & (1 << UInt64(criterion)) == 0 { return nil }
            return answers.first { $0.criterion == criterion }?.line
        }
    }

    private struct GroupKey: Hashable {
        var dossier: String
        var member: String
    }

    /// Imports every sheet of `data` into the session (`session`, or the open session of the
    /// file's first dossier). Nothing is written unless every line is valid.
    public func importSheets(session: SessionCode?, file: String, data: Data, actor: PersonCode) throws -> ScoreImportSummary {
        guard !data.isEmpty else {
            throw StoreError.importFailed(file: file, problems: [ImportProblem(line: 1, reason: LocalizedText(vi: "tệp trống", en: "the file is empty"))])
        }
        return try data.withUnsafeBytes { raw in
            try importSheets(session: session, file: file, bytes: raw.bindMemory(to: UInt8.self), actor: actor)
        }
    }

    private func importSheets(session: SessionCode?, file: String, bytes: UnsafeBufferPointer<UInt8>, actor: PersonCode) throws -> ScoreImportSummary {
        var problems: [ImportProblem] = []
        func problem(_ line: Int, _ vi: String, _ en: String) { problems.append(ImportProblem(line: line, reason: LocalizedText(vi: vi, en: en))) }
        var scanner = ScoreCSVScanner(bytes)
        var row = ScoreCSVScanner.Row(base: bytes.baseAddress!)
        guard scanner.next(into: &row) else {
            throw StoreError.importFailed(file: file, problems: [ImportProblem(line: 1, reason: LocalizedText(vi: "tệp trống", en: "the file is empty"))])
        }
        let headerLine = row.line
        let names = (0..<row.count).map { row.text($0).trimmingCharacters(in: .whitespaces).lowercased() }
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() { column[name] = i }
        let missingColumns = ScoreCSV.required.filter { column[$0] == nil }
        let unknownColumns = names.filter { !ScoreCSV.required.contains($0) && !ScoreCSV.optional.contains($0) }
        if !missingColumns.isEmpty || !unknownColumns.isEmpty {
            var vi = "tiêu đề phải có các cột \(ScoreCSV.required.joined(separator: ","))", en = "the header needs the columns \(ScoreCSV.required.joined(separator: ","))"
            if !missingColumns.isEmpty { vi += "; thiếu \(missingColumns.joined(separator: ", "))"; en += "; missing \(missingColumns.joined(separator: ", "))" }
            if !unknownColumns.isEmpty { vi += "; cột lạ \(unknownColumns.joined(separator: ", "))"; en += "; unknown \(unknownColumns.joined(separator: ", "))" }
            throw StoreError.importFailed(file: file, problems: [ImportProblem(line: headerLine, reason: LocalizedText(vi: vi, en: en))])
        }
        let cD = column["dossier"]!, cM = column["member"]!, cC = column["criterion"]!, cP = column["points"]!
        let cV = column["variant"]
        let sheetColumns: [(Int, WritableKeyPath<ImportGroup, String>, String)] =
            [(column["entered_by"], \ImportGroup.enteredBy, "entered_by"), (column["paper_ref"], \ImportGroup.paperRef, "paper_ref"),
             (column["reason"], \ImportGroup.reason, "reason")].compactMap { c, path, label in c.map { ($0, path, label) } }

        var groups: [ImportGroup] = []
        var groupIndex: [GroupKey: Int] = [:]
        var criterionIDs: [String: Int] = [:]
        var criterionNames: [String] = []
        // The raw dossier and member bytes of the last plain line and its sheet: consecutive lines
        // of one sheet skip the key normalization and the lookup.
        var last: (dossier: (Int, Int), member: (Int, Int), group: Int)?
        while scanner.next(into: &row) {
            let line = row.line
            guard row.count == names.count else {
                problem(line, "có \(row.count) cột, tiêu đề có \(names.count)", "has \(row.count) fields, the header has \(names.count)")
                continue
            }
            let g: Int
            if row.plain, let l = last, row.same(cD, l.dossier), row.same(cM, l.member) {
                guard !row.isBlank(cC) else {
                    problem(line, "dossier, member và criterion không được để trống", "dossier, member and criterion must not be empty")
                    continue
                }
                g = l.group
            } else {
                let dossier = row.key(cD, upper: true), member = row.key(cM, upper: false)
                guard !dossier.isEmpty, !member.isEmpty, !row.isBlank(cC) else {
                    problem(line, "dossier, member và criterion không được để trống", "dossier, member and criterion must not be empty")
                    continue
                }
                let key = GroupKey(dossier: dossier, member: member)
                if let existing = groupIndex[key] { g = existing } else {
                    g = groups.count
                    groupIndex[key] = g
                    var group = ImportGroup(dossier: dossier, member: member, firstLine: line)
                    group.answers.reserveCapacity(groups.last.map { max($0.answers.count, 8) } ?? 32)
                    groups.append(group)
                }
                last = row.plain ? (row.range(cD), row.range(cM), g) : nil
            }
            for (c, path, label) in sheetColumns {
                if row.isBlank(c) { continue }
                let value = row.trimmedText(c)
                if groups[g][keyPath: path].isEmpty { groups[g][keyPath: path] = value }
                else if groups[g][keyPath: path] != value {
                    problem(line, "\(label) khác với các dòng trước của cùng phiếu (\(groups[g][keyPath: path]))",
                            "\(label) differs from earlier lines of the same sheet (\(groups[g][keyPath: path]))")
                }
            }
            guard let points = row.int(cP) else {
                let text = row.text(cP)
                problem(line, "điểm \"\(text)\" không phải số nguyên", "points \"\(text)\" is not an integer")
                groups[g].bad = true
                continue
            }
            var variant: Int?
            if let cV, !row.isBlank(cV) {
                guard let v = row.int(cV) else {
                    let text = row.text(cV)
                    problem(line, "trường hợp \"\(text)\" phải là 1 hoặc 2", "variant \"\(text)\" must be 1 or 2")
                    groups[g].bad = true
                    continue
                }
                variant = v
            }
            let criterionText = row.trimmedText(cC)
            let criterion: Int
            if let id = criterionIDs[criterionText] { criterion = id } else {
                criterion = criterionNames.count
                criterionIDs[criterionText] = criterion
                criterionNames.append(criterionText)
            }
            if let first = groups[g].line(of: criterion) {
                problem(line, "tiêu chí \(criterionText) của \(groups[g].member) cho \(groups[g].dossier) đã có ở dòng \(first)",
                        "criterion \(criterionText) of \(groups[g].member) for \(groups[g].dossier) already given on line \(first)")
                continue
            }
            if criterion < 64 { groups[g].seen |= 1 << UInt64(criterion) }
            groups[g].answers.append(ImportAnswer(criterion: criterion, line: line, points: points, variant: variant))
        }
        if groups.isEmpty && problems.isEmpty {
            problem(headerLine + 1, "không có dòng phiếu nào", "no answer lines")
        }

        return try connection.transaction { connection in
            let reader = SessionSnapshotReader(connection)
            let sessionCode: SessionCode
            if let session { sessionCode = session } else if let first = groups.first {
                guard let code = DossierCode(normalizing: first.dossier) else {
                    problem(first.firstLine, "mã hồ sơ \"\(first.dossier)\" không đúng dạng HS-YYYY-NNNN", "dossier code \"\(first.dossier)\" is not of the form HS-YYYY-NNNN")
                    throw StoreError.importFailed(file: file, problems: problems)
                }
                sessionCode = try reader.openSession(forDossier: code)
            } else {
                throw StoreError.importFailed(file: file, problems: problems)
            }
            // Shared lock: waits while a finalizer holds the session.
            _ = try reader.sessionRow(sessionCode, lock: "SHARE")
            let snapshot = try reader.snapshot(sessionCode)
            let roster = Dictionary(uniqueKeysWithValues: snapshot.roster.map { ($0.person, $0) })
            let personIDs = Dictionary(uniqueKeysWithValues: try connection.query("""
                SELECT p.code, p.id FROM council_member m JOIN person p ON p.id = m.person_id WHERE m.council_id = $1
                """, snapshot.council.id).map { (try $0.decode(String.self, "code"), try $0.decode(Int.self, "id")) })
            let dossiers = Dictionary(uniqueKeysWithValues: snapshot.dossiers.map { ($0.code.rawValue, $0) })
            let engines = EngineCache(RubricRepository(connection))
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
                // The same rule as every other way of submitting a sheet.
                let member = roster[group.member]
                let current = dossier.versions.filter { $0.person.rawValue == group.member }.map(\.version).max()
                let situation = ScoringSituation(
                    session: sessionCode.rawValue, sessionStatus: snapshot.status, council: snapshot.council.code.rawValue,
                    policy: snapshot.council.policy, dossier: dossier.code.rawValue, dossierStatus: dossier.status,
                    decided: dossier.result != nil, deferred: dossier.deferral != nil, person: group.member, role: member?.role,
                    present: member?.present ?? false, recused: dossier.recusals.contains { $0.person.rawValue == group.member },
                    currentVersion: current)
                if let refusal = CouncilRules.mayScore(situation, correcting: !group.reason.isEmpty) {
                    problems.append(ImportProblem(line: line, reason: LocalizedText(vi: refusal.message(.vi), en: refusal.message(.en))))
                    continue
                }
                guard let personID = personIDs[group.member] else {
                    problem(line, "\(group.member) không phải thành viên hội đồng \(snapshot.council.code)", "\(group.member) is not a member of council \(snapshot.council.code)")
                    continue
                }
                if group.enteredBy.isEmpty != group.paperRef.isEmpty {
                    problem(line, "phiếu giấy cần cả entered_by và paper_ref", "a paper sheet needs both entered_by and paper_ref")
                } else if !group.enteredBy.isEmpty, !knownPeople.contains(group.enteredBy.lowercased()) {
                    problem(line, "không có người mã \(group.enteredBy) (entered_by)", "no person with code \(group.enteredBy) (entered_by)")
                }
                if group.bad { continue }
                let engine = try engines.engine(dossier.rubricHash)
                var answers = [String: SheetAnswer](minimumCapacity: group.answers.count)
                for a in group.answers { answers[criterionNames[a.criterion]] = SheetAnswer(points: a.points, variant: a.variant) }
                let sheet = ScoreSheet(label: group.member, answers: answers)
                let found = engine.validate(sheet)
                if !found.isEmpty {
                    for p in found {
                        let code: String? = switch p.kind {
                        case .unknownCriterion(let c), .notScorable(let c, _), .pointsNotAnOption(let c, _, _), .conditionNotMet(let c, _, _),
                             .variantMissing(let c), .variantNotApplicable(let c), .unknownVariant(let c, _, _): c
                        default: nil
                        }
                        let at = code.flatMap { criterionIDs[$0] }.flatMap { id in group.answers.first { $0.criterion == id }?.line } ?? line
                        let text = LocalizedText(vi: "\(group.dossier), " + p.message(.vi), en: "\(group.dossier), " + p.message(.en))
                        problems.append(ImportProblem(line: at, reason: text))
                    }
                    continue
                }
                let total = group.answers.reduce(0) { $0 + $1.points }
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
            // Both tables are written straight into the COPY buffer; libpq sends each 64 KiB chunk
            // while the next is built, so the server's work overlaps ours.
            let actorText = actor.rawValue
            let sessionID = snapshot.id
            try connection.copyIn("""
                COPY score_sheet (id, session_id, dossier_id, person_id, version, rubric_version, rubric_hash, total, source,
                                  entered_by, paper_ref, reason, submitted_by) FROM STDIN
                """, writer: { w in
                for (id, r) in zip(ids, ready) {
                    let g = groups[r.group]
                    let paper = !g.paperRef.isEmpty
                    w.field(id); w.field(sessionID); w.field(r.dossierID); w.field(r.personID); w.field(r.version)
                    w.field(r.rubric); w.field(r.hash); w.field(r.total); w.field(paper ? "paper" : "import")
                    w.field(paper ? g.enteredBy.lowercased() : nil); w.field(paper ? g.paperRef : nil)
                    w.field(g.reason.isEmpty ? nil : g.reason); w.field(actorText)
                    try w.endRow()
                }
            })
            let escapedCriteria = criterionNames.map(CopyInWriter.escaped)
            let answerCount = try connection.copyIn("COPY score_answer (sheet_id, criterion, points, variant) FROM STDIN", writer: { w in
                for (id, r) in zip(ids, ready) {
                    for a in groups[r.group].answers {
                        w.field(id); w.field(escaped: escapedCriteria[a.criterion]); w.field(a.points); w.field(a.variant)
                        try w.endRow()
                    }
                }
            })
            try connection.query("""
                DELETE FROM score_draft d USING score_sheet s
                WHERE d.session_id = $1 AND s.session_id = d.session_id AND s.dossier_id = d.dossier_id AND s.person_id = d.person_id
                """, snapshot.id)
            return ScoreImportSummary(session: sessionCode.rawValue, sheets: ready.count, answers: answerCount,
                                      corrections: ready.filter { $0.version > 1 }.count)
        }
    }
}
