import OCOPApp
import OCOPDomain
import OCOPModels
import OCOPStore
import OCOPTestSupport
import Postgres
import Testing

/// No sequence of commands strands a dossier or a session (issue: workflow dead ends).
@Suite struct WorkflowDeadEndTests {
    @Test func aWithdrawnDossierLeavesItsSessionWhichStillFinalizes() throws {
        let world = try CouncilWorld.make("deadend_withdraw", sets: [1, 4])
        let session = try world.open()
        let (kept, withdrawn) = (world.dossiers[0], world.dossiers[1])
        for member in CouncilWorld.scorers { _ = try world.score(0, member, total: 74) }
        _ = try world.score(1, "chair", total: 80)
        try DossierRepository(world.connection).apply(.withdraw, to: withdrawn, actor: person("producer"), note: "Chủ thể rút hồ sơ")

        // No more sheets for it, and the session's status says it left.
        let refused = thrown(DomainError.self) { _ = try world.score(1, "vice1", total: 80) }
        #expect(refused == .mayNotScore(.dossierClosed(dossier: withdrawn.rawValue, status: .withdrawn)))
        let snapshot = try world.snapshot(session)
        #expect(snapshot.dossiers.first { $0.code == withdrawn }?.leftProcedure == true)

        // The session finalizes without it; the withdrawn dossier stays withdrawn.
        let report = try world.finalize(session)
        #expect(report.decided.map(\.dossier) == [kept])
        #expect(report.withdrawn == [withdrawn])
        #expect(try DossierRepository(world.connection).dossier(withdrawn).status == .withdrawn)
        #expect(try DossierRepository(world.connection).dossier(kept).status == .awaitingDecision)
    }

    @Test func aDossierIsNeverScheduledWithoutASession() throws {
        let world = try CouncilWorld.make("deadend_schedule", sets: [1])
        let store = DossierRepository(world.connection)
        let d = world.dossiers[0]
        #expect(try store.dossier(d).status == .readyForCouncil)
        // Only opening a session schedules a dossier: a hand advance is refused.
        let error = thrown(DomainError.self) { _ = try store.apply(.advance(to: nil), to: d, actor: person("sec")) }
        guard case .illegalTransition? = error else { Issue.record("expected an illegal transition, got \(String(describing: error))"); return }
        #expect(try store.dossier(d).status == .readyForCouncil)
        #expect(try world.connection.count("dossier", where: "status = 'council_scheduled' AND NOT EXISTS (SELECT 1 FROM session_dossier sd WHERE sd.dossier_id = dossier.id)") == 0)
    }

    @Test func rolesAreFrozenWhileASessionIsOpen() throws {
        let world = try CouncilWorld.make("deadend_roles", sets: [1])
        let councils = CouncilRepository(world.connection)
        let session = try world.open()
        let error = thrown(StoreError.self) {
            _ = try councils.addMember(council: CouncilWorld.council, person: person("chair"), name: nil, organisation: nil, role: .member, actor: person("sec"))
        }
        #expect(error == .councilInSession(council: CouncilWorld.council.rawValue, session: session.rawValue))
        #expect(error?.kind == .conflict)
        #expect(try councils.council(CouncilWorld.council).members.first { $0.person == person("chair") }?.role == .chair)
        // Naming a member again with the same role changes nothing and is fine.
        _ = try councils.addMember(council: CouncilWorld.council, person: person("chair"), name: nil, organisation: nil, role: .chair, actor: person("sec"))
    }
}
