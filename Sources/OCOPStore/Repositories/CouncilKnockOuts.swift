import Foundation
import OCOPDomain
import Postgres

/// Decisions the council takes on a dossier as a whole: a knock-out, or deferral to a later session.
extension CouncilStore {
    /// The council disqualifies a dossier under the dossier clause or an in-criterion knock-out of its
    /// frozen product set. `by` is the presiding chair (defaults to the chair when only one person
    /// can preside). Finalization passes it to the rating engine.
    @discardableResult
    public func declareKnockOut(session code: String, dossier: String, clause: String, reason: String, by: String?,
                                actor: String) throws -> KnockOutRecord {
        let text = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CouncilError.emptyReason("--reason") }
        return try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier)
            let set = try RubricStore(connection).frozenSet(hash: entry.rubricHash)
            let declaration = CouncilRules.knockOutDeclaration(parsing: clause)
            guard let quoted = CouncilRules.quote(declaration, in: set) else {
                throw CouncilError.notAKnockOutClause(dossier: entry.code, productSet: set.number, clause: clause.nfc.trimmingCharacters(in: .whitespaces),
                                                      allowed: CouncilRules.knockOutClauses(of: set).map(\.description))
            }
            if entry.standingKnockOuts.contains(where: { $0.declaration == declaration }) {
                throw CouncilError.knockOutAlreadyDecided(dossier: entry.code, clause: declaration.description)
            }
            let presiding = Self.presiding(snapshot.roster, recused: Set(entry.recusals.map(\.person)))
            let decider: String
            if let by {
                decider = Self.personKey(by)
                guard presiding.contains(where: { $0.person == decider }) else { throw CouncilError.notChair(person: decider) }
            } else {
                guard presiding.count == 1 else { throw CouncilError.presidingChairNeeded(dossier: entry.code) }
                decider = presiding[0].person
            }
            try connection.query("""
                INSERT INTO council_knockout (session_id, dossier_id, clause, clause_text, reason, decided_by, recorded_by)
                VALUES ($1, $2, $3, $4, $5, (SELECT id FROM person WHERE code = $6), $7)
                """, [snapshot.id, entry.id, declaration.description, quoted.nfc, text, decider, actor.nfc])
            guard let record = try self.snapshot(snapshot.code).dossier(entry.code)?.standingKnockOuts.last else {
                throw CouncilError.noSuchKnockOut(dossier: entry.code, clause: declaration.description, standing: [])
            }
            return record
        }
    }

    /// Takes a knock-out decision back before finalization; the row stays on record as withdrawn.
    public func withdrawKnockOut(session code: String, dossier: String, clause: String, reason: String, actor: String) throws {
        let text = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CouncilError.emptyReason("--reason") }
        try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier)
            let declaration = CouncilRules.knockOutDeclaration(parsing: clause)
            let rows = try connection.query("""
                UPDATE council_knockout SET withdrawn_at = now(), withdrawn_by = $4, withdrawn_reason = $5
                WHERE session_id = $1 AND dossier_id = $2 AND clause = $3 AND withdrawn_at IS NULL
                RETURNING id
                """, [snapshot.id, entry.id, declaration.description, actor.nfc, text])
            guard !rows.isEmpty else {
                throw CouncilError.noSuchKnockOut(dossier: entry.code, clause: declaration.description,
                                                  standing: entry.standingKnockOuts.map(\.declaration.description))
            }
        }
    }

    /// Takes a dossier off the session ("hoãn": no quorum, members absent, a site survey needed).
    /// The agenda row, its sheets and recusals stay in the session's record; a provincial dossier
    /// goes back to `ready_for_council` for a later session. A decided dossier cannot be deferred.
    @discardableResult
    public func deferDossier(session code: String, dossier: String, reason: String, actor: String) throws -> DeferralRecord {
        let text = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CouncilError.emptyReason("--reason") }
        return try connection.transaction { connection in
            let (snapshot, entry) = try undecidedEntry(session: code, dossier: dossier)
            try connection.query("""
                INSERT INTO session_deferral (session_id, dossier_id, reason, deferred_by) VALUES ($1, $2, $3, $4)
                """, snapshot.id, entry.id, text, actor.nfc)
            if snapshot.council.level == .provincial {
                let held = PostgresDate(iso: snapshot.heldOn)!
                try DossierStore(connection).apply(.defer(reason: text), to: entry.code, actor: actor,
                                                   note: "Hoãn xét tại phiên họp hội đồng ngày \(held.day)/\(held.month)/\(held.year) (phiên \(snapshot.code)): \(text)".nfc)
            }
            // A central council's dossier stays central_review and can go on its next session.
            guard let record = try self.snapshot(snapshot.code).dossier(entry.code)?.deferral else {
                throw CouncilError.dossierNotOnSession(dossier: entry.code, session: snapshot.code)
            }
            return record
        }
    }

    /// The session (locked against finalization) and one of its dossiers that is still to be decided here.
    private func undecidedEntry(session code: String, dossier: String) throws -> (SessionSnapshot, SessionDossier) {
        let row = try sessionRow(code, lock: "UPDATE")
        let snapshot = try snapshot(code)
        guard let entry = snapshot.dossier(dossier) else {
            throw CouncilError.dossierNotOnSession(dossier: Self.codeKey(dossier), session: snapshot.code)
        }
        if entry.result != nil { throw CouncilError.alreadyDecided(dossier: entry.code) }
        if entry.deferral != nil { throw CouncilError.dossierDeferred(dossier: entry.code, session: snapshot.code) }
        guard row.status == "open" else { throw CouncilError.sessionFinalized(snapshot.code) }
        return (snapshot, entry)
    }
}
