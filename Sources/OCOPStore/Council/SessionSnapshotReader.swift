import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Reads a whole council session — agenda, attendance, recusals, sheets with their answers,
/// overrides, knock-outs, deferrals, results — in a fixed number of set-based queries,
/// whatever the number of dossiers (no query per dossier or per sheet).
public struct SessionSnapshotReader {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    static func person(_ raw: String) throws -> PersonCode {
        guard let code = PersonCode(normalizing: raw) else { throw StoreError.corruptStoredValue(table: "person", column: "code", value: raw) }
        return code
    }

    static func session(_ raw: String) throws -> SessionCode {
        guard let code = SessionCode(normalizing: raw) else { throw StoreError.corruptStoredValue(table: "council_session", column: "code", value: raw) }
        return code
    }

    /// The session's id, status and council id (optionally locking the session row).
    func sessionRow(_ code: SessionCode, lock: String = "") throws -> (id: Int, status: SessionStatus, councilID: Int) {
        guard let row = try connection.optional(
            "SELECT id, status, council_id FROM council_session WHERE code = $1" + (lock.isEmpty ? "" : " FOR \(lock)"), code.rawValue) else {
            throw StoreError.notFound(.session, code.rawValue)
        }
        return (try row["id"], try StoreError.decode(SessionStatus.self, try row["status"], table: "council_session", column: "status"),
                try row["council_id"])
    }

    public func snapshot(_ code: SessionCode) throws -> SessionSnapshot {
        guard let row = try connection.optional("""
            SELECT id, code, held_on::text AS held_on, place, status, mode, opened_by, finalized_at, council_id
            FROM council_session WHERE code = $1
            """, code.rawValue) else { throw StoreError.notFound(.session, code.rawValue) }
        let sessionID: Int = try row["id"]
        let council = try CouncilRepository(connection).council(id: try row["council_id"])
        var attendance: [String: Bool] = [:]
        for r in try connection.query("""
            SELECT p.code, a.present FROM session_attendance a JOIN person p ON p.id = a.person_id WHERE a.session_id = $1
            """, sessionID) {
            attendance[try r.decode(String.self, "code")] = try r.decode(Bool.self, "present")
        }
        let roster = council.members.map {
            RosterEntry(person: $0.person.rawValue, name: $0.name, role: $0.role, present: attendance[$0.person.rawValue] ?? false)
        }

        var dossiers: [SessionDossier] = try connection.query("""
            SELECT d.id, d.code, pr.name AS product_name, pr.code AS product_code, p.name AS producer_name, pr.product_set, d.status,
                   sd.rubric_version, sd.rubric_hash
            FROM session_dossier sd JOIN dossier d ON d.id = sd.dossier_id
            JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id
            WHERE sd.session_id = $1 ORDER BY sd.position
            """, sessionID).map { r in
            SessionDossier(id: try r["id"], code: try DossierRepository.code(try r["code"]), productName: try r["product_name"],
                           productCode: try r["product_code"], producerName: try r["producer_name"], productSet: try r["product_set"],
                           status: try StoreError.decode(DossierStatus.self, try r["status"], table: "dossier", column: "status"),
                           rubricVersion: try r["rubric_version"], rubricHash: try r["rubric_hash"])
        }
        var position: [Int: Int] = [:]
        for (i, d) in dossiers.enumerated() { position[d.id] = i }
        func at(_ r: Row) throws -> Int {
            let id = try r.decode(Int.self, "dossier_id")
            guard let index = position[id] else { throw StoreError.corruptStoredValue(table: "session_dossier", column: "dossier_id", value: String(id)) }
            return index
        }

        for r in try connection.query("""
            SELECT r.dossier_id, p.code, r.reason_kind, r.reason, r.declared_by FROM recusal r JOIN person p ON p.id = r.person_id
            WHERE r.session_id = $1 ORDER BY r.declared_at, p.code
            """, sessionID) {
            let i = try at(r)
            dossiers[i].recusals.append(RecusalRecord(
                dossier: dossiers[i].code, person: try Self.person(try r["code"]),
                kind: try StoreError.decode(RecusalKind.self, try r["reason_kind"], table: "recusal", column: "reason_kind"),
                reason: try r["reason"], declaredBy: try r["declared_by"]))
        }
        for r in try connection.query("""
            SELECT o.dossier_id, o.flag, p.code, o.reason, o.recorded_at FROM council_override o JOIN person p ON p.id = o.chair_id
            WHERE o.session_id = $1 ORDER BY o.recorded_at, o.flag
            """, sessionID) {
            let i = try at(r)
            dossiers[i].overrides.append(OverrideRecord(dossier: dossiers[i].code, flag: try r["flag"], chair: try Self.person(try r["code"]),
                                                        reason: try r["reason"], recordedAt: try r["recorded_at"]))
        }
        for r in try connection.query("""
            SELECT k.dossier_id, k.clause, k.clause_text, k.reason, p.code, k.recorded_at, k.recorded_by,
                   k.withdrawn_at, k.withdrawn_by, k.withdrawn_reason
            FROM council_knockout k JOIN person p ON p.id = k.decided_by WHERE k.session_id = $1 ORDER BY k.id
            """, sessionID) {
            let i = try at(r)
            dossiers[i].knockOuts.append(KnockOutRecord(
                dossier: dossiers[i].code, declaration: KnockOutDeclaration(parsing: try r["clause"]), clauseText: try r["clause_text"],
                reason: try r["reason"], decidedBy: try Self.person(try r["code"]), recordedAt: try r["recorded_at"],
                recordedBy: try r["recorded_by"], withdrawnAt: try r["withdrawn_at"], withdrawnBy: try r["withdrawn_by"],
                withdrawnReason: try r["withdrawn_reason"]))
        }
        for r in try connection.query("SELECT dossier_id, reason, deferred_at, deferred_by FROM session_deferral WHERE session_id = $1", sessionID) {
            let i = try at(r)
            dossiers[i].deferral = DeferralRecord(dossier: dossiers[i].code, reason: try r["reason"], deferredAt: try r["deferred_at"],
                                                  deferredBy: try r["deferred_by"])
        }

        // Every version (for the record), then the answers of the current ones, as typed arrays.
        struct Key: Hashable { var index: Int; var person: PersonCode }
        var latest: [Key: (index: Int, meta: SheetVersion)] = [:]
        for r in try connection.query(ScoreRepository.versionSelect + """
             WHERE s.session_id = $1 ORDER BY s.dossier_id, p.code, s.version
            """, sessionID) {
            let i = try at(r)
            let meta = try ScoreRepository.decodeVersion(r, dossier: dossiers[i].code)
            dossiers[i].versions.append(meta)
            let key = Key(index: i, person: meta.person)
            if let current = latest[key], current.meta.version > meta.version { continue }
            latest[key] = (i, meta)
        }
        let answers = try sheets(ids: latest.values.map(\.meta.id))
        for (i, meta) in latest.values.sorted(by: { ($0.index, $0.meta.person) < ($1.index, $1.meta.person) }) {
            guard let sheet = answers[meta.id] else {
                throw StoreError.corruptStoredValue(table: "score_answer", column: "sheet_id", value: String(meta.id))
            }
            dossiers[i].sheets.append(StoredSheet(meta: meta, sheet: ScoreSheet(label: meta.person.rawValue, answers: sheet.answers, knockOuts: sheet.knockOuts)))
        }

        let results = try connection.query("""
            SELECT dossier_id, sheet_count, outcome, overrides, detail::text AS detail, finalized_at, finalized_by
            FROM council_result WHERE session_id = $1
            """, sessionID)
        // The typed results, decoded on every core (a decided round is 2,000 of them).
        let ratings = try results.map { r -> JSONText in try r["detail"] }.concurrentMap { try? $0.decode(as: RatingResult.self) }
        for (r, decoded) in zip(results, ratings) {
            let i = try at(r)
            guard let rating = decoded else {
                throw StoreError.corruptStoredValue(table: "council_result", column: "detail", value: dossiers[i].code.rawValue)
            }
            dossiers[i].result = StoredResult(
                rating: rating, outcome: try StoreError.decode(DossierStatus.self, try r["outcome"], table: "council_result", column: "outcome"),
                sheetCount: try r["sheet_count"], overrides: try r["overrides"], finalizedAt: try r["finalized_at"], finalizedBy: try r["finalized_by"])
        }
        let heldOn: String = try row["held_on"]
        guard let held = CalendarDate(iso: heldOn) else { throw StoreError.corruptStoredValue(table: "council_session", column: "held_on", value: heldOn) }
        return SessionSnapshot(
            id: sessionID, code: try Self.session(try row["code"]), heldOn: held, place: try row["place"],
            status: try StoreError.decode(SessionStatus.self, try row["status"], table: "council_session", column: "status"),
            mode: try StoreError.decode(SessionMode.self, try row["mode"], table: "council_session", column: "mode"),
            openedBy: try row["opened_by"], finalizedAt: try row["finalized_at"], council: council, roster: roster, dossiers: dossiers)
    }

    /// The answers and declared knock-outs of the given sheets. The answers come as plain rows
    /// (one per answer, no aggregation or sorting on the server: for a province's round that is
    /// ~600,000 rows in well under a second, where per-sheet arrays cost seconds).
    func sheets(ids: [Int]) throws -> [Int: ScoreSheet] {
        guard !ids.isEmpty else { return [:] }
        let idArray = PostgresIntArray(ids)
        var answers: [Int: [String: SheetAnswer]] = [:]
        answers.reserveCapacity(ids.count)
        // The rows come a sheet at a time (the index order), though nothing requires it: a run of
        // one sheet's rows is gathered, then merged in with one lookup.
        var run: (sheet: Int, answers: [String: SheetAnswer])?
        func flush() {
            guard let (sheet, gathered) = run else { return }
            if answers[sheet] == nil { answers[sheet] = gathered } else { answers[sheet]!.merge(gathered) { _, new in new } }
        }
        for r in try connection.query("SELECT sheet_id, criterion, points, variant FROM score_answer WHERE sheet_id = ANY ($1::bigint[])", idArray) {
            let sheet = try r.decode(Int.self, at: 0)
            if run?.sheet != sheet {
                flush()
                run = (sheet, Dictionary(minimumCapacity: 40))
            }
            run!.answers[try r.decode(String.self, at: 1)] = SheetAnswer(points: try r.decode(Int.self, at: 2), variant: try r.decode(Int?.self, at: 3))
        }
        flush()
        var knockOuts: [Int: [KnockOutDeclaration]] = [:]
        for r in try connection.query("SELECT id, knock_outs FROM score_sheet WHERE id = ANY ($1::bigint[]) AND knock_outs <> '{}'", idArray) {
            knockOuts[try r.decode(Int.self, at: 0)] = try r.decode([String].self, at: 1).map(KnockOutDeclaration.init(parsing:))
        }
        return answers.reduce(into: [:]) { sheets, entry in
            sheets[entry.key] = ScoreSheet(label: "", answers: entry.value, knockOuts: knockOuts[entry.key] ?? [])
        }
    }

    /// The session a dossier is on and not yet decided (for scoring by dossier).
    public func openSession(forDossier dossier: DossierCode) throws -> SessionCode {
        guard let row = try connection.optional("""
            SELECT s.code FROM session_dossier sd JOIN council_session s ON s.id = sd.session_id JOIN dossier d ON d.id = sd.dossier_id
            WHERE d.code = $1 AND s.status = 'open'
              AND NOT EXISTS (SELECT 1 FROM council_result r WHERE r.session_id = sd.session_id AND r.dossier_id = sd.dossier_id)
              AND NOT EXISTS (SELECT 1 FROM session_deferral f WHERE f.session_id = sd.session_id AND f.dossier_id = sd.dossier_id)
            ORDER BY s.held_on DESC LIMIT 1
            """, dossier.rawValue) else {
            if try connection.optional("SELECT 1 AS x FROM dossier WHERE code = $1", dossier.rawValue) == nil {
                throw StoreError.notFound(.dossier, dossier.rawValue)
            }
            throw StoreError.dossierNotInOpenSession(dossier.rawValue)
        }
        return try Self.session(try row["code"])
    }

    public func sessions(council: CouncilCode? = nil) throws -> [CouncilSessionSummary] {
        try connection.query("""
            SELECT s.code, c.code AS council, c.name AS council_name, s.held_on::text AS held_on, s.place, s.status,
                   (SELECT count(*) FROM session_dossier sd WHERE sd.session_id = s.id)::int AS dossiers,
                   (SELECT count(*) FROM council_result r WHERE r.session_id = s.id)::int AS decided,
                   (SELECT count(*) FROM session_deferral f WHERE f.session_id = s.id)::int AS deferred
            FROM council_session s JOIN council c ON c.id = s.council_id
            WHERE ($1::text IS NULL OR c.code = $1) ORDER BY s.held_on, s.code
            """, council?.rawValue).map { r in
            let councilRaw: String = try r["council"]
            let held: String = try r["held_on"]
            guard let councilCode = CouncilCode(normalizing: councilRaw), let heldOn = CalendarDate(iso: held) else {
                throw StoreError.corruptStoredValue(table: "council_session", column: "code", value: councilRaw)
            }
            return CouncilSessionSummary(
                code: try Self.session(try r["code"]), council: councilCode, councilName: try r["council_name"], heldOn: heldOn,
                place: try r["place"], status: try StoreError.decode(SessionStatus.self, try r["status"], table: "council_session", column: "status"),
                dossiers: try r["dossiers"], decided: try r["decided"], deferred: try r["deferred"])
        }
    }
}
