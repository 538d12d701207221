import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Council sessions: the agenda, attendance, recusals, the chair's overrides, the council's own
/// knock-outs and deferrals, and finalization.
public struct SessionRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    var reader: SessionSnapshotReader { SessionSnapshotReader(connection) }

    /// Opens a session: records attendance (everyone present unless listed absent) and puts each
    /// dossier on the agenda with its frozen rubric, moving a provincial one to `council_scheduled`.
    public func open(council code: CouncilCode, heldOn: CalendarDate, place: String?, dossiers: [DossierCode], absent: [PersonCode],
                     actor: PersonCode) throws -> SessionSnapshot {
        guard !dossiers.isEmpty else { throw StoreError.noDossiers }
        var listed = Set<DossierCode>()
        if let twice = dossiers.first(where: { !listed.insert($0).inserted }) { throw StoreError.dossierTwice(twice.rawValue) }
        return try connection.transaction { connection in
            let council = try CouncilRepository(connection).council(code)
            // Members' roles are frozen while a session is open: opening waits for a role change
            // in progress, and a role change waits for this session to be recorded.
            try connection.query("SELECT 1 FROM council WHERE id = $1 FOR SHARE", council.id)
            let place = try Validate.optionalText(place, field: "place", limit: FieldLimit.address)
            for person in absent where !council.members.contains(where: { $0.person == person }) {
                throw StoreError.notAMember(person: person.rawValue, council: council.code.rawValue)
            }
            let serial = try connection.one("""
                INSERT INTO council_session_serial (year, last_serial) VALUES ($1, 1)
                ON CONFLICT (year) DO UPDATE SET last_serial = council_session_serial.last_serial + 1 RETURNING last_serial
                """, heldOn.year).decode(Int.self, "last_serial")
            let sessionCode = SessionCode(year: heldOn.year, serial: serial)
            let sessionID = try connection.one("""
                INSERT INTO council_session (code, council_id, held_on, place, opened_by) VALUES ($1, $2, $3::date, $4, $5) RETURNING id
                """, sessionCode.rawValue, council.id, heldOn.iso, place, actor.rawValue).decode(Int.self, "id")
            try connection.query("""
                INSERT INTO session_attendance (session_id, person_id, present, recorded_by)
                SELECT $1, m.person_id, NOT (p.code = ANY ($2::text[])), $3
                FROM council_member m JOIN person p ON p.id = m.person_id WHERE m.council_id = $4
                """, sessionID, absent.map(\.rawValue), actor.rawValue, council.id)
            let store = DossierRepository(connection)
            var seen = Set<DossierCode>()
            let needed: DossierStatus = council.level == .provincial ? .readyForCouncil : .centralReview
            for (position, code) in dossiers.enumerated() {
                let dossier = try store.dossier(code)
                guard seen.insert(dossier.code).inserted else { throw StoreError.dossierTwice(dossier.code.rawValue) }
                // One undecided place on an agenda at a time (a central council's dossier keeps
                // its status while on a session, so the status alone does not tell).
                if let other = try? reader.openSession(forDossier: dossier.code) {
                    throw StoreError.dossierOnAnotherSession(dossier: dossier.code.rawValue, session: other.rawValue)
                }
                guard dossier.status == needed else {
                    throw StoreError.dossierNotReady(dossier: dossier.code.rawValue, status: dossier.status, needed: needed)
                }
                guard let hash = dossier.rubricHash else { throw StoreError.rubricWithoutTables(version: dossier.rubricVersion, dossier: dossier.code.rawValue) }
                try Self.check(day: heldOn, for: dossier, on: connection)
                try connection.query("""
                    INSERT INTO session_dossier (session_id, dossier_id, position, rubric_version, rubric_hash, added_by)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    """, [sessionID, dossier.id, position + 1, dossier.rubricVersion, hash, actor.rawValue])
                if council.level == .provincial {
                    try connection.query("""
                        UPDATE dossier SET status = 'council_scheduled', updated_at = ocop_now() WHERE id = $1
                        """, dossier.id)
                    try connection.query("""
                        INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, detail)
                        VALUES ($1, $2, 'advance', 'ready_for_council', 'council_scheduled', $3::jsonb)
                        """, dossier.id, actor.rawValue,
                        try JSONText(encoding: DossierEventDetail.scheduled(session: sessionCode.rawValue, councilName: council.name, heldOn: heldOn)))
                }
            }
            return try reader.snapshot(sessionCode)
        }
    }

    /// A council cannot meet on a file before it was filed, nor (a central council) before the
    /// council that proposed it.
    private static func check(day heldOn: CalendarDate, for dossier: Dossier, on connection: Connection) throws {
        let earlier: String? = try connection.optional("""
            SELECT max(s.held_on)::text AS day FROM council_result r JOIN council_session s ON s.id = r.session_id WHERE r.dossier_id = $1
            """, dossier.id).flatMap { try $0["day"] }
        if let floor = [dossier.filedOn, earlier.flatMap(CalendarDate.init(iso:))].compactMap({ $0 }).max(), heldOn < floor {
            throw StoreError.invalid(field: "date", value: heldOn.iso, reason: LocalizedText(
                vi: "phiên họp không thể trước ngày \(floor.display(.vi)), khi hồ sơ \(dossier.code.rawValue) \(floor == dossier.filedOn ? "được nộp" : "có kết quả của hội đồng trước").",
                en: "the session cannot precede \(floor.display(.en)), when dossier \(dossier.code.rawValue) \(floor == dossier.filedOn ? "was filed" : "had its earlier council result")."))
        }
    }

    /// Moves a session not yet concluded to another day (a meeting postponed, or brought
    /// forward): the results will be dated on the new day. Refused once any dossier of it has a
    /// result. Each dossier still on its agenda gets an event with the reason, which its producer
    /// reads in `dossier status`.
    @discardableResult
    public func reschedule(_ code: SessionCode, to day: CalendarDate, reason: String, actor: PersonCode) throws -> SessionSnapshot {
        let text = try Self.reasonText(reason)
        return try connection.transaction { connection in
            let row = try reader.sessionRow(code, lock: "UPDATE")
            guard row.status == .open else { throw StoreError.sessionFinalized(code.rawValue) }
            let snapshot = try reader.snapshot(code)
            if let decided = snapshot.dossiers.first(where: { $0.result != nil }) { throw StoreError.alreadyDecided(dossier: decided.code.rawValue) }
            guard day != snapshot.heldOn else {
                throw StoreError.invalid(field: "date", value: day.iso, reason: LocalizedText(
                    vi: "phiên họp đã ở ngày này.", en: "the session is already on that day."))
            }
            let convened: String? = try connection.one("SELECT convened_on::text AS day FROM council_session WHERE id = $1", row.id)["day"]
            if let convened = convened.flatMap(CalendarDate.init(iso:)), day > convened {
                throw StoreError.invalid(field: "date", value: day.iso, reason: LocalizedText(
                    vi: "phiên lấy ý kiến này đã họp trực tiếp ngày \(convened.display(.vi)); ngày mở phiên không thể sau ngày đó.",
                    en: "this written round already met on \(convened.display(.en)); its opening cannot move after that day."))
            }
            let store = DossierRepository(connection)
            let pending = snapshot.dossiers.filter { $0.deferral == nil && !$0.status.isTerminal }
            // Deferred dossiers have left (one may since be decided on a later session).
            for entry in pending { try Self.check(day: day, for: try store.dossier(entry.code), on: connection) }
            try connection.query("UPDATE council_session SET held_on = $2::date WHERE id = $1", row.id, day.iso)
            let detail = try JSONText(encoding: DossierEventDetail.rescheduled(session: code.rawValue, from: snapshot.heldOn, to: day))
            for entry in pending {
                try connection.query("UPDATE dossier SET updated_at = ocop_now() WHERE id = $1", entry.id)
                try connection.query("""
                    INSERT INTO dossier_event (dossier_id, actor, action, from_status, to_status, note, detail)
                    VALUES ($1, $2, 'reschedule', $3, $3, $4, $5::jsonb)
                    """, [entry.id, actor.rawValue, entry.status.rawValue, text, detail])
            }
            return try reader.snapshot(code)
        }
    }

    public func snapshot(_ code: SessionCode) throws -> SessionSnapshot { try reader.snapshot(code) }

    /// The most recent session where the dossier has sheets (open or finalized), if any.
    public func latestScoredSession(dossier: DossierCode) throws -> SessionCode? {
        try connection.optional("""
            SELECT s.code FROM council_session s JOIN score_sheet sh ON sh.session_id = s.id JOIN dossier d ON d.id = sh.dossier_id
            WHERE d.code = $1 ORDER BY s.held_on DESC, s.id DESC LIMIT 1
            """, dossier.rawValue).map { try SessionCode(parsing: try $0.decode(String.self, "code")) }
    }

    /// The session with every dossier assessed: who scored, average, spread, flags.
    public func report(_ code: SessionCode) throws -> SessionReport {
        try assess(try reader.snapshot(code), engines: EngineCache(RubricRepository(connection)))
    }

    func assess(_ snapshot: SessionSnapshot, engines: EngineCache) throws -> SessionReport {
        let policy = snapshot.council.policy
        let assessments = try snapshot.dossiers.map { d in
            do {
                return try CouncilRules.assess(
                    policy: policy, roster: snapshot.roster, recused: Set(d.recusals.map(\.person.rawValue)),
                    sheets: d.sheets.map(\.sheet), engine: try engines.engine(d.rubricHash), overridden: Set(d.overrides.map(\.flag)),
                    knockOuts: d.standingKnockOuts.map { CouncilKnockOut(declaration: $0.declaration, reason: $0.reason, decidedBy: $0.decidedBy.rawValue) })
            } catch let error as SheetValidationError {
                // Stored sheets were valid when submitted against this very snapshot of the rubric.
                throw StoreError.corruptStoredValue(table: "score_sheet", column: "answers", value: d.code.rawValue + ": " + error.message(.en))
            }
        }
        return SessionReport(snapshot: snapshot, assessments: assessments)
    }

    /// Marks members present or absent.
    public func recordAttendance(session code: SessionCode, present: [PersonCode], absent: [PersonCode], actor: PersonCode) throws {
        try connection.transaction { connection in
            let session = try reader.sessionRow(code, lock: "UPDATE")
            guard session.status == .open else { throw StoreError.sessionFinalized(code.rawValue) }
            let council = try CouncilRepository(connection).council(id: session.councilID)
            for (list, flag) in [(present, true), (absent, false)] {
                for person in list {
                    guard council.members.contains(where: { $0.person == person }) else {
                        throw StoreError.notAMember(person: person.rawValue, council: council.code.rawValue)
                    }
                    try connection.query("""
                        INSERT INTO session_attendance (session_id, person_id, present, recorded_by)
                        VALUES ($1, (SELECT id FROM person WHERE code = $2), $3, $4)
                        ON CONFLICT (session_id, person_id) DO UPDATE SET present = EXCLUDED.present,
                            recorded_at = ocop_now(), recorded_by = EXCLUDED.recorded_by
                        """, session.id, person.rawValue, flag, actor.rawValue)
                }
            }
        }
    }

    /// The session (locked) and one of its dossiers still to be decided here.
    private func undecidedEntry(session code: SessionCode, dossier: DossierCode, lock: String = "UPDATE") throws -> (SessionSnapshot, SessionDossier) {
        let row = try reader.sessionRow(code, lock: lock)
        let snapshot = try reader.snapshot(code)
        guard let entry = snapshot.dossier(dossier) else {
            throw StoreError.dossierNotOnSession(dossier: dossier.rawValue, session: code.rawValue)
        }
        if entry.result != nil { throw StoreError.alreadyDecided(dossier: entry.code.rawValue) }
        if entry.deferral != nil { throw StoreError.dossierDeferred(dossier: entry.code.rawValue, session: code.rawValue) }
        guard row.status == .open else { throw StoreError.sessionFinalized(code.rawValue) }
        if entry.status.isTerminal {
            throw DomainError.mayNotScore(.dossierClosed(dossier: entry.code.rawValue, status: entry.status))
        }
        return (snapshot, entry)
    }

    private static func reasonText(_ reason: String) throws -> String {
        try Validate.text(reason, field: "reason", limit: FieldLimit.note, multiline: true)
    }

    /// A member declares a conflict of interest for one dossier: they cannot score it and do not
    /// count towards its quorum. A sheet they already submitted stops counting.
    public func recuse(session code: SessionCode, dossier: DossierCode, person: PersonCode, kind: RecusalKind, reason: String, actor: PersonCode) throws {
        let text = try Self.reasonText(reason)
        try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier, lock: "SHARE")
            guard snapshot.council.members.contains(where: { $0.person == person }) else {
                throw StoreError.notAMember(person: person.rawValue, council: snapshot.council.code.rawValue)
            }
            try connection.query("""
                INSERT INTO recusal (session_id, dossier_id, person_id, reason_kind, reason, declared_by)
                VALUES ($1, $2, (SELECT id FROM person WHERE code = $3), $4, $5, $6)
                ON CONFLICT (session_id, dossier_id, person_id) DO UPDATE SET reason_kind = EXCLUDED.reason_kind, reason = EXCLUDED.reason
                """, [snapshot.id, entry.id, person.rawValue, kind.rawValue, text, actor.rawValue])
        }
    }

    /// Who may speak for the council on a dossier: the chair, or the vice-chairs when the chair is recused.
    static func presiding(_ roster: [RosterEntry], recused: Set<String>) -> [RosterEntry] {
        let chairs = roster.filter { $0.role == .chair && !recused.contains($0.person) }
        return chairs.isEmpty ? roster.filter { $0.role == .viceChair && !recused.contains($0.person) } : chairs
    }

    /// The chair overrides a spread or ★-minimum flag with a recorded reason.
    public func override(session code: SessionCode, dossier: DossierCode, flag: String, chair: PersonCode, reason: String, actor: PersonCode) throws {
        try override(session: code, dossier: dossier, flags: [flag], chair: chair, reason: reason, actor: actor)
    }

    /// The chair overrides several flags of one dossier with one reason: all of them or none.
    public func override(session code: SessionCode, dossier: DossierCode, flags: [String], chair: PersonCode, reason: String, actor: PersonCode) throws {
        let text = try Self.reasonText(reason)
        try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier)
            let report = try assess(snapshot, engines: EngineCache(RubricRepository(connection)))
            let assessment = report.assessments[snapshot.dossiers.firstIndex { $0.code == entry.code }!]
            let allowed = Self.presiding(snapshot.roster, recused: Set(entry.recusals.map(\.person.rawValue)))
            guard allowed.contains(where: { $0.person == chair.rawValue }) else { throw StoreError.notChair(person: chair.rawValue) }
            for flag in flags {
                if flag == "quorum" { throw StoreError.flagNotOverridable(flag) }
                if flag.hasPrefix("knockout:") { throw StoreError.knockOutNotOverridable(flag) }
                guard assessment.flags.contains(where: { $0.id == flag }) else {
                    throw StoreError.unknownFlag(dossier: entry.code.rawValue, flag: flag, raised: assessment.flags.map(\.id))
                }
            }
            for flag in Set(flags).sorted() {
                try connection.query("""
                    INSERT INTO council_override (session_id, dossier_id, flag, chair_id, reason, recorded_by)
                    VALUES ($1, $2, $3, (SELECT id FROM person WHERE code = $4), $5, $6)
                    ON CONFLICT (session_id, dossier_id, flag) DO UPDATE SET reason = EXCLUDED.reason, chair_id = EXCLUDED.chair_id,
                        recorded_at = ocop_now(), recorded_by = EXCLUDED.recorded_by
                    """, [snapshot.id, entry.id, flag, chair.rawValue, text, actor.rawValue])
            }
        }
    }

    /// The council disqualifies a dossier under the dossier clause or an in-criterion knock-out of
    /// its frozen product set. `by` is the presiding chair (defaults to the chair when only one
    /// person can preside). Finalization passes it to the rating engine.
    @discardableResult
    public func declareKnockOut(session code: SessionCode, dossier: DossierCode, clause: String, reason: String, by: PersonCode?,
                                actor: PersonCode) throws -> KnockOutRecord {
        let text = try Self.reasonText(reason)
        return try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier)
            let set = try RubricRepository(connection).frozenSet(hash: entry.rubricHash)
            let declaration = CouncilRules.knockOutDeclaration(parsing: clause)
            guard let quoted = CouncilRules.quote(declaration, in: set) else {
                throw StoreError.notAKnockOutClause(dossier: entry.code.rawValue, productSet: set.number,
                                                    clause: clause.nfc.trimmingCharacters(in: .whitespaces),
                                                    allowed: CouncilRules.knockOutClauses(of: set).map(\.description))
            }
            if entry.standingKnockOuts.contains(where: { $0.declaration == declaration }) {
                throw StoreError.knockOutAlreadyDecided(dossier: entry.code.rawValue, clause: declaration.description)
            }
            let presiding = Self.presiding(snapshot.roster, recused: Set(entry.recusals.map(\.person.rawValue)))
            let decider: String
            if let by {
                guard presiding.contains(where: { $0.person == by.rawValue }) else { throw StoreError.notChair(person: by.rawValue) }
                decider = by.rawValue
            } else {
                guard presiding.count == 1 else { throw StoreError.presidingChairNeeded(dossier: entry.code.rawValue) }
                decider = presiding[0].person
            }
            let row = try connection.one("""
                INSERT INTO council_knockout (session_id, dossier_id, clause, clause_text, reason, decided_by, recorded_by)
                VALUES ($1, $2, $3, $4, $5, (SELECT id FROM person WHERE code = $6), $7)
                RETURNING recorded_at, recorded_by
                """, [snapshot.id, entry.id, declaration.description, quoted.nfc, text, decider, actor.rawValue])
            return KnockOutRecord(dossier: entry.code, declaration: declaration, clauseText: quoted.nfc, reason: text,
                                  decidedBy: try SessionSnapshotReader.person(decider), recordedAt: try row["recorded_at"],
                                  recordedBy: try row["recorded_by"], withdrawnAt: nil, withdrawnBy: nil, withdrawnReason: nil)
        }
    }

    /// Takes a knock-out decision back before finalization; the row stays on record as withdrawn.
    public func withdrawKnockOut(session code: SessionCode, dossier: DossierCode, clause: String, reason: String, actor: PersonCode) throws {
        let text = try Self.reasonText(reason)
        try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier)
            let declaration = CouncilRules.knockOutDeclaration(parsing: clause)
            let rows = try connection.query("""
                UPDATE council_knockout SET withdrawn_at = ocop_now(), withdrawn_by = $4, withdrawn_reason = $5
                WHERE session_id = $1 AND dossier_id = $2 AND clause = $3 AND withdrawn_at IS NULL
                RETURNING id
                """, [snapshot.id, entry.id, declaration.description, actor.rawValue, text])
            guard !rows.isEmpty else {
                throw StoreError.noSuchKnockOut(dossier: entry.code.rawValue, clause: declaration.description,
                                                standing: entry.standingKnockOuts.map(\.declaration.description))
            }
        }
    }

    /// Takes a dossier off the session ("hoãn": no quorum, members absent, a site survey needed).
    /// The agenda row, its sheets and recusals stay in the session's record; a provincial dossier
    /// goes back to `ready_for_council` for a later session. A decided dossier cannot be deferred.
    @discardableResult
    public func deferDossier(session code: SessionCode, dossier: DossierCode, reason: String, actor: PersonCode) throws -> DeferralRecord {
        let text = try Self.reasonText(reason)
        return try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier)
            let row = try connection.one("""
                INSERT INTO session_deferral (session_id, dossier_id, reason, deferred_by) VALUES ($1, $2, $3, $4)
                RETURNING deferred_at, deferred_by
                """, snapshot.id, entry.id, text, actor.rawValue)
            if snapshot.council.level == .provincial {
                try DossierRepository(connection).apply(.defer(reason: text), to: entry.code, actor: actor,
                                                        detail: .deferred(session: snapshot.code.rawValue, heldOn: snapshot.heldOn))
            }
            // A central council's dossier stays central_review and can go on its next session.
            return DeferralRecord(dossier: entry.code, reason: text, deferredAt: try row["deferred_at"], deferredBy: try row["deferred_by"])
        }
    }
}
