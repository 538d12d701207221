import Foundation
import OCOPDomain
import Postgres

/// Everything needed to score one dossier as one member.
public struct ScoringContext: Sendable {
    public var session: String
    public var sessionID: Int
    public var dossier: String
    public var dossierID: Int
    public var productName: String
    public var person: String
    public var personID: Int
    public var personName: String
    public var rubricVersion: String
    public var rubricHash: String
    public var productSet: ProductSet
    /// The member's latest submitted version, if any.
    public var currentVersion: Int?
}

public enum SheetSource: String, Sendable, Codable, CaseIterable {
    case interactive, file, paper
    case imported = "import"
}

/// Member score sheets: submitted versions (immutable), drafts and history.
public struct ScoreStore {
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Resolves the open session of `dossier` and checks `person` may score it.
    public func context(dossier: String, person: String) throws -> ScoringContext {
        let councils = CouncilStore(connection)
        let sessionCode = try councils.openSession(forDossier: dossier)
        return try context(session: sessionCode, dossier: dossier, person: person)
    }

    func context(session sessionCode: String, dossier: String, person: String) throws -> ScoringContext {
        let councils = CouncilStore(connection)
        let dossierKey = CouncilStore.codeKey(dossier)
        let personKey = CouncilStore.personKey(person)
        guard let row = try connection.optional("""
            SELECT s.id AS session_id, s.code AS session, s.status AS session_status, c.code AS council, d.id AS dossier_id,
                   pr.name AS product_name, sd.rubric_version, sd.rubric_hash
            FROM council_session s JOIN council c ON c.id = s.council_id
            JOIN session_dossier sd ON sd.session_id = s.id JOIN dossier d ON d.id = sd.dossier_id
            JOIN product pr ON pr.id = d.product_id
            WHERE s.code = $1 AND d.code = $2
            """, CouncilStore.codeKey(sessionCode), dossierKey) else {
            throw CouncilError.dossierNotOnSession(dossier: dossierKey, session: CouncilStore.codeKey(sessionCode))
        }
        let sessionID: Int = try row["session_id"]
        let dossierID: Int = try row["dossier_id"]
        guard try row.decode(String.self, "session_status") == "open" else { throw CouncilError.sessionFinalized(try row["session"]) }
        try councils.requireUndecided(sessionID: sessionID, dossierID: dossierID, code: dossierKey)
        let council = try councils.council(try row["council"])
        guard let member = council.members.first(where: { $0.person == personKey }) else {
            _ = try councils.personID(personKey)
            throw CouncilError.notAMember(person: personKey, council: council.code)
        }
        guard council.policy.scores(member.role) else { throw CouncilError.doesNotScore(person: personKey, role: member.role) }
        let personID = try councils.personID(personKey)
        let present = try connection.optional("SELECT present FROM session_attendance WHERE session_id = $1 AND person_id = $2", sessionID, personID)
        guard try present?.decode(Bool.self, "present") ?? false else { throw CouncilError.absent(person: personKey, session: try row["session"]) }
        if try connection.optional("SELECT 1 AS x FROM recusal WHERE session_id = $1 AND dossier_id = $2 AND person_id = $3", sessionID, dossierID, personID) != nil {
            throw CouncilError.recused(person: personKey, dossier: dossierKey)
        }
        let hash: String = try row["rubric_hash"]
        let version = try connection.one("""
            SELECT max(version)::int AS v FROM score_sheet WHERE session_id = $1 AND dossier_id = $2 AND person_id = $3
            """, sessionID, dossierID, personID).decode(Int?.self, "v")
        return ScoringContext(
            session: try row["session"], sessionID: sessionID, dossier: dossierKey, dossierID: dossierID,
            productName: try row["product_name"], person: personKey, personID: personID, personName: member.name,
            rubricVersion: try row["rubric_version"], rubricHash: hash,
            productSet: try RubricStore(connection).frozenSet(hash: hash), currentVersion: version)
    }

    /// Validates and stores one sheet version. A first sheet takes no reason; a correction (or a
    /// re-score after discussion) is a new version and needs one. Returns the stored version.
    @discardableResult
    public func submit(dossier: String, person: String, sheet: ScoreSheet, source: SheetSource, enteredBy: String? = nil,
                       paperRef: String? = nil, reason: String? = nil, actor: String) throws -> StoredSheet {
        try connection.transaction { connection in
            let sessionCode = try CouncilStore(connection).openSession(forDossier: dossier)
            // Shared lock: waits while a finalizer holds the session, then sees its result.
            _ = try CouncilStore(connection).sessionRow(sessionCode, lock: "SHARE")
            let context = try self.context(session: sessionCode, dossier: dossier, person: person)
            let trimmedReason = reason?.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
            let reasonText = (trimmedReason?.isEmpty ?? true) ? nil : trimmedReason
            var enteredByKey: String?
            if source == .paper || enteredBy != nil || paperRef != nil {
                guard let enteredBy, let paperRef, !paperRef.trimmingCharacters(in: .whitespaces).isEmpty else { throw CouncilError.paperNeedsReference }
                let key = CouncilStore.personKey(enteredBy)
                _ = try CouncilStore(connection).personID(key)
                enteredByKey = key
            }
            if let current = context.currentVersion, reasonText == nil {
                throw CouncilError.alreadySubmitted(person: context.person, dossier: context.dossier, version: current)
            }
            if context.currentVersion == nil, reasonText != nil { throw CouncilError.nothingToCorrect(person: context.person, dossier: context.dossier) }
            let labelled = ScoreSheet(label: context.person, answers: sheet.answers, knockOuts: sheet.knockOuts)
            let engine = RatingEngine(productSet: context.productSet)
            // Rating one sheet validates it (criteria, options, cases, knock-outs) and totals it.
            let rated = try engine.rate([labelled])
            let version = (context.currentVersion ?? 0) + 1
            let effectiveSource: SheetSource = enteredByKey != nil ? .paper : source
            let id = try connection.one("""
                INSERT INTO score_sheet (session_id, dossier_id, person_id, version, rubric_version, rubric_hash, total, knock_outs,
                                         source, entered_by, paper_ref, reason, submitted_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id
                """, [context.sessionID, context.dossierID, context.personID, version, context.rubricVersion, context.rubricHash,
                      rated.members[0].total, labelled.knockOuts.map(\.description), effectiveSource.rawValue, enteredByKey,
                      paperRef?.nfc, reasonText, actor.nfc]).decode(Int.self, "id")
            let ordered = labelled.answers.sorted { $0.key < $1.key }
            try connection.query("""
                INSERT INTO score_answer (sheet_id, criterion, points, variant)
                SELECT $1, c, p, v FROM unnest($2::text[], $3::smallint[], $4::smallint[]) AS t (c, p, v)
                """, id, ordered.map(\.key), Self.intArray(ordered.map { $0.value.points }), Self.intArray(ordered.map { $0.value.variant }))
            try connection.query("DELETE FROM score_draft WHERE session_id = $1 AND dossier_id = $2 AND person_id = $3",
                                 context.sessionID, context.dossierID, context.personID)
            return try history(dossier: context.dossier, person: context.person).last!
        }
    }

    static func intArray(_ values: [Int?]) -> String {
        "{" + values.map { $0.map(String.init) ?? "NULL" }.joined(separator: ",") + "}"
    }

    // MARK: Drafts

    public func saveDraft(_ context: ScoringContext, answers: [String: SheetAnswer], cursor: Int?, actor: String) throws {
        let json = try JSONText(encoding: answers)
        try connection.query("""
            INSERT INTO score_draft (session_id, dossier_id, person_id, answers, cursor, updated_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
            ON CONFLICT (session_id, dossier_id, person_id) DO UPDATE SET answers = EXCLUDED.answers, cursor = EXCLUDED.cursor,
                updated_at = now(), updated_by = EXCLUDED.updated_by
            """, [context.sessionID, context.dossierID, context.personID, json, cursor, actor.nfc])
    }

    public func draft(_ context: ScoringContext) throws -> (answers: [String: SheetAnswer], cursor: Int?)? {
        guard let row = try connection.optional("""
            SELECT answers::text AS answers, cursor FROM score_draft WHERE session_id = $1 AND dossier_id = $2 AND person_id = $3
            """, context.sessionID, context.dossierID, context.personID) else { return nil }
        let answers = try row.decode(JSONText.self, "answers").decode(as: [String: SheetAnswer].self)
        return (answers, try row["cursor"])
    }

    // MARK: History

    /// Every submitted version for a dossier (optionally one member), oldest first.
    public func history(dossier: String, person: String? = nil) throws -> [StoredSheet] {
        let key = CouncilStore.codeKey(dossier)
        return try connection.query("""
            SELECT s.id, p.code, s.version, s.total, s.source, s.entered_by, s.paper_ref, s.reason, s.rubric_version, s.rubric_hash,
                   s.submitted_at, s.submitted_by, s.knock_outs,
                   (SELECT string_agg(a.criterion || '=' || a.points || coalesce(':' || a.variant, ''), ',') FROM score_answer a WHERE a.sheet_id = s.id) AS answers
            FROM score_sheet s JOIN person p ON p.id = s.person_id JOIN dossier d ON d.id = s.dossier_id
            WHERE d.code = $1 AND ($2::text IS NULL OR p.code = $2)
            ORDER BY p.code, s.version
            """, key, person.map(CouncilStore.personKey)).map { r in
            let code: String = try r["code"]
            let knockOuts: [String] = try r["knock_outs"]
            return StoredSheet(
                id: try r["id"], person: code, version: try r["version"], total: try r["total"], source: try r["source"],
                enteredBy: try r["entered_by"], paperRef: try r["paper_ref"], reason: try r["reason"],
                rubricVersion: try r["rubric_version"], rubricHash: try r["rubric_hash"], submittedAt: try r["submitted_at"],
                submittedBy: try r["submitted_by"],
                sheet: ScoreSheet(label: code, answers: CouncilStore.decodeAnswers(try r["answers"] ?? ""),
                                  knockOuts: knockOuts.map(KnockOutDeclaration.init(parsing:))))
        }
    }
}
