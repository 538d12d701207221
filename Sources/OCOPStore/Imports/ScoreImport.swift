import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// The columns of a sheet import file (docs/council.md).
public enum ScoreCSV {
    public static let required = ["dossier", "member", "criterion", "points"]
    public static let optional = ["variant", "entered_by", "paper_ref", "reason"]
}

/// The separator of a CSV file, read from its header line: a comma when it has one, else a
/// semicolon (Excel's "CSV" where the decimal mark is a comma, as on Vietnamese Windows), else a
/// tab (a copy from a spreadsheet), else a comma. Every CSV import reads files by this rule.
public enum CSVSeparator {
    public static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt8 {
        let header = bytes.prefix { $0 != UInt8(ascii: "\n") }
        return [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].first { header.contains($0) } ?? UInt8(ascii: ",")
    }
}

/// The RFC 4180 reader behind `importSheets`: fields separated by commas (or by the semicolons
/// or tabs of the header line, `CSVSeparator`), records by LF or CRLF; a field in double quotes
/// may hold separators, quotes (doubled) and line breaks. A UTF-8
/// byte-order mark at the start is skipped, blank lines are skipped, every record carries the
/// physical line it starts on, and text beyond ASCII is NFC-normalised like everything the
/// program stores. Quoting that RFC 4180 does not allow is refused with its line, never guessed
/// at. One safe pass over the bytes; `ScoreCSVReaderPropertyTests` checks it against a
/// reference reader.
struct ScoreCSVReader {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    /// Quoting RFC 4180 does not allow, on the line where it is.
    struct Malformed: Error, Equatable {
        enum Kind: Equatable {
            /// `ab"c`: a quote in a field that does not start with one.
            case quoteInUnquotedField
            /// `"ab"c`: anything but a separator or a line end after a closing quote.
            case textAfterClosingQuote
            /// A quoted field still open at the end of the file (`line` is where it opened).
            case unclosedQuote
            /// A CR outside quotes that is not part of a CRLF line end.
            case loneCarriageReturn
        }
        var kind: Kind
        var line: Int

        var reason: LocalizedText {
            switch kind {
            case .quoteInUnquotedField:
                LocalizedText(vi: "dấu ngoặc kép nằm giữa một trường không có ngoặc kép (đặt cả trường trong ngoặc kép và viết \"\" cho mỗi dấu ngoặc kép)",
                              en: "a quote inside an unquoted field (put the whole field in quotes and write \"\" for each quote)")
            case .textAfterClosingQuote:
                LocalizedText(vi: "có ký tự ngay sau dấu ngoặc kép đóng (trường trong ngoặc kép phải kết thúc bằng dấu ngoặc kép)",
                              en: "text right after a closing quote (a quoted field must end with its quote)")
            case .unclosedQuote:
                LocalizedText(vi: "dấu ngoặc kép mở ở dòng này không bao giờ được đóng", en: "a quoted field opened on this line is never closed")
            case .loneCarriageReturn:
                LocalizedText(vi: "ký tự CR ngoài ngoặc kép không đi liền với LF (dòng phải kết thúc bằng LF hoặc CRLF)",
                              en: "a carriage return (CR) outside quotes without a line feed after it (lines end with LF or CRLF)")
            }
        }
    }

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private let bytes: [UInt8]
    private let separator: UInt8
    private var i: Int
    private var line = 1
    /// The previous record's number of fields: the next one most likely has as many.
    private var width = 1

    init(_ data: Data, separator: UInt8 = comma) {
        bytes = [UInt8](data)
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.separator = separator
    }

    /// The next record that is not blank (a blank line is one empty field), `nil` at the end.
    mutating func next() throws(Malformed) -> Record? {
        while i < bytes.count {
            let start = line
            var fields: [String] = []
            fields.reserveCapacity(width)
            while true {
                fields.append(try field())
                guard i < bytes.count else { break }
                // `field()` stops only at a separator or a line end.
                let b = bytes[i]
                i += 1
                if b == separator { continue }
                if b == Self.cr {
                    guard i < bytes.count, bytes[i] == Self.lf else { throw Malformed(kind: .loneCarriageReturn, line: line) }
                    i += 1
                }
                line += 1
                break
            }
            if fields.count == 1, fields[0].isEmpty { continue }
            width = fields.count
            return Record(line: start, fields: fields)
        }
        return nil
    }

    /// One field, up to the separator or line end after it.
    private mutating func field() throws(Malformed) -> String {
        let n = bytes.count
        guard i < n, bytes[i] == Self.quote else {
            let start = i
            var ascii = true
            while i < n, bytes[i] != separator, bytes[i] != Self.lf, bytes[i] != Self.cr {
                if bytes[i] == Self.quote { throw Malformed(kind: .quoteInUnquotedField, line: line) }
                ascii = ascii && bytes[i] < 0x80
                i += 1
            }
            return Self.text(bytes[start..<i], ascii: ascii)
        }
        let opened = line
        var text: [UInt8] = []
        i += 1
        while true {
            guard i < n else { throw Malformed(kind: .unclosedQuote, line: opened) }
            let b = bytes[i]
            i += 1
            if b == Self.quote {
                guard i < n, bytes[i] == Self.quote else { break }
                i += 1
            } else if b == Self.lf {
                line += 1
            }
            text.append(b)
        }
        if i < n, bytes[i] != separator, bytes[i] != Self.lf, bytes[i] != Self.cr { throw Malformed(kind: .textAfterClosingQuote, line: line) }
        return Self.text(text[...], ascii: text.allSatisfy { $0 < 0x80 })
    }

    /// NFC, as every text the program stores (only text beyond ASCII can change).
    private static func text(_ bytes: ArraySlice<UInt8>, ascii: Bool) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return ascii ? text : text.precomposedStringWithCanonicalMapping
    }
}

extension String {
    /// Without surrounding spaces and tabs (`CharacterSet.whitespaces`); most fields have none,
    /// and those are returned as they are.
    fileprivate var trimmedField: String {
        guard let first = utf8.first, let last = utf8.last,
              first == 32 || first == 9 || first >= 0x80 || last == 32 || last == 9 || last >= 0x80 else { return self }
        return trimmingCharacters(in: .whitespaces)
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
        var problems: [ImportProblem] = []
        func problem(_ line: Int, _ vi: String, _ en: String) { problems.append(ImportProblem(line: line, reason: LocalizedText(vi: vi, en: en))) }
        var reader = ScoreCSVReader(data, separator: CSVSeparator.of(data))
        let first: ScoreCSVReader.Record?
        do throws(ScoreCSVReader.Malformed) { first = try reader.next() } catch {
            throw StoreError.importFailed(file: file, problems: [ImportProblem(line: error.line, reason: error.reason)])
        }
        guard let header = first else {
            throw StoreError.importFailed(file: file, problems: [ImportProblem(line: 1, reason: LocalizedText(vi: "tệp trống", en: "the file is empty"))])
        }
        let headerLine = header.line
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
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
        // The raw dossier and member of the previous line and its sheet: the lines of one sheet
        // follow each other and skip the key normalization and the lookup.
        var last: (dossier: String, member: String, group: Int)?
        while true {
            let record: ScoreCSVReader.Record
            do throws(ScoreCSVReader.Malformed) {
                guard let next = try reader.next() else { break }
                record = next
            } catch {
                // Past broken quoting the lines cannot be told apart: report it and stop reading.
                problems.append(ImportProblem(line: error.line, reason: error.reason))
                break
            }
            let line = record.line, fields = record.fields
            guard fields.count == names.count else {
                problem(line, "có \(fields.count) cột, tiêu đề có \(names.count)", "has \(fields.count) fields, the header has \(names.count)")
                continue
            }
            let criterionText = fields[cC].trimmedField
            let g: Int
            if let l = last, fields[cD] == l.dossier, fields[cM] == l.member, !criterionText.isEmpty {
                g = l.group
            } else {
                let dossier = fields[cD].trimmedField.uppercased(), member = fields[cM].trimmedField.lowercased()
                guard !dossier.isEmpty, !member.isEmpty, !criterionText.isEmpty else {
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
                last = (fields[cD], fields[cM], g)
            }
            for (c, path, label) in sheetColumns {
                let value = fields[c].trimmedField
                if value.isEmpty { continue }
                if groups[g][keyPath: path].isEmpty { groups[g][keyPath: path] = value }
                else if groups[g][keyPath: path] != value {
                    problem(line, "\(label) khác với các dòng trước của cùng phiếu (\(groups[g][keyPath: path]))",
                            "\(label) differs from earlier lines of the same sheet (\(groups[g][keyPath: path]))")
                }
            }
            guard let points = Int(fields[cP].trimmedField) else {
                let text = fields[cP]
                problem(line, "điểm \"\(text)\" không phải số nguyên", "points \"\(text)\" is not an integer")
                groups[g].bad = true
                continue
            }
            var variant: Int?
            if let cV, !fields[cV].trimmedField.isEmpty {
                guard let v = Int(fields[cV].trimmedField) else {
                    let text = fields[cV]
                    problem(line, "trường hợp \"\(text)\" phải là 1 hoặc 2", "variant \"\(text)\" must be 1 or 2")
                    groups[g].bad = true
                    continue
                }
                variant = v
            }
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
            let today = try Stored.today(connection)

            struct Ready { var group: Int; var dossierID: Int; var personID: Int; var version: Int; var total: Int; var hash: String; var rubric: String }
            var ready: [Ready] = []
            ready.reserveCapacity(groups.count)
            var unchanged = 0
            for (g, group) in groups.enumerated() {
                let line = group.firstLine
                guard let dossier = dossiers[group.dossier] else {
                    problem(line, "hồ sơ \(group.dossier) không thuộc phiên \(sessionCode)", "dossier \(group.dossier) is not on session \(sessionCode)")
                    continue
                }
                var answers = [String: SheetAnswer](minimumCapacity: group.answers.count)
                for a in group.answers { answers[criterionNames[a.criterion]] = SheetAnswer(points: a.points, variant: a.variant) }
                // The member's current sheet, answer for answer (a CSV declares no knock-outs): it
                // was imported before. It is counted and not written again, so the secretary may
                // import a file again as it grows during the session.
                if !group.bad, let stored = dossier.sheets.first(where: { $0.person.rawValue == group.member }),
                   stored.sheet.knockOuts.isEmpty, stored.sheet.answers == answers {
                    unchanged += 1
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
                    currentVersion: current, meetingDay: snapshot.mode == .meeting ? snapshot.heldOn : nil, today: today)
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
            _ = try connection.copyRows(into: "score_sheet", columns: [
                "id", "session_id", "dossier_id", "person_id", "version", "rubric_version", "rubric_hash", "total", "source",
                "entered_by", "paper_ref", "reason", "submitted_by",
            ], writer: { w in
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
            let answerCount = try connection.copyRows(into: "score_answer", columns: ["sheet_id", "criterion", "points", "variant"], writer: { w in
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
                                      corrections: ready.filter { $0.version > 1 }.count, unchanged: unchanged)
        }
    }
}
