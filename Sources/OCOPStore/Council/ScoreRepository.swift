import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Member score sheets: submitted versions (immutable), drafts and history.
public struct ScoreRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The facts of the scoring rule for one person and dossier on one session, in one query.
    func situationRow(session: SessionCode, dossier: DossierCode, person: PersonCode) throws -> Row {
        guard let row = try connection.optional("""
            SELECT s.id AS session_id, s.status AS session_status, s.mode, s.held_on::text AS held_on, \(Stored.today)::text AS today,
                   c.code AS council, c.quorum_numerator, c.quorum_denominator,
                   c.quorum_requires_chair, c.max_spread, c.secretary_scores, c.minimum_split,
                   d.id AS dossier_id, d.status AS dossier_status, pr.name AS product_name, sd.rubric_version, sd.rubric_hash,
                   EXISTS (SELECT 1 FROM council_result r WHERE r.session_id = s.id AND r.dossier_id = d.id) AS decided,
                   EXISTS (SELECT 1 FROM session_deferral f WHERE f.session_id = s.id AND f.dossier_id = d.id) AS deferred,
                   pe.id AS person_id, pe.full_name, m.role,
                   coalesce(a.present, false) AS present,
                   EXISTS (SELECT 1 FROM recusal x WHERE x.session_id = s.id AND x.dossier_id = d.id AND x.person_id = pe.id) AS recused,
                   (SELECT max(version)::int FROM score_sheet v WHERE v.session_id = s.id AND v.dossier_id = d.id AND v.person_id = pe.id) AS current_version
            FROM council_session s JOIN council c ON c.id = s.council_id
            JOIN session_dossier sd ON sd.session_id = s.id JOIN dossier d ON d.id = sd.dossier_id
            JOIN product pr ON pr.id = d.product_id
            LEFT JOIN person pe ON pe.code = $3
            LEFT JOIN council_member m ON m.council_id = c.id AND m.person_id = pe.id
            LEFT JOIN session_attendance a ON a.session_id = s.id AND a.person_id = pe.id
            WHERE s.code = $1 AND d.code = $2
            """, session.rawValue, dossier.rawValue, person.rawValue) else {
            if try connection.optional("SELECT 1 AS x FROM council_session WHERE code = $1", session.rawValue) == nil {
                throw StoreError.notFound(.session, session.rawValue)
            }
            throw StoreError.dossierNotOnSession(dossier: dossier.rawValue, session: session.rawValue)
        }
        guard try row.decode(Int?.self, "person_id") != nil else { throw StoreError.notFound(.person, person.rawValue) }
        return row
    }

    func situation(_ row: Row, session: SessionCode, dossier: DossierCode, person: PersonCode) throws -> ScoringSituation {
        let roleRaw: String? = try row["role"]
        let mode = try StoreError.decode(SessionMode.self, try row["mode"], table: "council_session", column: "mode")
        return ScoringSituation(
            session: session.rawValue,
            sessionStatus: try StoreError.decode(SessionStatus.self, try row["session_status"], table: "council_session", column: "status"),
            council: try row["council"],
            policy: CouncilPolicy(
                quorumNumerator: try row["quorum_numerator"], quorumDenominator: try row["quorum_denominator"],
                quorumRequiresChair: try row["quorum_requires_chair"], maxSpread: try row["max_spread"], secretaryScores: try row["secretary_scores"],
                minimumSplit: try StoreError.decode(MinimumSplitRule.self, try row["minimum_split"], table: "council", column: "minimum_split")),
            dossier: dossier.rawValue,
            dossierStatus: try StoreError.decode(DossierStatus.self, try row["dossier_status"], table: "dossier", column: "status"),
            decided: try row["decided"], deferred: try row["deferred"], person: person.rawValue,
            role: try roleRaw.map { try StoreError.decode(CouncilRole.self, $0, table: "council_member", column: "role") },
            present: try row["present"], recused: try row["recused"], currentVersion: try row["current_version"],
            meetingDay: mode == .meeting ? try Stored.requiredDate(row, "held_on", table: "council_session") : nil,
            today: try Stored.requiredDate(row, "today", table: "clock"))
    }

    /// Resolves the open session of `dossier` and reads the scoring context of `person` there.
    public func context(dossier: DossierCode, person: PersonCode) throws -> ScoringContext {
        let session = try SessionSnapshotReader(connection).openSession(forDossier: dossier)
        return try context(session: session, dossier: dossier, person: person)
    }

    /// Everything needed to score: the rule's facts (one query) and the frozen product set.
    public func context(session: SessionCode, dossier: DossierCode, person: PersonCode) throws -> ScoringContext {
        let row = try situationRow(session: session, dossier: dossier, person: person)
        let hash: String = try row["rubric_hash"]
        return ScoringContext(
            situation: try situation(row, session: session, dossier: dossier, person: person), session: session,
            sessionID: try row["session_id"], dossier: dossier, dossierID: try row["dossier_id"], productName: try row["product_name"],
            person: person, personID: try row["person_id"], personName: try row["full_name"],
            rubricVersion: try row["rubric_version"], rubricHash: hash, productSet: try RubricRepository(connection).frozenSet(hash: hash))
    }

    /// Checks the scoring rule, validates the sheet against the frozen set (answers and knock-outs)
    /// and stores it as the next version. A first sheet takes no reason; a correction (or a
    /// re-score after discussion) is a new version and needs one. The context is read once per
    /// command; inside the transaction only the facts that can change meanwhile are read again.
    @discardableResult
    public func submit(_ context: ScoringContext, sheet: ScoreSheet, source: SheetSource, enteredBy: PersonCode? = nil,
                       paperRef: String? = nil, reason: String? = nil, actor: PersonCode) throws -> StoredSheet {
        let reasonText = try Validate.optionalText(reason, field: "reason", limit: FieldLimit.note, multiline: true)
        let paper = try Validate.optionalText(paperRef, field: "paper_ref", limit: FieldLimit.reference)
        if source == .paper || enteredBy != nil || paper != nil {
            guard enteredBy != nil, paper != nil else { throw StoreError.paperNeedsReference }
        }
        let labelled = ScoreSheet(label: context.person.rawValue, answers: sheet.answers, knockOuts: sheet.knockOuts)
        // Rating one sheet validates it (criteria, options, cases, knock-outs) and totals it.
        let rated: RatingResult
        do throws(SheetValidationError) { rated = try RatingEngine(productSet: context.productSet).rate([labelled]) } catch { throw DomainError.invalidSheet(error) }
        let ordered = labelled.answers.sorted { $0.key < $1.key }
        return try connection.transaction { connection in
            // Shared lock: waits while a finalizer holds the session, then sees its result.
            _ = try connection.query("SELECT 1 FROM council_session WHERE id = $1 FOR SHARE", context.sessionID)
            // Another terminal may have submitted or finalized meanwhile: the rule's facts again.
            let row = try situationRow(session: context.session, dossier: context.dossier, person: context.person)
            let now = try situation(row, session: context.session, dossier: context.dossier, person: context.person)
            if let refusal = CouncilRules.mayScore(now, correcting: reasonText != nil) { throw DomainError.mayNotScore(refusal) }
            let version = (now.currentVersion ?? 0) + 1
            let effective: SheetSource = enteredBy != nil ? .paper : source
            // The transcriber of a paper sheet must be a known person.
            if let enteredBy, try !CouncilRepository(connection).personExists(enteredBy) { throw StoreError.notFound(.person, enteredBy.rawValue) }
            let inserted = try connection.one(Self.insertReturning, [
                context.sessionID, context.dossierID, context.personID, version, context.rubricVersion, context.rubricHash,
                rated.members[0].total, labelled.knockOuts.map(\.description), effective.rawValue, enteredBy?.rawValue, paper,
                reasonText, actor.rawValue])
            let meta = try Self.decodeVersion(inserted, dossier: context.dossier, person: context.person)
            try connection.query("""
                INSERT INTO score_answer (sheet_id, criterion, points, variant)
                SELECT $1, c, p, v FROM unnest($2::text[], $3::smallint[], $4::smallint[]) AS t (c, p, v)
                """, meta.id, ordered.map(\.key), PostgresIntArray(ordered.map { $0.value.points }), PostgresIntArray(ordered.map { $0.value.variant }))
            try connection.query("DELETE FROM score_draft WHERE session_id = $1 AND dossier_id = $2 AND person_id = $3",
                                 context.sessionID, context.dossierID, context.personID)
            return StoredSheet(meta: meta, sheet: labelled)
        }
    }

    static let insertReturning = """
        INSERT INTO score_sheet (session_id, dossier_id, person_id, version, rubric_version, rubric_hash, total, knock_outs,
                                 source, entered_by, paper_ref, reason, submitted_by)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        RETURNING id, dossier_id, version, total, source, entered_by, paper_ref, reason, rubric_version, rubric_hash, submitted_at, submitted_by
        """

    // MARK: Drafts

    public func saveDraft(_ context: ScoringContext, answers: [String: SheetAnswer], cursor: Int?, actor: PersonCode) throws {
        try connection.query("""
            INSERT INTO score_draft (session_id, dossier_id, person_id, answers, cursor, updated_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
            ON CONFLICT (session_id, dossier_id, person_id) DO UPDATE SET answers = EXCLUDED.answers, cursor = EXCLUDED.cursor,
                updated_at = ocop_now(), updated_by = EXCLUDED.updated_by
            """, [context.sessionID, context.dossierID, context.personID, try JSONText(encoding: answers), cursor, actor.rawValue])
    }

    public func draft(_ context: ScoringContext) throws -> (answers: [String: SheetAnswer], cursor: Int?)? {
        guard let row = try connection.optional("""
            SELECT answers::text AS answers, cursor FROM score_draft WHERE session_id = $1 AND dossier_id = $2 AND person_id = $3
            """, context.sessionID, context.dossierID, context.personID) else { return nil }
        let json: JSONText = try row["answers"]
        do {
            return (try json.decode(as: [String: SheetAnswer].self), try row["cursor"])
        } catch {
            throw StoreError.corruptStoredValue(table: "score_draft", column: "answers", value: json.text)
        }
    }

    // MARK: Reading sheets

    static let versionSelect = """
        SELECT s.id, s.dossier_id, p.code, s.version, s.total, s.source, s.entered_by, s.paper_ref, s.reason, s.rubric_version,
               s.rubric_hash, s.submitted_at, s.submitted_by
        FROM score_sheet s JOIN person p ON p.id = s.person_id
        """

    static func decodeVersion(_ row: Row, dossier: DossierCode, person: PersonCode? = nil) throws -> SheetVersion {
        let enteredBy: String? = try row["entered_by"]
        return SheetVersion(
            id: try row["id"], dossier: dossier, person: try person ?? SessionSnapshotReader.person(try row["code"]),
            version: try row["version"], total: try row["total"],
            source: try StoreError.decode(SheetSource.self, try row["source"], table: "score_sheet", column: "source"),
            enteredBy: try enteredBy.map(SessionSnapshotReader.person), paperRef: try row["paper_ref"], reason: try row["reason"],
            rubricVersion: try row["rubric_version"], rubricHash: try row["rubric_hash"], submittedAt: try row["submitted_at"],
            submittedBy: try row["submitted_by"])
    }

    /// Every submitted version for a dossier (optionally one member), oldest first.
    public func history(dossier: DossierCode, person: PersonCode? = nil) throws -> [SheetVersion] {
        let found = try connection.query(Self.versionSelect + """
             JOIN dossier d ON d.id = s.dossier_id
             WHERE d.code = $1 AND ($2::text IS NULL OR p.code = $2)
             ORDER BY p.code, s.version
            """, dossier.rawValue, person?.rawValue).map { try Self.decodeVersion($0, dossier: dossier) }
        if found.isEmpty { _ = try DossierRepository(connection).dossier(dossier) }
        return found
    }
}
