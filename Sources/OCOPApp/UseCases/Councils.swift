import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Councils, sessions and finalization.
extension Workbench {
    public func createCouncil(code: CouncilCode, name: String, level: CouncilLevel, provinceCode: String?, decisionRef: String?,
                              policy: CouncilPolicy) throws -> Council {
        try CouncilRepository(try connection()).create(code: code, name: name, level: level, provinceCode: provinceCode,
                                                       decisionRef: decisionRef, policy: policy, actor: actor)
    }

    public func councils() throws -> [Council] { try CouncilRepository(try connection()).councils() }

    public func council(_ code: CouncilCode) throws -> Council { try CouncilRepository(try connection()).council(code) }

    /// Adds a member (creating the person when `name` is given) or changes their role.
    public func addCouncilMember(council: CouncilCode, person: PersonCode, name: String?, organisation: String?, role: CouncilRole) throws -> Council {
        try CouncilRepository(try connection()).addMember(council: council, person: person, name: name, organisation: organisation, role: role, actor: actor)
    }

    /// Opens a session. `mode` defaults to the law's: written opinions when every dossier is a
    /// re-evaluation (Art. 7.6.d), else a meeting; written opinions take only re-evaluations.
    public func openSession(council: CouncilCode, heldOn: CalendarDate, place: String?, dossiers: [DossierCode], absent: [PersonCode],
                            mode: SessionMode? = nil) throws -> SessionSnapshot {
        try transaction { connection in
            let kinds = try dossiers.map { try DossierRepository(connection).dossier($0).kind }
            let chosen = mode ?? (!kinds.isEmpty && kinds.allSatisfy { $0 == .reEvaluation } ? .writtenOpinions : .meeting)
            if chosen == .writtenOpinions {
                let others = zip(dossiers, kinds).filter { $0.1 != .reEvaluation }.map(\.0.rawValue)
                if !others.isEmpty { throw StoreError.writtenOpinionsOnlyForReEvaluation(dossiers: others) }
            }
            let snapshot = try SessionRepository(connection).open(council: council, heldOn: heldOn, place: place, dossiers: dossiers, absent: absent, actor: actor)
            if chosen != .meeting { try SessionLifecycleRepository(connection).setMode(snapshot.code, mode: chosen) }
            return snapshot
        }
    }

    public func sessions(council: CouncilCode? = nil) throws -> [CouncilSessionSummary] {
        try SessionSnapshotReader(try connection()).sessions(council: council)
    }

    /// The session with every dossier assessed: who scored, average, spread, flags.
    public func sessionReport(_ code: SessionCode) throws -> SessionReport {
        try SessionRepository(try connection()).report(code)
    }

    /// Everything recorded about a session, for the minutes.
    public func sessionSnapshot(_ code: SessionCode) throws -> SessionSnapshot {
        try SessionRepository(try connection()).snapshot(code)
    }

    public func recordAttendance(session: SessionCode, present: [PersonCode], absent: [PersonCode]) throws {
        try SessionRepository(try connection()).recordAttendance(session: session, present: present, absent: absent, actor: actor)
    }

    public func recuse(session: SessionCode, dossier: DossierCode, member: PersonCode, kind: RecusalKind, reason: String) throws {
        try SessionRepository(try connection()).recuse(session: session, dossier: dossier, person: member, kind: kind, reason: reason, actor: actor)
    }

    /// The chair overrides a spread or ★-split flag; in a written-opinion round only once the
    /// council has met (overriding diverging opinions is what a meeting does).
    public func overrideFlag(session: SessionCode, dossier: DossierCode, flag: String, chair: PersonCode, reason: String) throws {
        try overrideFlags(session: session, dossier: dossier, flags: [flag], chair: chair, reason: reason)
    }

    /// The chair overrides one or more flags of a dossier with one reason, all or none.
    public func overrideFlags(session: SessionCode, dossier: DossierCode, flags: [String], chair: PersonCode, reason: String) throws {
        let connection = try connection()
        if let first = flags.first { try SessionLifecycleRepository(connection).requireMeeting(toOverride: first, in: session) }
        try SessionRepository(connection).override(session: session, dossier: dossier, flags: flags, chair: chair, reason: reason, actor: actor)
    }

    public func declareKnockOut(session: SessionCode, dossier: DossierCode, clause: String, reason: String, by: PersonCode?) throws -> KnockOutRecord {
        try SessionRepository(try connection()).declareKnockOut(session: session, dossier: dossier, clause: clause, reason: reason, by: by, actor: actor)
    }

    public func withdrawKnockOut(session: SessionCode, dossier: DossierCode, clause: String, reason: String) throws {
        try SessionRepository(try connection()).withdrawKnockOut(session: session, dossier: dossier, clause: clause, reason: reason, actor: actor)
    }

    public func deferDossier(session: SessionCode, dossier: DossierCode, reason: String) throws -> DeferralRecord {
        try SessionRepository(try connection()).deferDossier(session: session, dossier: dossier, reason: reason, actor: actor)
    }

    /// Moves a session not yet concluded to another day (postponed or brought forward).
    public func rescheduleSession(_ code: SessionCode, to day: CalendarDate, reason: String) throws -> SessionSnapshot {
        try SessionRepository(try connection()).reschedule(code, to: day, reason: reason, actor: actor)
    }

    public func finalizeSession(_ code: SessionCode, only: [DossierCode] = []) throws -> FinalizationReport {
        try SessionRepository(try connection()).finalize(code, only: only, actor: actor)
    }
}
